/**
 * The intake's login through the organisation's identity provider: `GET /inloggen/oidc` and its
 * callback `GET /inloggen/oidc/terug` (web/kit/oidcRoutes.ts), offered on the login page when
 * OIDC_ISSUER is set. After the login the staff member goes on to the page they came for, as
 * after a local login.
 */
import type { FastifyInstance } from 'fastify';
import type { AuthConfig } from './kit/auth';
import type { OidcLogin } from './kit/oidc';
import { registerOidcRoutes } from './kit/oidcRoutes';
import { safeNext } from './staffPages';

export function registerOidcLogin(app: FastifyInstance, deps: { oidc: OidcLogin; auth: AuthConfig }): void {
  registerOidcRoutes(app, { ...deps, nextOf: (query) => safeNext(query.next), loginPath: '/inloggen' });
}
