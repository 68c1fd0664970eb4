/**
 * The codec server's own login for ops staff: a form that sets an HttpOnly, SameSite=Strict session
 * cookie the Temporal Web UI sends along, and a logout that clears it.
 */
import type { FastifyInstance } from 'fastify';
import { attemptLogin, createSessionToken, type AuthConfig } from '../web/kit/auth';
import { pageUi } from '../web/kit/language';
import { codecLoginPage, codecMessagePage } from './pages';

export const CODEC_SESSION_COOKIE = 'csg_codec_sessie';

export function registerCodecLogin(app: FastifyInstance, auth: AuthConfig): void {
  // The same attributes to set and to clear the cookie, or the browser keeps it.
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: auth.secureCookies,
  };
  app.get('/inloggen', async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(codecLoginPage(pageUi(request), { failed: false })),
  );
  app.post('/inloggen', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const outcome = attemptLogin(request, auth, body.id, body.wachtwoord);
    if (outcome.status !== 'accepted') {
      return reply
        .code(outcome.status === 'throttled' ? 429 : 401)
        .type('text/html; charset=utf-8')
        .send(
          codecLoginPage(pageUi(request, '/inloggen'), {
            failed: true,
            retryAfterMinutes:
              outcome.status === 'throttled' ? Math.ceil(outcome.retryAfterSeconds / 60) : undefined,
          }),
        );
    }
    request.log.info({ event: 'codec_login', ops: outcome.staffId }, 'codec: ops login');
    reply.setCookie(
      CODEC_SESSION_COOKIE,
      createSessionToken(outcome.staffId, auth.sessionSecret, auth.clock()),
      cookieOptions,
    );
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
    reply.clearCookie(CODEC_SESSION_COOKIE, cookieOptions);
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
