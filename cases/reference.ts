/**
 * New melding references, `CSG-<REGIO>-<JAAR>-<VOLGNUMMER>` (see domain/intakeSchema.ts). The
 * sequence part is random, never derived from personal data, because the reference is also the
 * workflow id and shows in the Temporal UI.
 */
import { createHmac, randomInt } from 'node:crypto';

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

/**
 * Candidate reference number `attempt` for a submission (see cases/uniqueStart.ts): the first is
 * the seed itself when it is a six-digit sequence (the form's, drawn when it opened), every
 * later one follows from the seed. The one way every front end (form, API, CLI) makes a reference.
 */
export function candidateReference(
  regionId: string,
  receivedAt: Date,
  seed: string,
  attempt: number,
  secret: string,
): string {
  return buildReference(regionId, receivedAt, chainedSequence(seed, attempt, secret));
}

/**
 * The n-th candidate sequence for a submission whose first choice turned out to belong to
 * another case (six digits per region and year do collide). Deterministic from the seed, so a
 * resubmission walks the same chain and finds its own case again instead of starting a second one.
 */
export function chainedSequence(seed: string, attempt: number, secret: string): string {
  if (attempt === 0 && /^\d{6}$/.test(seed)) return seed;
  const digest = createHmac('sha256', secret).update(`sequence:${seed}:${attempt}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
