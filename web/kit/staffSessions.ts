/**
 * Staff sessions on a Fastify app (the intake service and the codec server alike): @fastify/session
 * over the shared store (sessionStore.ts), @fastify/csrf-protection keeping each form's secret in
 * the session, and a check on every request that the session still stands.
 *
 * The cookie carries the session id as it is, unsigned: the id is 32 random bytes and is worth
 * something only while the store holds its row, which only a login writes. A signature would add
 * a secret for the intake and the codec to share (and for the codec to forge with) and no safety:
 * a made-up or copied-after-logout id names no row and is refused by both.
 */
import { randomBytes } from 'node:crypto';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../../domain/access';
import { sessionStillHolds, type AuthConfig } from './auth';
import {
  asFastifySessionStore,
  SESSION_TTL_MS,
  type SignInVia,
  type StaffSessionStore,
} from './sessionStore';

export const SESSION_COOKIE = 'csg_sessie';
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

declare module 'fastify' {
  interface Session {
    staff?: Staff;
    via?: SignInVia;
    expiresAt?: string;
  }
  interface FastifyInstance {
    staffSessions: { store: StaffSessionStore; clock: () => Date };
  }
}

/** Ids as they are (see above); anything not shaped like one of ours is no session at all. */
const storeOnlyIds = {
  sign: (value: string) => value,
  unsign: (value: string) =>
    SESSION_ID.test(value)
      ? { valid: true, renew: false, value }
      : { valid: false, renew: false, value: null },
};

export async function registerStaffSessions(app: FastifyInstance, auth: AuthConfig): Promise<void> {
  app.decorate('staffSessions', { store: auth.sessions, clock: auth.clock });
  await app.register(fastifySession, {
    secret: storeOnlyIds,
    cookieName: SESSION_COOKIE,
    store: asFastifySessionStore(auth.sessions) as never,
    idGenerator: () => randomBytes(32).toString('base64url'),
    // Nothing is written until a login form or a login asks for it, and a session never slides.
    saveUninitialized: false,
    rolling: false,
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: auth.secureCookies,
      maxAge: SESSION_TTL_MS,
    },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  // Roles of a local account come from configuration: one that is gone or has another role now
  // ends its sessions here, on whichever service sees it first.
  app.addHook('onRequest', async (request) => {
    const session = request.session;
    const staff = session?.staff;
    if (!staff || sessionStillHolds(auth, staff, session.via)) return;
    request.log.warn({ event: 'session_ended_account_changed', staffId: staff.id }, 'staff session ended');
    await auth.sessions.endSessionsOf(staff.id);
    // A fresh session without anyone in it: the browser's cookie is cleared on the way out.
    await session.regenerate();
  });
}

/** The signed-in staff member of a page request, with how they signed in. */
export function signedIn(request: FastifyRequest): { staff: Staff; via: SignInVia } | undefined {
  const session = request.session as FastifyRequest['session'] | undefined;
  return session?.staff && session.via ? { staff: session.staff, via: session.via } : undefined;
}

/**
 * Starts the session of a person who has just proved who they are (a local account or OpenID
 * Connect): a new id (a session id planted before the login is worth nothing after it), the staff
 * member, the end of the shift, and the CSRF secret of its forms, saved at once.
 */
export async function startStaffSession(
  request: FastifyRequest,
  reply: FastifyReply,
  staff: Staff,
  via: SignInVia,
): Promise<void> {
  const { clock } = request.server.staffSessions;
  await request.session.regenerate();
  request.session.staff = { id: staff.id, role: staff.role, regions: staff.regions };
  request.session.via = via;
  request.session.expiresAt = new Date(clock().getTime() + SESSION_TTL_MS).toISOString();
  // Made now, so no later page changes (and re-saves) a session another tab may have ended.
  reply.generateCsrf();
  await request.session.save();
  // The old id's cookie is replaced, not cleared and then set: one Set-Cookie for the new id.
  delete request.cookies[SESSION_COOKIE];
}

/**
 * Ends every session of the signed-in person (here, on the other service, and their API tokens),
 * and this request's. A session copied from this browser dies with it.
 */
export async function endStaffSessions(request: FastifyRequest): Promise<string | undefined> {
  const staffId = signedIn(request)?.staff.id;
  if (staffId) await request.server.staffSessions.store.endSessionsOf(staffId);
  // Empty from here on; the browser's cookie is cleared on the way out.
  await request.session.regenerate();
  return staffId;
}

/** The token for a form of this session (the secret lives in the session, not in the page). */
export function csrfTokenOf(reply: FastifyReply): string {
  return reply.generateCsrf();
}

/**
 * A form page before login: the session that carries its CSRF secret is saved now, so that the
 * cookie is set even where the service cannot see that the browser came over https.
 */
export async function csrfTokenBeforeLogin(request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const token = reply.generateCsrf();
  if (request.session.isModified()) await request.session.save();
  return token;
}

/**
 * Whether the posted form's `_csrf` matches this session's secret, by the library's own check.
 * Its refusal would answer a bare 403 at once; each page answers with its own words instead.
 */
export function csrfValid(request: FastifyRequest): boolean {
  let valid = false;
  const silent = { send: () => undefined } as unknown as FastifyReply;
  request.server.csrfProtection(request, silent, () => {
    valid = true;
  });
  return valid;
}
