/**
 * What the access log's databases hold: one row per entry, in a single chain, and the anchor the
 * last prune left. The two backends (SQLite for the dev profile, PostgreSQL for the cluster
 * profile) implement only this; hashing, validation and retention are done once above them
 * (accessLog.ts), as the case file does (caseFile/rows.ts).
 */

/** One entry as stored: the case only as its keyed hash, the chain's two hashes beside it. */
export interface ChainRow {
  /** Its place in the chain: 1, 2, 3, ... without gaps, kept across pruning. */
  seq: number;
  /** ISO 8601 UTC (`Date.toISOString()`). */
  at: string;
  by: string;
  /** The case's keyed hash (accessLog.ts); null for an entry that names no case. */
  caseIndex: string | null;
  reason: string;
  detail: string | null;
  /** The hash of the entry before it (or of the anchor, or the chain's start). */
  prev: string;
  hash: string;
}

/** The end of the chain a new entry links to: the newest row, or the anchor when all were pruned. */
export interface ChainTip {
  seq: number;
  hash: string;
}

/** The last entry a prune removed, so that the first one kept still verifies; `mac` keys it. */
export interface ChainAnchor extends ChainTip {
  mac: string;
}

export interface ChainStore {
  /**
   * Adds a row at the end of the chain, serialised against every other writer (also in other
   * processes): `link` is called under the chain's lock with the current tip and returns the new
   * row, so no two entries ever link to the same predecessor.
   */
  append(link: (tip: ChainTip | undefined) => ChainRow): Promise<void>;
  /** A case's rows by their place in the chain. */
  ofCase(caseIndex: string): Promise<ChainRow[]>;
  /** Up to `limit` rows after `afterSeq`, by place (verification walks the chain in pages). */
  page(afterSeq: number, limit: number): Promise<ChainRow[]>;
  anchor(): Promise<ChainAnchor | undefined>;
  /**
   * Removes the oldest rows, up to the first one of `before` or later, under the chain's lock, and
   * records the last one removed as the anchor (`anchorOf` keys it); how many. The chain is only
   * ever cut at its start, so what is kept still links up.
   */
  pruneBefore(before: string, anchorOf: (last: ChainTip) => ChainAnchor): Promise<number>;
  close(): Promise<void>;
}
