/**
 * The one store of staff sessions, shared by the intake service(s), the codec server and the CLI.
 * A session is a random id (the cookie's value, or an API client's Bearer token) naming a row
 * here; the row holds the staff member as established at login and how they signed in. Nothing
 * about a session lives in the cookie, so ending one is deleting its row: every process reads the
 * same rows and stops honouring it on the next request.
 *
 * Ids are kept only as their SHA-256 (sessionRows.ts). Expiry is the store's, on the service's
 * clock: an expired row is treated as absent until `pruneExpired` removes it.
 */
import { createHash } from 'node:crypto';
import type { Staff } from '../../domain/access';
import { openPostgresSessionRows } from './postgresSessionRows';
import { openSqliteSessionRows, type SessionRows } from './sessionRows';

/** One shift: long enough for a night on the phone, short enough that a forgotten browser expires. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;
/** A session before login only carries the login form's CSRF secret: it need not outlive a break. */
export const ANONYMOUS_TTL_MS = 2 * 60 * 60 * 1000;

/** How a person signed in: a local account (roles from configuration) or OpenID Connect (claims). */
export type SignInVia = 'lokaal' | 'oidc';
export const SIGN_IN_VIAS: readonly SignInVia[] = ['lokaal', 'oidc'];

/** What a session holds. Before login only the CSRF secret; after it the staff member too. */
export interface StaffSessionData {
  staff?: Staff;
  via?: SignInVia;
  /** ISO time the session ends; set at login, never extended (no sliding sessions). */
  expiresAt?: string;
  [key: string]: unknown;
}

export interface StaffSessionStore {
  /** The session, or undefined when unknown, expired or unreadable. */
  get(id: string): Promise<StaffSessionData | undefined>;
  set(id: string, data: StaffSessionData): Promise<void>;
  destroy(id: string): Promise<void>;
  /** Ends every session of one staff member (logout, account removed, ops revoking); how many. */
  endSessionsOf(staffId: string): Promise<number>;
  /** Removes the rows of sessions expired at `now`; how many. */
  pruneExpired(now: Date): Promise<number>;
  close(): Promise<void>;
}

export interface SessionStoreSettings {
  /** SQLite file (STAFF_SESSION_DB), or ':memory:' for one process; unused with a PostgreSQL URL. */
  STAFF_SESSION_DB: string;
  /** PostgreSQL (the cluster profile): wins over the SQLite file when set. */
  SESSION_DATABASE_URL?: string | undefined;
}

export function openStaffSessionStore(
  settings: SessionStoreSettings,
  clock: () => Date = () => new Date(),
): StaffSessionStore {
  const opening: Promise<SessionRows> = settings.SESSION_DATABASE_URL
    ? openPostgresSessionRows({ connectionString: settings.SESSION_DATABASE_URL })
    : Promise.resolve(openSqliteSessionRows(settings.STAFF_SESSION_DB));
  // A database that cannot be opened fails each request that needs it, not the process at once.
  opening.catch(() => undefined);
  return sessionStoreOver(opening, clock);
}

export function sessionStoreOver(opening: Promise<SessionRows>, clock: () => Date): StaffSessionStore {
  const hashOf = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');
  return {
    async get(id) {
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) return undefined;
      const row = await (await opening).get(hashOf(id));
      if (!row || row.expiresAt.getTime() <= clock().getTime()) return undefined;
      try {
        return JSON.parse(row.data) as StaffSessionData;
      } catch {
        return undefined;
      }
    },
    async set(id, data) {
      const expiresAt = data.expiresAt
        ? new Date(data.expiresAt)
        : new Date(clock().getTime() + ANONYMOUS_TTL_MS);
      await (
        await opening
      ).put(hashOf(id), { data: JSON.stringify(data), expiresAt, staffId: data.staff?.id });
    },
    async destroy(id) {
      await (await opening).delete(hashOf(id));
    },
    endSessionsOf: async (staffId) => (await opening).deleteOfStaff(staffId),
    pruneExpired: async (now) => (await opening).deleteExpired(now),
    async close() {
      await (await opening.catch(() => undefined))?.close();
    },
  };
}

/** The store in the callback shape @fastify/session asks of a store. */
export function asFastifySessionStore(store: StaffSessionStore) {
  const done =
    <T>(callback: (error?: unknown, value?: T) => void) =>
    (promise: Promise<T>) =>
      promise.then(
        (value) => callback(undefined, value),
        (error: unknown) => callback(error),
      );
  return {
    get: (id: string, callback: (error?: unknown, session?: StaffSessionData | null) => void) =>
      void done(callback)(store.get(id).then((session) => session ?? null)),
    set: (id: string, session: StaffSessionData, callback: (error?: unknown) => void) =>
      // A Session object: its JSON (own fields and the cookie) is what is kept.
      void done(callback)(store.set(id, JSON.parse(JSON.stringify(session)) as StaffSessionData)),
    destroy: (id: string, callback: (error?: unknown) => void) => void done(callback)(store.destroy(id)),
  };
}
