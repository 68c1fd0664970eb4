/**
 * The case as `status` shows it after an action. An update answers with the state at the moment
 * its handler returned, before the workflow's main flow has reacted: an acknowledged handover
 * moves the case to its next phase only after that, and a close only sets the case closing; the
 * phase becomes "afgesloten" once every partner has been told their request lapsed (activities),
 * seconds later. So the command line reads the state again, and for a close waits a little for
 * the phase to settle rather than print the phase from before.
 */
import type { CaseState } from '../workflows/messages';

export interface Settled {
  state: CaseState;
  /** False when the wait ran out before `settled` held: `state` is the latest the case showed. */
  settled: boolean;
}

export interface SettleOptions {
  /** When the action's effect is complete; by default one fresh read is enough. */
  settled?: (state: CaseState) => boolean;
  waitMs?: number;
  pollMs?: number;
}

/** Long enough for the closing notices of a healthy worker, short enough for a person waiting. */
const WAIT_MS = 8_000;
const POLL_MS = 200;

export async function stateAfterAction(
  read: (reference: string) => Promise<CaseState | undefined>,
  returned: CaseState,
  { settled = () => true, waitMs = WAIT_MS, pollMs = POLL_MS }: SettleOptions = {},
): Promise<Settled> {
  const until = Date.now() + waitMs;
  let latest = returned;
  for (;;) {
    try {
      latest = (await read(returned.reference)) ?? latest;
    } catch {
      // The action is recorded; a read that fails now only means we show the last state we have.
      return { state: latest, settled: settled(latest) };
    }
    if (settled(latest)) return { state: latest, settled: true };
    if (Date.now() + pollMs > until) return { state: latest, settled: false };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
