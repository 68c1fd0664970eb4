/**
 * What the case file's databases hold: sealed rows, one per record. The two backends (SQLite for
 * the dev profile, PostgreSQL for the cluster profile) implement only this; encryption, the blind
 * index and retention are done once above them (caseFile.ts), so both behave the same by
 * construction and the contract tests check both.
 */

export interface SealedRow {
  /** The record's id: a keyed hash of the case's reference and the writer's record key (caseFile.ts). */
  id: string;
  /** The case's reference as its keyed hash (caseFile.ts): the databases never hold it in clear. */
  caseIndex: string;
  kind: string;
  /** ISO 8601 UTC (`Date.toISOString()`), the record's own time; retention runs from it. */
  at: string;
  keyId: string;
  sealed: Buffer;
}

export interface RowStore {
  /** Stores the row; false when a row with its id is already there (a retried write), unchanged. */
  insert(row: SealedRow): Promise<boolean>;
  /** A case's rows by time, rows of the same time in the order they were written. */
  ofCase(caseIndex: string): Promise<SealedRow[]>;
  /** Removes a case's rows; how many. */
  deleteCase(caseIndex: string): Promise<number>;
  /** The rows of one kind older than `before`: their kind and time only (pruning needs no more). */
  olderThan(kind: string, before: string): Promise<Array<{ kind: string; at: string }>>;
  /** Removes the rows of one kind older than `before`; how many. */
  deleteOlderThan(kind: string, before: string): Promise<number>;
  /** Up to `limit` rows sealed with another key than `keyId` (for re-sealing). */
  sealedWithOtherKey(keyId: string, limit: number): Promise<SealedRow[]>;
  /** Replaces a row's ciphertext and key id, if the row is still there. */
  reseal(id: string, keyId: string, sealed: Buffer): Promise<void>;
  close(): Promise<void>;
}
