/**
 * Small checks for update validators. A validator that throws rejects the update with the message
 * as its reason and changes nothing. Plain code, no zod: this runs inside the workflow sandbox.
 * The lists to check against are the domain's (domain/vocabulary.ts), the same the API's zod
 * schemas are built from.
 */
import { incidentTimeProblem } from '../domain/incidentTime';

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
