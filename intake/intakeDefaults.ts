/**
 * What the service fills in for a caller (API or CLI) that leaves it out: the reference (from an
 * Idempotency-Key when given, so a retry maps to the same case), the registration time, and who
 * recorded it. Only absent fields are filled: a present but wrong value stays, for the schema to refuse.
 */
import { createHmac } from 'node:crypto';
import { regionForMunicipality } from '../config/regions';
import { buildReference, newSequenceNumber } from './reference';

export interface FillOptions {
  now: Date;
  staffId: string;
  idempotencyKey?: string;
  /** Keys the Idempotency-Key → sequence mapping, so outsiders cannot predict references. */
  secret: string;
}

function sequenceFor(idempotencyKey: string | undefined, secret: string): string {
  if (!idempotencyKey) return newSequenceNumber();
  const digest = createHmac('sha256', secret).update(`idempotency:${idempotencyKey}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function fillIntakeDefaults(
  given: Record<string, unknown>,
  options: FillOptions,
): { raw: Record<string, unknown>; referenceDerived: boolean } {
  const region =
    typeof given.municipality === 'string' ? regionForMunicipality(given.municipality) : undefined;
  const referenceDerived = given.reference === undefined;
  const reference =
    referenceDerived && region
      ? buildReference(region.id, options.now, sequenceFor(options.idempotencyKey, options.secret))
      : given.reference;
  return {
    raw: {
      ...given,
      reference,
      receivedAt: given.receivedAt === undefined ? options.now.toISOString() : given.receivedAt,
      recordedBy: given.recordedBy === undefined ? options.staffId : given.recordedBy,
    },
    referenceDerived,
  };
}
