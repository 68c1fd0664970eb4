/**
 * The codec server: lets the Temporal Web UI (and the Temporal CLI) show case payloads decoded,
 * for authorised ops staff only. Temporal itself only ever holds ciphertext; this is the one door
 * through which a person reads it, so the door is narrow:
 *
 * - Only staff accounts with the ops role, never the helpline's. A browser logs in with the
 *   intake's staff session (HttpOnly, SameSite=Strict; here or on the intake: one login for both),
 *   looked up in the intake's session store on every request; this server holds no session secret;
 *   a command-line client sends a Bearer session token of an ops account (POST /api/sessies on the
 *   intake, with password and code; `--codec-auth "Bearer <token>"`). HTTP Basic is refused: it
 *   carries no second factor.
 * - With CODEC_TEMPORAL_UI_URL the server also serves the Temporal Web UI on its own origin, behind
 *   the same login (uiProxy.ts): the UI's calls to /decode are then same-origin and carry the
 *   session without any setting in the UI.
 * - A decode or encode that carries an Origin must come from this server's own origin or a
 *   configured Temporal UI origin: another site is refused outright (403), not just left without
 *   CORS headers.
 * - Every decode and encode is logged with who, which namespace and how many payloads, never a
 *   payload. Failed logins are throttled as the intake's are.
 */
import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyFormbody from '@fastify/formbody';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { CodecEnv } from '../config/codecEnv';
import type { OidcSettings } from '../config/oidcEnv';
import type { Logger } from '../config/logger';
import { PayloadDecryptionError, type ScopedPayloadCodec } from '../config/payloadCodec';
import { REGIONS } from '../regions';
import { staffOfAccounts, type LocalAccount } from '../config/accountFile';
import { staffFromAuthorization, staffOf, type AuthConfig } from '../web/kit/auth';
import { createTotpReplayGuard, type TotpReplayGuard } from '../web/kit/localLogin';
import { openStaffSessionStore, type StaffSessionStore } from '../web/kit/sessionStore';
import { registerStaffSessions } from '../web/kit/staffSessions';
import { registerLanguage } from '../web/kit/language';
import { registerSecurityHeaders } from '../web/kit/securityHeaders';
import { registerStylesheets } from '../web/kit/style';
import { createLoginThrottle, type LoginThrottle } from '../web/kit/loginThrottle';
import { registerCodecLogin } from './login';
import { opsAccessOf } from './opsAccess';
import { fromJson, payloadsBody, toJson } from './payloadJson';
import { registerUiProxy } from './uiProxy';
import type { AccessLog } from '../accessLog';
import { codecAccessLog } from './caseViews';

/** Histories with many events send large bodies; far above any real page, far below harm. */
const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export type CodecServerConfig = Pick<
  CodecEnv,
  'CODEC_PUBLIC_URL' | 'CODEC_UI_ORIGINS' | 'CODEC_TEMPORAL_UI_URL'
>;

export interface CodecServerDeps {
  /** Opens payloads for the namespace the Web UI names (its X-Namespace header). */
  codec: ScopedPayloadCodec;
  config: CodecServerConfig;
  /** The intake's local accounts (STAFF_ACCOUNTS_FILE): only those with the ops role get in. */
  accounts: readonly LocalAccount[];
  /** TOTP codes already used; in memory unless handed in. */
  totpReplays?: TotpReplayGuard;
  logger: Logger;
  clock?: () => Date;
  loginThrottle?: LoginThrottle;
  /** The intake's session store: a login on either side holds on both, and so does a logout. */
  sessions?: StaffSessionStore;
  /** Login through the organisation's identity provider (config/codecEnv.ts); without it, none. */
  oidc?: OidcSettings;
  /**
   * The access log (accessLog/): every decode and every case opened in the served UI is written
   * there (caseViews.ts). codec/main.ts always hands it in; a test that does not look at it may
   * leave it out.
   */
  accessLog?: AccessLog;
}

export async function buildCodecServer(deps: CodecServerDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const ownOrigin = new URL(deps.config.CODEC_PUBLIC_URL).origin;
  const uiOrigins = new Set([ownOrigin, ...(deps.config.CODEC_UI_ORIGINS ?? [])]);
  const auth: AuthConfig = {
    accounts: deps.accounts,
    totpReplays: deps.totpReplays ?? createTotpReplayGuard(),
    // Keys only this process's log tags of failed logins: the codec holds no session secret.
    sessionSecret: randomBytes(32).toString('base64url'),
    clock,
    secureCookies: deps.config.CODEC_PUBLIC_URL.startsWith('https:'),
    throttle: deps.loginThrottle ?? createLoginThrottle({ now: () => clock().getTime() }),
    sessions: deps.sessions ?? openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' }, clock),
    staff: staffOfAccounts(deps.accounts),
  };

  const caseViews = deps.accessLog ? codecAccessLog({ log: deps.accessLog, ownOrigin, clock }) : undefined;

  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
  });
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 16 * 1024 });
  await registerStaffSessions(app, auth);
  registerLanguage(app, { secureCookies: auth.secureCookies });
  registerStylesheets(app);

  // Before CORS: a foreign origin is refused here, preflight included, and never reaches the codec.
  // The login page needs no such check: without ops credentials a post there gains nothing.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    const path = request.url.split('?')[0];
    if (origin === undefined || (path !== '/decode' && path !== '/encode')) return; // CLI, curl
    if (!uiOrigins.has(origin)) {
      request.log.warn(
        { event: 'codec_origin_refused', route: path, origin: origin.slice(0, 200) },
        'codec: origin not allowed',
      );
      return reply.code(403).send({ error: 'origin_not_allowed' });
    }
  });
  await app.register(fastifyCors, {
    origin: [...uiOrigins],
    credentials: true,
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'X-Namespace', 'Authorization'],
    maxAge: 600,
  });

  /** The ops id of the caller: an ops session cookie, or a Bearer session token of an ops account. */
  const opsIdOf = async (request: FastifyRequest) => {
    const access = opsAccessOf(request);
    if (access.status === 'ops') return access.staffId;
    const outcome = await staffFromAuthorization(request, auth);
    return outcome.status === 'accepted' && (outcome.staff ?? staffOf(auth, outcome.staffId))?.role === 'ops'
      ? outcome.staffId
      : undefined;
  };

  for (const direction of ['decode', 'encode'] as const) {
    app.post(`/${direction}`, async (request, reply) => {
      const opsId = await opsIdOf(request);
      if (!opsId) {
        request.log.warn({ event: 'codec_unauthenticated', direction }, 'codec: no valid ops credential');
        return reply.code(401).send({ error: 'unauthenticated', message: 'log in as ops staff first' });
      }
      const parsed = payloadsBody.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return reply.code(400).send({
          error: 'invalid_request',
          message: `${['body', ...issue.path].join('.')}: ${issue.message}`,
        });
      }
      const namespace = String(request.headers['x-namespace'] ?? '(none)').slice(0, 100);
      const payloads = fromJson(parsed.data);
      // The namespace is bound into every payload's tag; the Web UI cannot name the workflow, so
      // the workflow id is checked from the payload's own metadata (config/payloadCodec.ts).
      const header = request.headers['x-namespace'];
      const scope = typeof header === 'string' && header !== '' ? { namespace: header } : undefined;
      try {
        const result =
          direction === 'decode'
            ? await deps.codec.decode(payloads, scope)
            : await deps.codec.encode(payloads, scope);
        if (direction === 'decode') {
          await caseViews?.decoded(opsId, payloads.length, request.headers.referer);
        }
        // Who read how much, never what: the audit trail of who looked at case data.
        request.log.info(
          { event: `codec_${direction}`, ops: opsId, namespace, payloads: payloads.length },
          `codec: ${direction}`,
        );
        return reply.send(toJson(result));
      } catch (error) {
        if (error instanceof PayloadDecryptionError) {
          request.log.warn({ event: 'codec_undecodable', ops: opsId, namespace }, error.message);
          return reply.code(422).send({ error: 'undecodable', message: error.message });
        }
        throw error;
      }
    });
  }

  const uiUpstream = deps.config.CODEC_TEMPORAL_UI_URL;
  registerCodecLogin(app, auth, {
    uiServed: uiUpstream !== undefined,
    ...(deps.oidc ? { oidc: { settings: deps.oidc, regionIds: [...REGIONS.keys()] } } : {}),
  });
  app.get('/gezond', async () => ({ status: 'ok' }));
  if (uiUpstream !== undefined)
    await registerUiProxy(app, {
      upstream: uiUpstream,
      ownOrigin,
      auth,
      ...(caseViews ? { caseViews } : {}),
    });
  return app;
}
