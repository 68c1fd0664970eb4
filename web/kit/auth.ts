/**
 * Staff authentication: local accounts from the account file (password hash and TOTP code,
 * checked by localLogin.ts) at the login forms and at POST /api/sessies; what a successful login
 * leads to is a session in the one session store (sessionStore.ts, staffSessions.ts): a cookie
 * for the pages, a Bearer token for the API, both a random id naming a row there. HTTP Basic is
 * refused: it carries a password but no second factor.
 *
 * Every password check of the login paths (the form, the codec's form, POST /api/sessies) goes
 * through `attemptLogin`, so the guessing throttle (loginThrottle.ts) cannot be forgotten on one
 * of them. Bearer tokens are not throttled: they are random, not guessable, and an expired one at
 * the end of a shift must not count against the centre's shared address.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type {} from '@fastify/cookie'; // request.cookies types
import type { FastifyRequest } from 'fastify';
import type { Staff } from '../../domain/access';
import type { LoginThrottle, ThrottleScope } from './loginThrottle';
import { SESSION_TTL_MS, type SignInVia, type StaffSessionStore } from './sessionStore';
import type { LocalAccount } from '../../config/accountFile';
import { verifyLocalLogin, type TotpReplayGuard } from './localLogin';

function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
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
  /** The one session store of the intake service(s), the codec server and the CLI. */
  sessions: StaffSessionStore;
  /**
   * Each local account's role and regions (config/staffRoles.ts): taken into the session at login,
   * and checked again on every request (`sessionStillHolds`).
   */
  staff?: ReadonlyMap<string, Staff>;
}

/** The signed-in staff member's role and regions; undefined for an account without a role. */
export function staffOf(config: AuthConfig, staffId: string): Staff | undefined {
  return config.staff?.get(staffId);
}

/**
 * Whether a session's staff member still stands as at login. A local account that is gone, or now
 * has another role or other regions, ends its sessions; an OpenID Connect login's roles came from
 * the provider's claims and hold until the session ends.
 */
export function sessionStillHolds(config: AuthConfig, staff: Staff, via: SignInVia | undefined): boolean {
  if (via === 'oidc') return true;
  const now = staffOf(config, staff.id);
  return (
    config.accounts.some((account) => account.id === staff.id) &&
    now !== undefined &&
    now.role === staff.role &&
    JSON.stringify(now.regions) === JSON.stringify(staff.regions)
  );
}

export type LoginOutcome =
  | { status: 'accepted'; staffId: string; staff?: Staff }
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

/** A session for an API client (POST /api/sessies): its Bearer token is the session's id. */
export async function startApiSession(
  config: AuthConfig,
  staff: Staff,
  via: SignInVia,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(config.clock().getTime() + SESSION_TTL_MS);
  await config.sessions.set(token, { staff, via, expiresAt: expiresAt.toISOString() });
  return { token, expiresAt };
}

/** The staff member of a Bearer token that names a session that still stands. */
export async function staffOfBearer(config: AuthConfig, token: string): Promise<Staff | undefined> {
  const session = await config.sessions.get(token);
  if (!session?.staff) return undefined;
  if (!sessionStillHolds(config, session.staff, session.via)) {
    await config.sessions.endSessionsOf(session.staff.id);
    return undefined;
  }
  return session.staff;
}

/**
 * The staff identity of an API request: a Bearer session token from POST /api/sessies. HTTP Basic
 * is refused: it carries a password but no second factor, and would be a way around it.
 */
export async function staffFromAuthorization(
  request: FastifyRequest,
  config: AuthConfig,
): Promise<LoginOutcome> {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return { status: 'rejected' };
  const [scheme, value] = header.split(' ', 2);
  if (!value || scheme?.toLowerCase() !== 'bearer') return { status: 'rejected' };
  const staff = await staffOfBearer(config, value.trim());
  return staff ? { status: 'accepted', staffId: staff.id, staff } : { status: 'rejected' };
}
