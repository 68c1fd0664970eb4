/**
 * What the service fills in for a caller (API or CLI) that leaves it out: the reference (from an
 * Idempotency-Key when given, so a retry maps to the same case), the registration time, and who
 * recorded it. Only absent fields are filled: a present but wrong value stays, for the schema to refuse.
 */
import { regionForMunicipality } from '../regions';
import { candidateReference, newSequenceNumber } from './reference';

export interface FillOptions {
  now: Date;
  staffId: string;
  idempotencyKey?: string;
  /** Keys the Idempotency-Key → sequence mapping, so outsiders cannot predict references. */
  secret: string;
}

/**
 * Returns the raw intake for candidate reference number `attempt` (see `startWithFreeReference`).
 * Without an Idempotency-Key the first candidate is random and later ones follow from it.
 */
export function fillIntakeDefaults(
  given: Record<string, unknown>,
  options: FillOptions,
): { rawFor: (attempt: number) => Record<string, unknown>; referenceDerived: boolean } {
  const region =
    typeof given.municipality === 'string' ? regionForMunicipality(given.municipality) : undefined;
  const referenceDerived = given.reference === undefined;
  const seed = options.idempotencyKey ? `idempotency:${options.idempotencyKey}` : newSequenceNumber();
  const base = {
    ...given,
    receivedAt: given.receivedAt === undefined ? options.now.toISOString() : given.receivedAt,
    recordedBy: given.recordedBy === undefined ? options.staffId : given.recordedBy,
  };
  return {
    referenceDerived,
    rawFor: (attempt) => ({
      ...base,
      reference:
        referenceDerived && region
          ? candidateReference(region.id, options.now, seed, attempt, options.secret)
          : given.reference,
    }),
  };
}

/** How far ahead of this service's clock a caller's receivedAt may be (clocks drift a little). */
export const RECEIVED_AT_MAX_AHEAD_MS = 5 * 60 * 1000;

/**
 * A receivedAt in the future would shift the 72-hour and 7-day lines of triage, and with them
 * the FMO: refused, naming the field. A time in the past is allowed (a call registered after it
 * ended); the schema checks that it is a time at all.
 */
export function receivedAtProblem(
  given: Record<string, unknown>,
  now: Date,
): { field: 'receivedAt'; message: string } | undefined {
  if (typeof given.receivedAt !== 'string') return undefined;
  const at = Date.parse(given.receivedAt);
  if (Number.isNaN(at) || at <= now.getTime() + RECEIVED_AT_MAX_AHEAD_MS) return undefined;
  return { field: 'receivedAt', message: 'expected the time the intake was registered, not in the future' };
}
