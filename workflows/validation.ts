/**
 * Small checks for update validators. A validator that throws rejects the update with the message
 * as its reason and changes nothing. Plain code, no zod: this runs inside the workflow sandbox.
 */

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

const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** A corrected incident time: well-formed, a range that runs forwards, and not after the intake. */
export function ensureIncidentTime(value: unknown, intakeAtMs: number): void {
  const t = value as
    { kind?: unknown; at?: unknown; earliest?: unknown; latest?: unknown } | null | undefined;
  if (t?.kind === 'unknown') return;
  if (t?.kind === 'exact' && isTime(t.at)) {
    if (Date.parse(t.at) > intakeAtMs) throw new Error('incidentTime.at: expected a time before the intake');
    return;
  }
  if (t?.kind === 'approximate' && isTime(t.earliest) && isTime(t.latest)) {
    if (Date.parse(t.earliest) > Date.parse(t.latest)) {
      throw new Error('incidentTime.latest: expected the latest time on or after the earliest');
    }
    if (Date.parse(t.earliest) > intakeAtMs)
      throw new Error('incidentTime.earliest: expected a time before the intake');
    return;
  }
  throw new Error(
    'incidentTime: expected {kind:"exact", at} or {kind:"approximate", earliest, latest} with ISO times, or {kind:"unknown"}',
  );
}
