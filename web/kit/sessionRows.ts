/**
 * Where staff sessions are kept: one row per session, keyed by a hash of its id (a copy of the
 * table holds no id that could be replayed as a cookie), with the staff id beside it so that all
 * of one person's sessions end at once, and the moment it expires so that pruning needs no
 * parsing. SQLite here (STAFF_SESSION_DB, the dev profile: every process on the machine shares the
 * file); PostgreSQL in postgresSessionRows.ts (the cluster profile, SESSION_DATABASE_URL).
 */
import Database from 'better-sqlite3';

export interface SessionRow {
  /** The session as JSON: the staff member, how they signed in, the CSRF secret. */
  data: string;
  expiresAt: Date;
}

export interface SessionRows {
  get(idHash: string): Promise<SessionRow | undefined>;
  put(idHash: string, row: SessionRow & { staffId: string | undefined }): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Deletes every session of one staff member; how many. */
  deleteOfStaff(staffId: string): Promise<number>;
  /** Deletes every session expired at `now`; how many. */
  deleteExpired(now: Date): Promise<number>;
  close(): Promise<void>;
}

/** `path` is a file, or ':memory:' for one process (tests). */
export function openSqliteSessionRows(path: string): SessionRows {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS staff_session (
      id_hash TEXT PRIMARY KEY,
      staff_id TEXT,
      expires_at INTEGER NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS staff_session_per_staff ON staff_session (staff_id);
    CREATE INDEX IF NOT EXISTS staff_session_expiry ON staff_session (expires_at);
  `);
  const select = db.prepare<[string], { data: string; expires_at: number }>(
    'SELECT data, expires_at FROM staff_session WHERE id_hash = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO staff_session (id_hash, staff_id, expires_at, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (id_hash) DO UPDATE SET staff_id = excluded.staff_id, expires_at = excluded.expires_at, data = excluded.data`,
  );
  const remove = db.prepare('DELETE FROM staff_session WHERE id_hash = ?');
  const removeOfStaff = db.prepare('DELETE FROM staff_session WHERE staff_id = ?');
  const removeExpired = db.prepare('DELETE FROM staff_session WHERE expires_at <= ?');
  return {
    async get(idHash) {
      const row = select.get(idHash);
      return row ? { data: row.data, expiresAt: new Date(row.expires_at) } : undefined;
    },
    async put(idHash, row) {
      upsert.run(idHash, row.staffId ?? null, row.expiresAt.getTime(), row.data);
    },
    async delete(idHash) {
      remove.run(idHash);
    },
    async deleteOfStaff(staffId) {
      return removeOfStaff.run(staffId).changes;
    },
    async deleteExpired(now) {
      return removeExpired.run(now.getTime()).changes;
    },
    async close() {
      db.close();
    },
  };
}
