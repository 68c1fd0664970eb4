/**
 * The codec server: lets the Temporal Web UI (and the Temporal CLI) show case payloads decoded,
 * for authorised ops staff only. Temporal itself only ever holds ciphertext; this is the one door
 * through which a person reads it, so the door is narrow:
 *
 * - Only staff accounts with the ops role, never the helpline's. A browser logs in with the
 *   intake's staff session (HttpOnly, SameSite=Strict; here or on the intake: one login for both);
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
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyFormbody from '@fastify/formbody';
import type { PayloadCodec } from '@temporalio/common';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { CodecEnv } from '../config/codecEnv';
import type { Logger } from '../config/logger';
import { PayloadDecryptionError } from '../config/payloadCodec';
import { staffOfAccounts, type LocalAccount } from '../config/accountFile';
import { staffFromAuthorization, staffOf, type AuthConfig } from '../web/kit/auth';
import { createTotpReplayGuard, type TotpReplayGuard } from '../web/kit/localLogin';
import { openSessionRevocations, type SessionRevocations } from '../web/kit/sessionRevocations';
import { registerLanguage } from '../web/kit/language';
import { registerSecurityHeaders } from '../web/kit/securityHeaders';
import { registerStylesheets } from '../web/kit/style';
import { createLoginThrottle, type LoginThrottle } from '../web/kit/loginThrottle';
import { registerCodecLogin } from './login';
import { opsAccessOf } from './opsAccess';
import { fromJson, payloadsBody, toJson } from './payloadJson';
import { registerUiProxy } from './uiProxy';

/** Histories with many events send large bodies; far above any real page, far below harm. */
const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export type CodecServerConfig = Pick<
  CodecEnv,
  'CODEC_PUBLIC_URL' | 'CODEC_UI_ORIGINS' | 'CODEC_TEMPORAL_UI_URL' | 'SESSION_SECRET'
>;

export interface CodecServerDeps {
  codec: PayloadCodec;
  config: CodecServerConfig;
  /** The intake's local accounts (STAFF_ACCOUNTS_FILE): only those with the ops role get in. */
  accounts: readonly LocalAccount[];
  /** TOTP codes already used; in memory unless handed in. */
  totpReplays?: TotpReplayGuard;
  logger: Logger;
  clock?: () => Date;
  loginThrottle?: LoginThrottle;
  /** The intake's revocations (STAFF_SESSION_DB): a logout on either side holds on both. */
  sessionRevocations?: SessionRevocations;
}

export async function buildCodecServer(deps: CodecServerDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const ownOrigin = new URL(deps.config.CODEC_PUBLIC_URL).origin;
  const uiOrigins = new Set([ownOrigin, ...(deps.config.CODEC_UI_ORIGINS ?? [])]);
  const auth: AuthConfig = {
    accounts: deps.accounts,
    totpReplays: deps.totpReplays ?? createTotpReplayGuard(),
    sessionSecret: deps.config.SESSION_SECRET,
    clock,
    secureCookies: deps.config.CODEC_PUBLIC_URL.startsWith('https:'),
    throttle: deps.loginThrottle ?? createLoginThrottle({ now: () => clock().getTime() }),
    revocations: deps.sessionRevocations ?? openSessionRevocations(':memory:', clock),
    staff: staffOfAccounts(deps.accounts),
  };

  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
  });
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 16 * 1024 });
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
  const opsIdOf = (request: FastifyRequest) => {
    const access = opsAccessOf(request, auth);
    if (access.status === 'ops') return access.staffId;
    const outcome = staffFromAuthorization(request, auth);
    return outcome.status === 'accepted' && staffOf(auth, outcome.staffId)?.role === 'ops'
      ? outcome.staffId
      : undefined;
  };

  for (const direction of ['decode', 'encode'] as const) {
    app.post(`/${direction}`, async (request, reply) => {
      const opsId = opsIdOf(request);
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
      try {
        const result =
          direction === 'decode' ? await deps.codec.decode(payloads) : await deps.codec.encode(payloads);
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
  registerCodecLogin(app, auth, { uiServed: uiUpstream !== undefined });
  app.get('/gezond', async () => ({ status: 'ok' }));
  if (uiUpstream !== undefined) await registerUiProxy(app, { upstream: uiUpstream, ownOrigin, auth });
  return app;
}
