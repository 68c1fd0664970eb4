/**
 * The case file in PostgreSQL, for the cluster profile (CASE_FILE_DATABASE_URL). The table is
 * created on first open, under an advisory lock so that a worker and the intake service starting
 * together do not race on it.
 *
 * A deleted row stays in the table's pages until PostgreSQL vacuums them: it is sealed and names
 * the case only by its keyed hash, so what lingers is ciphertext; autovacuum reclaims it.
 */
import type { PoolConfig } from 'pg';
import { openPostgresPool } from '../config/postgresPool';
import type { RowStore, SealedRow } from './rows';

/** Any fixed number: the lock that serialises the table's creation across processes. */
const SCHEMA_LOCK = 7_224_101;

interface Row {
  id: string;
  case_index: string;
  kind: string;
  at: Date;
  key_id: string;
  sealed: Buffer;
}

const toSealedRow = (r: Row): SealedRow => ({
  id: r.id,
  caseIndex: r.case_index,
  kind: r.kind,
  at: r.at.toISOString(),
  keyId: r.key_id,
  sealed: r.sealed,
});

export async function openPostgresRows(config: PoolConfig): Promise<RowStore> {
  const pool = await openPostgresPool(config, {
    lock: SCHEMA_LOCK,
    ddl: `
      CREATE TABLE IF NOT EXISTS dossierstukken (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        case_index TEXT NOT NULL,
        kind TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL,
        key_id TEXT NOT NULL,
        sealed BYTEA NOT NULL
      );
      CREATE INDEX IF NOT EXISTS dossierstukken_per_melding ON dossierstukken (case_index, at, seq);
      CREATE INDEX IF NOT EXISTS dossierstukken_per_soort ON dossierstukken (kind, at);
    `,
  });

  return {
    async insert(row) {
      const result = await pool.query(
        'INSERT INTO dossierstukken (id, case_index, kind, at, key_id, sealed) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING',
        [row.id, row.caseIndex, row.kind, row.at, row.keyId, row.sealed],
      );
      return result.rowCount === 1;
    },
    async ofCase(caseIndex) {
      const result = await pool.query<Row>(
        'SELECT id, case_index, kind, at, key_id, sealed FROM dossierstukken WHERE case_index = $1 ORDER BY at, seq',
        [caseIndex],
      );
      return result.rows.map(toSealedRow);
    },
    async deleteCase(caseIndex) {
      return (
        (await pool.query('DELETE FROM dossierstukken WHERE case_index = $1', [caseIndex])).rowCount ?? 0
      );
    },
    async olderThan(kind, before) {
      const result = await pool.query<{ kind: string; at: Date }>(
        'SELECT kind, at FROM dossierstukken WHERE kind = $1 AND at < $2 ORDER BY at, seq',
        [kind, before],
      );
      return result.rows.map((r) => ({ kind: r.kind, at: r.at.toISOString() }));
    },
    async deleteOlderThan(kind, before) {
      return (
        (await pool.query('DELETE FROM dossierstukken WHERE kind = $1 AND at < $2', [kind, before]))
          .rowCount ?? 0
      );
    },
    async sealedWithOtherKey(keyId, limit) {
      const result = await pool.query<Row>(
        'SELECT id, case_index, kind, at, key_id, sealed FROM dossierstukken WHERE key_id <> $1 ORDER BY seq LIMIT $2',
        [keyId, limit],
      );
      return result.rows.map(toSealedRow);
    },
    async reseal(id, keyId, sealed) {
      await pool.query('UPDATE dossierstukken SET key_id = $1, sealed = $2 WHERE id = $3', [
        keyId,
        sealed,
        id,
      ]);
    },
    async close() {
      await pool.end();
    },
  };
}
