/**
 * Pending erasure requests and the receipts of erasures done: one SQLite file (PRIVACY_DB_PATH),
 * apart from Temporal, because a receipt must outlive the case it proves erased.
 *
 * A pending request holds the reference and the requester's id only, and is removed when the
 * erasure is done. A receipt holds no reference: a keyed hash of it (erasureReceipt.ts says why),
 * who requested and approved, when, and what was removed as counts.
 *
 * `secure_delete` makes SQLite overwrite what it deletes with zeros, and the rollback journal
 * (not WAL) leaves no old page behind, so a removed request leaves its reference nowhere in the
 * file: the planted-data search reads these bytes.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Removed } from './caseStores';

export const DEFAULT_PRIVACY_DB = '.data/privacy.db';

export interface ErasureRequest {
  reference: string;
  requestedBy: string;
  requestedAt: string;
}

export interface ErasureReceipt {
  /** HMAC-SHA256 of the reference (erasureReceipt.ts), hex. */
  referenceHash: string;
  requestedBy: string;
  requestedAt: string;
  approvedBy: string;
  erasedAt: string;
  /** Per store (caseStores.ts), what it removed, as counts. */
  removed: Record<string, Removed>;
}

export interface ErasureStore {
  /** The pending request for this case, if any. */
  pending(reference: string): ErasureRequest | undefined;
  /** Records a request; false when one is already pending (the first stands). */
  request(request: ErasureRequest): boolean;
  /** Removes the request and writes the receipt, in one transaction. */
  complete(reference: string, receipt: ErasureReceipt): void;
  receipt(referenceHash: string): ErasureReceipt | undefined;
  close(): void;
}

interface ReceiptRow {
  reference_hash: string;
  requested_by: string;
  requested_at: string;
  approved_by: string;
  erased_at: string;
  removed: string;
}

export function openErasureStore(path: string): ErasureStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('secure_delete = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS wisverzoeken (
      reference TEXT PRIMARY KEY,
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS wisbewijzen (
      reference_hash TEXT PRIMARY KEY,
      requested_by TEXT NOT NULL,
      requested_at TEXT NOT NULL,
      approved_by TEXT NOT NULL,
      erased_at TEXT NOT NULL,
      removed TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
  const selectPending = db.prepare<
    [string],
    { reference: string; requested_by: string; requested_at: string }
  >('SELECT reference, requested_by, requested_at FROM wisverzoeken WHERE reference = ?');
  const insertPending = db.prepare(
    'INSERT OR IGNORE INTO wisverzoeken (reference, requested_by, requested_at) VALUES (?, ?, ?)',
  );
  const deletePending = db.prepare('DELETE FROM wisverzoeken WHERE reference = ?');
  const insertReceipt = db.prepare(
    'INSERT OR REPLACE INTO wisbewijzen (reference_hash, requested_by, requested_at, approved_by, erased_at, removed) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectReceipt = db.prepare<[string], ReceiptRow>(
    'SELECT * FROM wisbewijzen WHERE reference_hash = ?',
  );
  const complete = db.transaction((reference: string, r: ErasureReceipt) => {
    deletePending.run(reference);
    insertReceipt.run(
      r.referenceHash,
      r.requestedBy,
      r.requestedAt,
      r.approvedBy,
      r.erasedAt,
      JSON.stringify(r.removed),
    );
  });

  return {
    pending(reference) {
      const row = selectPending.get(reference);
      return row
        ? { reference: row.reference, requestedBy: row.requested_by, requestedAt: row.requested_at }
        : undefined;
    },
    request(request) {
      return insertPending.run(request.reference, request.requestedBy, request.requestedAt).changes === 1;
    },
    complete(reference, receipt) {
      complete(reference, receipt);
    },
    receipt(referenceHash) {
      const row = selectReceipt.get(referenceHash);
      return row
        ? {
            referenceHash: row.reference_hash,
            requestedBy: row.requested_by,
            requestedAt: row.requested_at,
            approvedBy: row.approved_by,
            erasedAt: row.erased_at,
            removed: JSON.parse(row.removed) as Record<string, Removed>,
          }
        : undefined;
    },
    close() {
      db.close();
    },
  };
}
