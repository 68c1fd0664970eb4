/**
 * New melding references, `CSG-<REGIO>-<JAAR>-<VOLGNUMMER>` (see domain/intakeSchema.ts). The
 * sequence part is random, never derived from personal data, because the reference is also the
 * workflow id and shows in the Temporal UI.
 */
import { randomInt } from 'node:crypto';

/** Region codes in references; a new region without an entry gets one derived from its id. */
const REGION_CODES: Record<string, string> = {
  limburg: 'LIM',
  'gelderland-zuid-midden': 'GZM',
};

export function regionCode(regionId: string): string {
  const known = REGION_CODES[regionId];
  if (known) return known;
  const words = regionId.split('-').filter(Boolean);
  const code =
    words.length > 1
      ? words.map((w) => w[0]).join('')
      : (words[0] ?? 'CSG').replace(/[^a-z]/g, '').slice(0, 3);
  return code
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 4)
    .padEnd(2, 'X');
}

/** Six random digits: drawn when the form opens, so a resubmitted form keeps its reference. */
export function newSequenceNumber(random: (max: number) => number = randomInt): string {
  return String(random(1_000_000)).padStart(6, '0');
}

export function buildReference(regionId: string, receivedAt: Date, sequence: string): string {
  return `CSG-${regionCode(regionId)}-${receivedAt.getUTCFullYear()}-${sequence}`;
}
