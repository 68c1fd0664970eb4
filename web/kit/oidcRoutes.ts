/**
 * The two routes of a login through the organisation's identity provider, shared by the intake
 * (web/oidcLogin.ts) and the codec server (codec/login.ts): `GET /inloggen/oidc` sends the browser
 * to the provider, `GET /inloggen/oidc/terug` takes it back, checks the ID token (web/kit/oidc.ts)
 * and starts the staff session through `signIn`. Every refusal is a page that says why, and no
 * session: no second factor, claims the service does not know, or an attempt that is not valid
 * (expired, wrong state or nonce, a code the provider refuses).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../../domain/access';
import type { AuthConfig } from './auth';
import { pageUi } from './language';
import { messagePage } from './messagePage';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH, type OidcLogin } from './oidc';
import { startStaffSession } from './staffSessions';

export interface OidcRoutesDeps {
  oidc: OidcLogin;
  auth: AuthConfig;
  /** The local path to go on to after the login, from the start request's query (made safe). */
  nextOf(query: Record<string, unknown>): string;
  /** Where a refused login offers to try again. */
  loginPath: string;
  /** A further refusal once the claims checked out (the codec: ops only): the page's title and text. */
  refuse?(staff: Staff, request: FastifyRequest): { title: string; message: string } | undefined;
}

export function registerOidcRoutes(app: FastifyInstance, deps: OidcRoutesDeps): void {
  const { oidc, auth } = deps;
  const organisation = oidc.settings.organisation;
  const localIds = new Set(auth.accounts.map((account) => account.id));

  function page(request: FastifyRequest, reply: FastifyReply, code: number, title: string, message: string) {
    const ui = pageUi(request, deps.loginPath);
    return reply
      .code(code)
      .type('text/html; charset=utf-8')
      .send(messagePage(ui, title, message, deps.loginPath, ui.t('oidc.tryAgain')));
  }

  app.get(OIDC_START_PATH, async (request, reply) => {
    const next = deps.nextOf((request.query ?? {}) as Record<string, unknown>);
    let url: string;
    try {
      url = await oidc.begin(request, reply, next);
    } catch (error) {
      request.log.warn(
        { event: 'oidc_unavailable', error: { name: (error as Error).name } },
        'identity provider not reachable',
      );
      const t = request.t;
      return page(request, reply, 503, t('oidc.unavailableTitle'), t('oidc.unavailable', { organisation }));
    }
    return reply.redirect(url, 303);
  });

  app.get(OIDC_CALLBACK_PATH, async (request, reply) => {
    const outcome = await oidc.complete(request, reply);
    const t = request.t;
    if (outcome.status === 'failed') {
      request.log.info({ event: 'oidc_login_failed', reason: outcome.reason }, 'oidc login not completed');
      return page(request, reply, 400, t('oidc.failedTitle'), t('oidc.failed', { organisation }));
    }
    if (outcome.status === 'no_second_factor') {
      request.log.warn({ event: 'oidc_no_second_factor' }, 'oidc login refused: no second factor');
      return page(
        request,
        reply,
        403,
        t('oidc.noSecondFactorTitle'),
        t('oidc.noSecondFactor', { organisation }),
      );
    }
    if (outcome.status === 'bad_claims' || localIds.has(outcome.staff.id)) {
      // One id, one source of roles: an id of a local account keeps that account's role.
      const problems = outcome.status === 'bad_claims' ? outcome.problems : ['staff id is a local account'];
      request.log.warn({ event: 'oidc_bad_claims', problems }, 'oidc login refused: claims not accepted');
      return page(request, reply, 403, t('oidc.badClaimsTitle'), t('oidc.badClaims', { organisation }));
    }
    const { staff } = outcome;
    const refusal = deps.refuse?.(staff, request);
    if (refusal) {
      request.log.warn(
        { event: 'oidc_login_refused', staffId: staff.id, role: staff.role },
        'oidc login refused',
      );
      return page(request, reply, 403, refusal.title, refusal.message);
    }
    // The session holds the staff member as the claims gave them, until it ends.
    await startStaffSession(request, reply, staff, 'oidc');
    request.log.info({ event: 'login', via: 'oidc', staffId: staff.id, role: staff.role }, 'staff logged in');
    // A page, not a redirect: the session cookie is SameSite=Strict, and a redirect that ends a
    // navigation begun on the provider's site would not carry it; a click on this page does.
    const ui = pageUi(request, deps.loginPath);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        messagePage(
          ui,
          t('oidc.signedInTitle'),
          t('oidc.signedIn', { organisation }),
          outcome.next ?? '/',
          t('oidc.continue'),
        ),
      );
  });
}
