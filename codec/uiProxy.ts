/**
 * The Temporal Web UI, served by the codec server on its own origin behind the ops login.
 *
 * Why: the UI calls the codec endpoint from the browser. On another origin it sends the session
 * cookie only when "include cross-origin credentials" is set, which the development server
 * cannot set, so ops met ciphertext under an error banner. Served here, the UI and /decode share
 * an origin: the browser sends the cookie by default, and a person without an ops session is
 * sent to our login before any UI page loads, never to the banner.
 *
 * Every path the codec server does not answer itself (/inloggen, /decode, /stijl/, ...) goes to
 * the UI: its pages, its /_app/ assets and its /api/v1/ calls alike.
 */
import fastifyHttpProxy from '@fastify/http-proxy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../web/kit/auth';
import { SESSION_COOKIE } from '../web/kit/staffSessions';
import { pageUi } from '../web/kit/language';
import { fromOwnOrigin, isPageRequest, opsAccessOf } from './opsAccess';
import { codecMessagePage } from './pages';
import type { CodecAccessLog } from './caseViews';

/** The Cookie header without the staff session; undefined when nothing else is left. */
export function withoutSessionCookie(header: string | undefined): string | undefined {
  const kept = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith(`${SESSION_COOKIE}=`));
  return kept.length > 0 ? kept.join('; ') : undefined;
}

export interface UiProxyOptions {
  /** The Temporal Web UI, e.g. http://127.0.0.1:8233 (not reachable for people directly). */
  upstream: string;
  /** This server's own origin, as browsers see it. */
  ownOrigin: string;
  auth: AuthConfig;
  /** Where a case opened in the UI is logged (caseViews.ts). */
  caseViews?: CodecAccessLog;
}

export async function registerUiProxy(app: FastifyInstance, options: UiProxyOptions): Promise<void> {
  const upstreamOrigin = new URL(options.upstream).origin;

  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!fromOwnOrigin(request, options.ownOrigin)) {
      request.log.warn({ event: 'codec_ui_origin_refused' }, 'codec: UI request from another origin');
      return reply.code(403).send({ error: 'origin_not_allowed' });
    }
    const access = opsAccessOf(request);
    if (access.status === 'ops') {
      await options.caseViews?.uiCall(access.staffId, request.url.split('?')[0]!);
      return;
    }
    if (!isPageRequest(request)) {
      return reply
        .code(access.status === 'anonymous' ? 401 : 403)
        .send({ error: access.status === 'anonymous' ? 'unauthenticated' : 'not_ops' });
    }
    if (access.status === 'anonymous') {
      return reply.redirect(`/inloggen?terug=${encodeURIComponent(request.url)}`, 303);
    }
    request.log.warn({ event: 'codec_not_ops', staff: access.staffId }, 'codec: account without ops role');
    const ui = pageUi(request, '/inloggen');
    return reply
      .code(403)
      .type('text/html; charset=utf-8')
      .send(codecMessagePage(ui, ui.t('codec.notOpsTitle'), ui.t('codec.notOps')));
  };

  await app.register(fastifyHttpProxy, {
    upstream: options.upstream,
    prefix: '/',
    // One line per asset and API call of the UI would drown the audit lines (who decoded what).
    logLevel: 'warn',
    preHandler: guard,
    // Not OPTIONS: the codec's CORS answers preflights, and the UI on its own origin needs none.
    httpMethods: ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'],
    // The UI is a script application with its own security headers; ours (no script at all)
    // would stop it. Our own pages keep theirs.
    config: { helmet: { skipRoute: true } },
    replyOptions: {
      rewriteRequestHeaders: (_request, headers) => {
        const cookie = withoutSessionCookie(headers.cookie);
        const { cookie: _all, ...rest } = headers;
        return {
          ...rest,
          // The staff session is ours: the UI has no use for it and never sees it.
          ...(cookie ? { cookie } : {}),
          // The UI checks the origin of what changes something against its own address.
          ...(headers.origin === undefined ? {} : { origin: upstreamOrigin }),
        };
      },
    },
  });
}
