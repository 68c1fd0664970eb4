/**
 * The codec server's login for ops staff. It starts a session in the intake's own store (the same
 * HttpOnly, SameSite=Strict cookie), so one login serves the ops pages and the codec; a session
 * from the intake's login is honoured here alike, and a logout on either ends it on both. An
 * account without the ops role is told so and gets no session from this page. Both forms carry a
 * CSRF token (@fastify/csrf-protection, its secret in the session).
 *
 * With the organisation's identity provider configured, the page offers that login too
 * (web/kit/oidcRoutes.ts), on the same terms: a second factor, and the ops role from its claims.
 */
import type { FastifyInstance } from 'fastify';
import type { OidcSettings } from '../config/oidcEnv';
import { attemptLogin, staffOf, type AuthConfig } from '../web/kit/auth';
import { pageUi, safeBackPath } from '../web/kit/language';
import { createOidcLogin } from '../web/kit/oidc';
import { registerOidcRoutes } from '../web/kit/oidcRoutes';
import {
  csrfTokenBeforeLogin,
  csrfTokenOf,
  csrfValid,
  endStaffSessions,
  startStaffSession,
} from '../web/kit/staffSessions';
import { codecLoggedInPage, codecLoginPage, codecMessagePage } from './pages';

export function registerCodecLogin(
  app: FastifyInstance,
  auth: AuthConfig,
  options: {
    uiServed: boolean;
    /** The identity provider and the region ids its claims may name. */
    oidc?: { settings: OidcSettings; regionIds: readonly string[] };
  },
): void {
  const oidcOrganisation = options.oidc?.settings.organisation;
  if (options.oidc) {
    registerOidcRoutes(app, {
      oidc: createOidcLogin({
        settings: options.oidc.settings,
        sessionSecret: auth.sessionSecret,
        secureCookies: auth.secureCookies,
        regionIds: options.oidc.regionIds,
        clock: auth.clock,
      }),
      auth,
      nextOf: (query) => backOf(query.terug) ?? '/',
      loginPath: '/inloggen',
      refuse: (staff, request) =>
        staff.role === 'ops'
          ? undefined
          : { title: request.t('codec.notOpsTitle'), message: request.t('codec.notOps') },
    });
  }
  app.get('/inloggen', async (request, reply) => {
    const back = (request.query as Record<string, unknown>).terug;
    const csrfToken = await csrfTokenBeforeLogin(request, reply);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        codecLoginPage(pageUi(request), { failed: false, back: backOf(back), csrfToken, oidcOrganisation }),
      );
  });
  app.post('/inloggen', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const back = backOf(body.terug);
    if (!csrfValid(request)) {
      // A post from another page than this server's own form (or one left open too long).
      request.log.warn({ event: 'codec_login_csrf_refused' }, 'codec: login form without a valid token');
      const csrfToken = await csrfTokenBeforeLogin(request, reply);
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(
          codecLoginPage(pageUi(request, '/inloggen'), { failed: true, back, csrfToken, oidcOrganisation }),
        );
    }
    const outcome = await attemptLogin(request, auth, body.id, body.wachtwoord, body.code);
    if (outcome.status !== 'accepted') {
      const csrfToken = await csrfTokenBeforeLogin(request, reply);
      return reply
        .code(outcome.status === 'throttled' ? 429 : 401)
        .type('text/html; charset=utf-8')
        .send(
          codecLoginPage(pageUi(request, '/inloggen'), {
            failed: true,
            back,
            oidcOrganisation,
            csrfToken,
            retryAfterMinutes:
              outcome.status === 'throttled' ? Math.ceil(outcome.retryAfterSeconds / 60) : undefined,
          }),
        );
    }
    const staff = staffOf(auth, outcome.staffId);
    if (staff?.role !== 'ops') {
      request.log.warn({ event: 'codec_not_ops', staff: outcome.staffId }, 'codec: account without ops role');
      const ui = pageUi(request, '/inloggen');
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(codecMessagePage(ui, ui.t('codec.notOpsTitle'), ui.t('codec.notOps')));
    }
    await startStaffSession(request, reply, staff, 'lokaal');
    request.log.info({ event: 'codec_login', ops: outcome.staffId }, 'codec: ops login');
    // Straight on to the page the person came for, or the Web UI's start.
    if (back !== undefined || options.uiServed) return reply.redirect(back ?? '/', 303);
    return reply
      .type('text/html; charset=utf-8')
      .send(codecLoggedInPage(pageUi(request, '/inloggen'), csrfTokenOf(reply)));
  });
  app.post('/uitloggen', async (request, reply) => {
    const ui = pageUi(request, '/inloggen');
    if (!csrfValid(request)) {
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(codecMessagePage(ui, ui.t('form.expiredTitle'), ui.t('form.expired')));
    }
    // Every session of this person ends, the intake's included: the store is one.
    const staffId = await endStaffSessions(request);
    if (staffId) request.log.info({ event: 'logout', staffId }, 'codec: staff logged out');
    return reply
      .type('text/html; charset=utf-8')
      .send(codecMessagePage(ui, ui.t('codec.loggedOutTitle'), ui.t('codec.loggedOut')));
  });
}

/** A path on this server to return to after the login; anything else is dropped. */
function backOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const back = safeBackPath(value);
  return back === '/' && value !== '/' ? undefined : back;
}
