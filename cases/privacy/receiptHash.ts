/**
 * The reference as an erasure receipt holds it: HMAC-SHA256 under the blind-index key, with its own
 * prefix so it can never equal a blind index.
 *
 * Keyed, not a plain SHA-256: a reference is `CSG-<REGIO>-<JAAR>-<six digits>`, a million
 * candidates per region and year, so a plain hash is undone by hashing them all in seconds, and
 * the receipt would again name the erased case. Under the key, whoever runs the service (which
 * holds BLIND_INDEX_KEY to find cases) can still answer "was this reference erased?" by hashing
 * it again; a copy of the receipts alone tells nothing. Changing the key (it is kept for good, as
 * every blind index depends on it) would leave old receipts unanswerable, not wrong.
 */
import { createHmac } from 'node:crypto';

export function receiptHash(key: Buffer, reference: string): string {
  return createHmac('sha256', key).update(`wisbewijs:${reference}`, 'utf8').digest('hex');
}
