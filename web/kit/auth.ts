/**
 * Staff authentication: local accounts from the account file (password and TOTP code, checked by
 * localLogin.ts), a signed session cookie for the form, and for the API a Bearer session token
 * (from POST /api/sessies, which takes the code too).
 *
 * Sessions are HMAC-signed tokens (no session store to lose or to leak); they last one helpline
 * shift, and can be revoked before that (sessionRevocations.ts): at logout, or by ops for an account. Form posts carry a CSRF token derived from the session, on top of a
 * SameSite=Strict cookie.
 *
 * Every password check of the login paths (the form, the codec's form, POST /api/sessies) goes through
 * `attemptLogin`, so the guessing throttle (loginThrottle.ts) cannot be forgotten on one of them.
 * Bearer tokens are not throttled: they are signed, not guessable, and an expired one at the end
 * of a shift must not count against the centre's shared address.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie'; // request.cookies / reply.setCookie types
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../../domain/access';
import type { LoginThrottle, ThrottleScope } from './loginThrottle';
import type { SessionRevocations } from './sessionRevocations';
import type { LocalAccount } from '../../config/accountFile';
import { verifyLocalLogin, type TotpReplayGuard } from './localLogin';

export const SESSION_COOKIE = 'csg_sessie';
/** One shift: long enough for a night on the phone, short enough that a forgotten browser expires. */
export const SESSION_TTL_MS = 10 * 60 * 60 * 1000;

export interface StaffSession {
  staffId: string;
  /** Random, to revoke this one session (logout) without touching the others. */
  sessionId: string;
  issuedAt: Date;
  expiresAt: Date;
}

function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSessionToken(staffId: string, secret: string, now: Date): string {
  const payload = Buffer.from(
    JSON.stringify({
      s: staffId,
      j: randomBytes(12).toString('base64url'),
      i: now.getTime(),
      e: Math.floor((now.getTime() + SESSION_TTL_MS) / 1000),
    }),
  ).toString('base64url');
  return `${payload}.${hmac(secret, `sessie:${payload}`)}`;
}

export function verifySessionToken(token: unknown, secret: string, now: Date): StaffSession | undefined {
  if (typeof token !== 'string' || token.length > 500) return undefined;
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  if (!safeEqual(signature, hmac(secret, `sessie:${payload}`))) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      s?: unknown;
      j?: unknown;
      i?: unknown;
      e?: unknown;
    };
    const { s: staffId, j: sessionId, i: issued, e: expires } = decoded;
    if (typeof staffId !== 'string' || typeof sessionId !== 'string') return undefined;
    if (typeof issued !== 'number' || typeof expires !== 'number') return undefined;
    const expiresAt = new Date(expires * 1000);
    if (now.getTime() >= expiresAt.getTime()) return undefined;
    return { staffId, sessionId, issuedAt: new Date(issued), expiresAt };
  } catch {
    return undefined;
  }
}

/** The CSRF token for forms: bound to the session, so a stolen form from another session is useless. */
export function csrfTokenFor(sessionToken: string, secret: string): string {
  return hmac(secret, `csrf:${sessionToken}`);
}

export function verifyCsrf(sessionToken: string, given: unknown, secret: string): boolean {
  return typeof given === 'string' && safeEqual(given, csrfTokenFor(sessionToken, secret));
}

export interface AuthConfig {
  /** The local accounts (config/accountFile.ts): password hash and TOTP secret each. */
  accounts: readonly LocalAccount[];
  /** The TOTP codes already used to log in: each is accepted once. */
  totpReplays: TotpReplayGuard;
  sessionSecret: string;
  clock: () => Date;
  /** Secure cookies when the service is reached over https. */
  secureCookies: boolean;
  /** Counts failed logins per id from one client and per client; refuses either after too many. */
  throttle: LoginThrottle;
  /** Sessions revoked before their expiry (logout, or ops revoking an account). */
  revocations?: SessionRevocations;
  /**
   * Each account's role and regions (the account file), looked up on every request: the session
   * token carries only the staff id, so a changed role holds from the next restart on.
   */
  staff?: ReadonlyMap<string, Staff>;
}

/** The signed-in staff member's role and regions; undefined for an account without a role. */
export function staffOf(config: AuthConfig, staffId: string): Staff | undefined {
  return config.staff?.get(staffId);
}

/** A signed, unexpired session that has not been revoked. */
export function validSession(token: unknown, config: AuthConfig): StaffSession | undefined {
  const session = verifySessionToken(token, config.sessionSecret, config.clock());
  if (!session || config.revocations?.isRevoked(session)) return undefined;
  return session;
}

export type LoginOutcome =
  | { status: 'accepted'; staffId: string }
  | { status: 'rejected' }
  | { status: 'throttled'; retryAfterSeconds: number };

/**
 * A short keyed tag of an id or address for the log: the same value tags the same caller across
 * lines, but ids are few and guessable, so a plain hash could be reversed; this one needs the secret.
 */
function logTag(secret: string, value: string): string {
  return hmac(secret, `log:${value}`).slice(0, 10);
}

/** One login attempt on any path: refused while throttled, else checked, and its outcome counted. */
export async function attemptLogin(
  request: FastifyRequest,
  config: AuthConfig,
  id: unknown,
  password: unknown,
  code: unknown,
): Promise<LoginOutcome> {
  const keys = { accountId: typeof id === 'string' ? id : undefined, clientIp: request.ip };
  const tags = (scope: ThrottleScope) =>
    scope === 'account' && keys.accountId !== undefined
      ? { scope, account: logTag(config.sessionSecret, keys.accountId) }
      : { scope, client: logTag(config.sessionSecret, keys.clientIp) };

  const refusal = config.throttle.refusal(keys);
  if (refusal) {
    // Info, not warn: the warning was logged when the limit tripped, and a guesser who keeps
    // knocking would otherwise flood the warnings.
    request.log.info(
      { event: 'login_throttled', ...tags(refusal.scope), retryAfterSeconds: refusal.retryAfterSeconds },
      'staff login refused: too many failed attempts',
    );
    return { status: 'throttled', retryAfterSeconds: refusal.retryAfterSeconds };
  }
  const staffId = await verifyLocalLogin(
    { accounts: config.accounts, clock: config.clock, replays: config.totpReplays },
    id,
    password,
    code,
  );
  if (staffId) {
    config.throttle.recordSuccess(keys);
    return { status: 'accepted', staffId };
  }
  for (const scope of config.throttle.recordFailure(keys)) {
    request.log.warn(
      { event: 'login_throttle_tripped', ...tags(scope) },
      scope === 'account'
        ? 'too many failed logins for one staff id from one client: that pair is refused for a while'
        : 'too many failed logins from one client address: refused for a while',
    );
  }
  return { status: 'rejected' };
}

/** The session of a form request (cookie), with its raw token for the CSRF check. */
export function sessionFromCookie(
  request: FastifyRequest,
  config: AuthConfig,
): { session: StaffSession; token: string } | undefined {
  const token = request.cookies[SESSION_COOKIE];
  const session = validSession(token, config);
  return session && token ? { session, token } : undefined;
}

/**
 * The staff identity of an API request: a Bearer session token from POST /api/sessies. HTTP Basic
 * is refused: it carries a password but no second factor, and would be a way around it.
 */
export function staffFromAuthorization(request: FastifyRequest, config: AuthConfig): LoginOutcome {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return { status: 'rejected' };
  const [scheme, value] = header.split(' ', 2);
  if (!value || scheme?.toLowerCase() !== 'bearer') return { status: 'rejected' };
  const staffId = validSession(value.trim(), config)?.staffId;
  return staffId ? { status: 'accepted', staffId } : { status: 'rejected' };
}

export function setSessionCookie(reply: FastifyReply, token: string, config: AuthConfig): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: AuthConfig): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}
