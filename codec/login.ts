/**
 * The codec server's login for ops staff. It issues the intake's own staff session (the same
 * HttpOnly, SameSite=Strict cookie, secret and revocations), so one login serves the ops pages
 * and the codec; a session from the intake's login is honoured here alike. An account without
 * the ops role is told so and gets no session from this page.
 */
import type { FastifyInstance } from 'fastify';
import {
  attemptLogin,
  clearSessionCookie,
  createSessionToken,
  setSessionCookie,
  SESSION_COOKIE,
  staffOf,
  validSession,
  type AuthConfig,
} from '../web/kit/auth';
import { pageUi, safeBackPath } from '../web/kit/language';
import { codecLoginPage, codecMessagePage } from './pages';

export function registerCodecLogin(
  app: FastifyInstance,
  auth: AuthConfig,
  options: { uiServed: boolean },
): void {
  app.get('/inloggen', async (request, reply) => {
    const back = (request.query as Record<string, unknown>).terug;
    return reply
      .type('text/html; charset=utf-8')
      .send(codecLoginPage(pageUi(request), { failed: false, back: backOf(back) }));
  });
  app.post('/inloggen', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const back = backOf(body.terug);
    const outcome = await attemptLogin(request, auth, body.id, body.wachtwoord, body.code);
    if (outcome.status !== 'accepted') {
      return reply
        .code(outcome.status === 'throttled' ? 429 : 401)
        .type('text/html; charset=utf-8')
        .send(
          codecLoginPage(pageUi(request, '/inloggen'), {
            failed: true,
            back,
            retryAfterMinutes:
              outcome.status === 'throttled' ? Math.ceil(outcome.retryAfterSeconds / 60) : undefined,
          }),
        );
    }
    if (staffOf(auth, outcome.staffId)?.role !== 'ops') {
      request.log.warn({ event: 'codec_not_ops', staff: outcome.staffId }, 'codec: account without ops role');
      const ui = pageUi(request, '/inloggen');
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(codecMessagePage(ui, ui.t('codec.notOpsTitle'), ui.t('codec.notOps')));
    }
    request.log.info({ event: 'codec_login', ops: outcome.staffId }, 'codec: ops login');
    setSessionCookie(reply, createSessionToken(outcome.staffId, auth.sessionSecret, auth.clock()), auth);
    // Straight on to the page the person came for, or the Web UI's start.
    if (back !== undefined || options.uiServed) return reply.redirect(back ?? '/', 303);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        codecMessagePage(
          pageUi(request, '/inloggen'),
          request.t('codec.loggedInTitle'),
          request.t('codec.loggedIn'),
        ),
      );
  });
  app.post('/uitloggen', async (request, reply) => {
    // Revoked, not only forgotten: the same session is the intake's, and a copy dies with it.
    const session = validSession(request.cookies[SESSION_COOKIE], auth);
    if (session) auth.revocations?.revokeSession(session.sessionId, session.expiresAt);
    clearSessionCookie(reply, auth);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        codecMessagePage(
          pageUi(request, '/inloggen'),
          request.t('codec.loggedOutTitle'),
          request.t('codec.loggedOut'),
        ),
      );
  });
}

/** A path on this server to return to after the login; anything else is dropped. */
function backOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const back = safeBackPath(value);
  return back === '/' && value !== '/' ? undefined : back;
}
