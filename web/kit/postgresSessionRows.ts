/**
 * Staff sessions in PostgreSQL, for the cluster profile (SESSION_DATABASE_URL): two or more intake
 * processes and the codec server share one table, so a login on one is known to all and a session
 * ended on one is dead on every other at once. The table is created on first open, under an
 * advisory lock so processes starting together do not race on it.
 */
import { Pool, type PoolConfig } from 'pg';
import type { SessionRows } from './sessionRows';

/** Any fixed number, other than the case file's: serialises the table's creation. */
const SCHEMA_LOCK = 7_224_102;

export async function openPostgresSessionRows(config: PoolConfig): Promise<SessionRows> {
  const pool = new Pool({ max: 4, ...config });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS staff_session (
        id_hash TEXT PRIMARY KEY,
        staff_id TEXT,
        expires_at TIMESTAMPTZ NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS staff_session_per_staff ON staff_session (staff_id);
      CREATE INDEX IF NOT EXISTS staff_session_expiry ON staff_session (expires_at);
    `);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
    await pool.end();
    throw error;
  }
  client.release();

  return {
    async get(idHash) {
      const result = await pool.query<{ data: string; expires_at: Date }>(
        'SELECT data, expires_at FROM staff_session WHERE id_hash = $1',
        [idHash],
      );
      const row = result.rows[0];
      return row ? { data: row.data, expiresAt: row.expires_at } : undefined;
    },
    async put(idHash, row) {
      await pool.query(
        `INSERT INTO staff_session (id_hash, staff_id, expires_at, data) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id_hash) DO UPDATE SET staff_id = excluded.staff_id, expires_at = excluded.expires_at, data = excluded.data`,
        [idHash, row.staffId ?? null, row.expiresAt, row.data],
      );
    },
    async delete(idHash) {
      await pool.query('DELETE FROM staff_session WHERE id_hash = $1', [idHash]);
    },
    async deleteOfStaff(staffId) {
      return (await pool.query('DELETE FROM staff_session WHERE staff_id = $1', [staffId])).rowCount ?? 0;
    },
    async deleteExpired(now) {
      return (await pool.query('DELETE FROM staff_session WHERE expires_at <= $1', [now])).rowCount ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}
