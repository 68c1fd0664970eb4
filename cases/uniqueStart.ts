/**
 * Starting a melding under a reference the service made up. Six random digits per region and
 * year collide now and then; the workflow-id rule then answers "already exists" for somebody
 * else's case, and the new melding would silently not start. So an "already exists" is only
 * believed when the existing case looks like this very submission (same staff id and channel,
 * started after the form was opened); otherwise the next candidate reference is tried.
 */
import type { CaseState } from '../workflows/messages';

const MAX_CANDIDATES = 5;
const CLOCK_SKEW_MS = 60_000;

export function looksLikeSameSubmission(
  state: CaseState,
  raw: Record<string, unknown>,
  notBefore?: string,
): boolean {
  const intake = state.decisions.find((d) => d.type === 'intake');
  if (!intake) return true; // nothing to compare: trust the reference
  if (intake.by !== raw.recordedBy) return false;
  if (typeof raw.channel === 'string' && !intake.value.startsWith(`${raw.channel};`)) return false;
  if (notBefore && Date.parse(intake.at) < Date.parse(notBefore) - CLOCK_SKEW_MS) return false;
  return true;
}

/**
 * Any starter answers: the case client itself, or the scoped one (cases/access.ts) whose
 * refusals (`forbidden`) come back as they are.
 */
export async function startWithFreeReference<O extends { status: string; state?: CaseState }>(
  meldingen: { start(raw: Record<string, unknown>): Promise<O> },
  rawFor: (attempt: number) => Record<string, unknown>,
  options: { referenceDerived: boolean; notBefore?: string },
): Promise<O> {
  for (let attempt = 0; ; attempt++) {
    const raw = rawFor(attempt);
    const outcome = await meldingen.start(raw);
    if (outcome.status !== 'already_exists' || !options.referenceDerived) return outcome;
    // Without a state (no worker answering) the reference is trusted: never risk a second case.
    if (!outcome.state || looksLikeSameSubmission(outcome.state, raw, options.notBefore)) return outcome;
    if (attempt + 1 >= MAX_CANDIDATES) throw new Error('no free melding reference after several candidates');
  }
}
