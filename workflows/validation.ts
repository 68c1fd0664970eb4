/**
 * Small checks for update validators. A validator that throws rejects the update with the message
 * as its reason and changes nothing. Plain code, no zod: this runs inside the workflow sandbox.
 * The lists to check against are the domain's (domain/vocabulary.ts), the same the API's zod
 * schemas are built from.
 */
import { incidentTimeProblem } from '../domain/incidentTime';
import { linkStanding, type AwaitedStep, type LinkBinding } from '../domain/linkBinding';
import { RECIPIENT_TIERS } from '../domain/vocabulary';

/** Who records a decision: a pseudonymous staff or partner id (no spaces, no @: not a name or address). */
export function ensureBy(by: unknown): void {
  if (typeof by !== 'string' || !/^[A-Za-z0-9._:-]{1,100}$/.test(by)) {
    throw new Error('by: expected the pseudonymous id of who records this (letters, digits, . _ : -)');
  }
}

export function ensureOneOf<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(`${field}: expected one of ${allowed.join(', ')}`);
  }
}

/**
 * A corrected incident time: well-formed, a range that runs forwards, and not after the intake.
 * The same check, field and words as the intake schema's (domain/incidentTime.ts).
 */
export function ensureIncidentTime(value: unknown, intakeAtMs: number): void {
  const problem = incidentTimeProblem(value, intakeAtMs);
  if (problem) throw new Error(`${problem.field}: ${problem.message}`);
}

/**
 * An answer that came through a partner's signed link acts only while the link's tier and attempt
 * are the ones awaited (domain/linkBinding.ts): the page checked it too, but the request may have
 * escalated between the page and the answer, and the history must name who actually answered.
 */
export function ensureLinkStillAwaited(step: AwaitedStep, link: unknown, owner: string | undefined): void {
  if (link === undefined) return;
  const given = link as Partial<LinkBinding> | null;
  if (
    typeof given !== 'object' ||
    given === null ||
    !Number.isInteger(given.attempt) ||
    (given.tier !== undefined && !(RECIPIENT_TIERS as readonly string[]).includes(given.tier)) ||
    (given.addressee !== undefined && typeof given.addressee !== 'string')
  ) {
    throw new Error('link: expected { tier, attempt, addressee? } of the signed link');
  }
  const standing = linkStanding(step, given as LinkBinding, owner);
  if (standing !== 'awaited') {
    throw new Error(
      `link: the request has moved on (now awaiting ${step.awaitedTier}); this link was for an earlier step`,
    );
  }
}
