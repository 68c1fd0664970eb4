/**
 * Staff sessions revoked before they expire. Sessions are signed tokens (no session store to
 * lose or leak), so revoking one needs a small list of what no longer counts:
 * - one session, by its id: written at logout, so a copied cookie or token dies with the logout;
 * - every session of a staff id issued before a moment: ops revoke an account at once (a lost
 *   laptop, someone leaving), without changing SESSION_SECRET and logging everybody out.
 *
 * Kept in SQLite (STAFF_SESSION_DB) so a revocation survives a restart and holds for every intake
 * process on the machine; rows of sessions past their expiry are removed as new ones are written.
 */
import Database from 'better-sqlite3';

export interface SessionRevocations {
  isRevoked(session: { sessionId: string; staffId: string; issuedAt: Date }): boolean;
  /** Revokes one session until its own expiry (after that it is refused anyway). */
  revokeSession(sessionId: string, expiresAt: Date): void;
  /** Revokes every session of `staffId` issued up to `at`. */
  revokeStaff(staffId: string, at: Date): void;
  close(): void;
}

/** `path` is a file, or ':memory:' for one process (tests). */
export function openSessionRevocations(path: string, now: () => Date = () => new Date()): SessionRevocations {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS revoked_session (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS revoked_staff (staff_id TEXT PRIMARY KEY, issued_up_to INTEGER NOT NULL);
  `);
  const sessionRevoked = db.prepare<[string], { n: number }>(
    'SELECT 1 AS n FROM revoked_session WHERE id = ?',
  );
  const staffRevokedUpTo = db.prepare<[string], { t: number }>(
    'SELECT issued_up_to AS t FROM revoked_staff WHERE staff_id = ?',
  );
  const insertSession = db.prepare('INSERT OR REPLACE INTO revoked_session (id, expires_at) VALUES (?, ?)');
  const pruneSessions = db.prepare('DELETE FROM revoked_session WHERE expires_at < ?');
  const upsertStaff = db.prepare(
    `INSERT INTO revoked_staff (staff_id, issued_up_to) VALUES (?, ?)
     ON CONFLICT (staff_id) DO UPDATE SET issued_up_to = MAX(issued_up_to, excluded.issued_up_to)`,
  );

  return {
    isRevoked({ sessionId, staffId, issuedAt }) {
      if (sessionRevoked.get(sessionId)) return true;
      const upTo = staffRevokedUpTo.get(staffId)?.t;
      return upTo !== undefined && issuedAt.getTime() <= upTo;
    },
    revokeSession(sessionId, expiresAt) {
      insertSession.run(sessionId, expiresAt.getTime());
      pruneSessions.run(now().getTime());
    },
    revokeStaff(staffId, at) {
      upsertStaff.run(staffId, at.getTime());
    },
    close: () => db.close(),
  };
}
