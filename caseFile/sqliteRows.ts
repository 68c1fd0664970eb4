/**
 * The case file in SQLite, for the dev profile: one file (CASE_FILE_DB_PATH, under `.data/`).
 *
 * As for the erasure store: `secure_delete` overwrites what is deleted with zeros and the rollback
 * journal (not WAL) leaves no old page behind, so an erased or pruned record leaves nothing in the
 * file (the planted-data search reads these bytes). The rows are sealed anyway; this keeps even
 * the ciphertext and the case's keyed hash from outliving an erasure.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { RowStore, SealedRow } from './rows';

interface Row {
  id: string;
  case_index: string;
  kind: string;
  at: string;
  key_id: string;
  sealed: Buffer;
}

const toSealedRow = (r: Row): SealedRow => ({
  id: r.id,
  caseIndex: r.case_index,
  kind: r.kind,
  at: r.at,
  keyId: r.key_id,
  sealed: r.sealed,
});

export function openSqliteRows(path: string): RowStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('secure_delete = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS dossierstukken (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      case_index TEXT NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      key_id TEXT NOT NULL,
      sealed BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS dossierstukken_per_melding ON dossierstukken (case_index, at, seq);
    CREATE INDEX IF NOT EXISTS dossierstukken_per_soort ON dossierstukken (kind, at);
  `);
  const insert = db.prepare(
    'INSERT INTO dossierstukken (id, case_index, kind, at, key_id, sealed) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const ofCase = db.prepare<[string], Row>(
    'SELECT id, case_index, kind, at, key_id, sealed FROM dossierstukken WHERE case_index = ? ORDER BY at, seq',
  );
  const deleteCase = db.prepare('DELETE FROM dossierstukken WHERE case_index = ?');
  const olderThan = db.prepare<[string, string], { kind: string; at: string }>(
    'SELECT kind, at FROM dossierstukken WHERE kind = ? AND at < ? ORDER BY at, seq',
  );
  const deleteOlderThan = db.prepare('DELETE FROM dossierstukken WHERE kind = ? AND at < ?');
  const sealedWithOtherKey = db.prepare<[string, number], Row>(
    'SELECT id, case_index, kind, at, key_id, sealed FROM dossierstukken WHERE key_id <> ? ORDER BY seq LIMIT ?',
  );
  const reseal = db.prepare('UPDATE dossierstukken SET key_id = ?, sealed = ? WHERE id = ?');

  return {
    async insert(row) {
      return insert.run(row.id, row.caseIndex, row.kind, row.at, row.keyId, row.sealed).changes === 1;
    },
    async ofCase(caseIndex) {
      return ofCase.all(caseIndex).map(toSealedRow);
    },
    async deleteCase(caseIndex) {
      return deleteCase.run(caseIndex).changes;
    },
    async olderThan(kind, before) {
      return olderThan.all(kind, before);
    },
    async deleteOlderThan(kind, before) {
      return deleteOlderThan.run(kind, before).changes;
    },
    async sealedWithOtherKey(keyId, limit) {
      return sealedWithOtherKey.all(keyId, limit).map(toSealedRow);
    },
    async reseal(id, keyId, sealed) {
      reseal.run(keyId, sealed, id);
    },
    async close() {
      db.close();
    },
  };
}
