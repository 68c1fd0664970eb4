/**
 * The access log's chain: each entry's hash is an HMAC over the hash of the entry before it and
 * the entry itself (its place, time, who, the case's keyed hash, why, detail). Changing, removing
 * or reordering an entry breaks the link at that place, and nobody without the key can compute
 * the hashes of a rewritten tail: a copy of the database alone is not enough to cover a change.
 *
 * The key is derived from BLIND_INDEX_KEY under a label of its own, so the chain's hashes never
 * equal any blind index or receipt hash made with that key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChainAnchor, ChainRow, ChainTip } from './rows';

/** The `prev` of the very first entry. */
export const CHAIN_START = 'begin';

export function chainKey(indexKey: Buffer): Buffer {
  return createHmac('sha256', indexKey).update('csg-toegangslog-keten/1', 'utf8').digest();
}

const mac = (key: Buffer, parts: unknown[]) =>
  createHmac('sha256', key).update(JSON.stringify(parts), 'utf8').digest('hex');

export function entryHash(key: Buffer, row: Omit<ChainRow, 'hash'>): string {
  return mac(key, ['entry', row.prev, row.seq, row.at, row.by, row.caseIndex, row.reason, row.detail]);
}

export function anchorMac(key: Buffer, tip: ChainTip): string {
  return mac(key, ['anchor', tip.seq, tip.hash]);
}

export const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The first place where the rows do not link up after `start`, or undefined; `rows` by seq. */
export function firstBreak(
  key: Buffer,
  start: ChainTip,
  rows: readonly ChainRow[],
): { brokenAt: number } | { tip: ChainTip } {
  let expected = start;
  for (const row of rows) {
    // A missing entry: the chain breaks at the first place that is not there.
    if (row.seq !== expected.seq + 1) return { brokenAt: expected.seq + 1 };
    if (!sameHex(row.prev, expected.hash) || !sameHex(row.hash, entryHash(key, row))) {
      return { brokenAt: row.seq };
    }
    expected = { seq: row.seq, hash: row.hash };
  }
  return { tip: expected };
}

/** Where the chain starts: the anchor of the last prune when it is genuine, else the beginning. */
export function chainStart(key: Buffer, anchor: ChainAnchor | undefined): ChainTip | 'forged_anchor' {
  if (!anchor) return { seq: 0, hash: CHAIN_START };
  return sameHex(anchor.mac, anchorMac(key, anchor))
    ? { seq: anchor.seq, hash: anchor.hash }
    : 'forged_anchor';
}
