/**
 * What every scenario shares: starting meldingen, waiting for a handover, printing what was done
 * and what was checked. A scenario passes when every check holds and the audit finds nothing
 * lost and nothing sent twice.
 */
import { getCaseState, startMelding, decide } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { audit, readDeliveryLog, type Expected } from './audit';
import { eventually, sleep, TASK_QUEUE, type Stack } from './stack';

export const HANDOVER = 'casemanager_overdracht';

export interface Outcome {
  checks: number;
  failed: number;
  lost: number;
  duplicates: number;
}

export interface Scenario {
  name: string;
  run(stack: Stack, report: Report): Promise<void>;
}

export class Report {
  outcome: Outcome = { checks: 0, failed: 0, lost: 0, duplicates: 0 };
  /** `write` gets each line; the test suite keeps them to show with a failure. */
  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}
  say(text: string): void {
    this.write(`  ${text}`);
  }
  check(what: string, ok: boolean, detail = ''): void {
    this.outcome.checks += 1;
    if (!ok) this.outcome.failed += 1;
    this.write(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
  }
  /** Delivery log against the SMTP server and the Twilio mock, for these meldingen. */
  async audit(stack: Stack, refs: string[], expected: Expected[]): Promise<void> {
    const a = await audit(stack, refs, expected);
    for (const line of a.lines) this.write(line);
    this.outcome.lost += a.lost;
    this.outcome.duplicates += a.duplicates;
    this.check(
      `delivery log vs SMTP server and Twilio mock for ${refs.length} meldingen`,
      a.lost === 0 && a.duplicates === 0,
      `${a.emails} emails, ${a.sms} SMS accepted; lost ${a.lost}, duplicates ${a.duplicates}`,
    );
  }
}

type IntakeOverrides = Parameters<typeof buildIntake>[0];

/** Only the casemanager handover: no police, FMO or medical request beside it. */
export const handoverOnly = (overrides: IntakeOverrides = {}) =>
  buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' }, ...overrides });

/** Starts `count` meldingen at `perSecond` through the real client; resolves with their references. */
export async function burst(
  stack: Stack,
  count: number,
  perSecond: number,
  make: () => ReturnType<typeof buildIntake> = () => handoverOnly(),
): Promise<string[]> {
  const starts: Promise<string>[] = [];
  for (let i = 0; i < count; i++) {
    const intake = make();
    starts.push(
      startMelding(stack.client, TASK_QUEUE, intake).then((r) => {
        if (r.status !== 'started') throw new Error(`start of ${intake.reference}: ${r.status}`);
        return intake.reference;
      }),
    );
    await sleep(1000 / perSecond);
  }
  return Promise.all(starts);
}

/** True when the delivery log holds `ref`'s request step as sent on `channel`. */
export function logged(stack: Stack, ref: string, requestId: string, attempt: number, channel = 'email') {
  const key = `${ref}/${requestId}/${attempt}/${channel}`;
  return readDeliveryLog(stack.deliveryDir).some((r) => r.key === key && r.state === 'sent');
}

/** Waits for every handover on both channels; false (not a throw) so the audit still runs after a miss. */
export async function allHandedOver(stack: Stack, refs: string[], ms = 300_000): Promise<boolean> {
  return eventually(
    `the handover of ${refs.length} meldingen on both channels`,
    async () =>
      refs.every((r) => logged(stack, r, HANDOVER, 1, 'email') && logged(stack, r, HANDOVER, 1, 'sms'))
        ? true
        : undefined,
    ms,
  ).catch(() => false);
}

/**
 * The casemanager acknowledges every handover; each case must reach watchful waiting. A named
 * casemanager of the region, so they own the cases and the check-ins go to their own address (an
 * id the directory does not know would own cases nobody can be reached at: its check-ins skip to
 * the on-call casemanager).
 */
export async function acknowledgeAll(stack: Stack, report: Report, refs: string[]): Promise<void> {
  let waiting = 0;
  for (const ref of refs) {
    await decide(stack.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: HANDOVER, by: 'cm-lim' },
    });
    const state = await eventually(`${ref} in watchful waiting`, async () => {
      const s = await getCaseState(stack.client, ref);
      return s.phase === 'watchful_waiting' ? s : undefined;
    }).catch(() => undefined);
    if (state) waiting += 1;
  }
  report.check(
    'every case acknowledged and in watchful_waiting',
    waiting === refs.length,
    `${waiting}/${refs.length}`,
  );
}
