/**
 * Posting a staff login form as a browser does: the login page first (its session carries the
 * form's CSRF secret), then the post with that session's cookie and the page's token. Used for the
 * intake's and the codec server's login alike (same path, same cookie).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Staff } from '../domain/access';
import type { SignInVia, StaffSessionStore } from '../web/kit/sessionStore';
import { testCode } from './staffAccounts';
import { FIND_PAGE } from '../web/findPages';

export const SESSION_COOKIE_NAME = 'csg_sessie';

/** The session cookie and CSRF token of a freshly loaded login page. */
export async function loginForm(
  app: FastifyInstance,
  remoteAddress?: string,
): Promise<{ cookie: string; csrf: string }> {
  const page = await app.inject({
    method: 'GET',
    url: '/inloggen',
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  const session = page.cookies.find((c) => c.name === SESSION_COOKIE_NAME)?.value;
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)?.[1];
  if (!session || !csrf) throw new Error('the login page gave no session cookie or no CSRF token');
  return { cookie: `${SESSION_COOKIE_NAME}=${session}`, csrf };
}

/** `app.inject(options)` for a POST to /inloggen, with the login page's session and token added. */
export async function injectLogin(app: FastifyInstance, options: InjectOptions) {
  const form = await loginForm(app, options.remoteAddress);
  const headers = { ...(options.headers ?? {}) };
  const cookie = [headers.cookie, form.cookie].filter(Boolean).join('; ');
  // The account's current code, as its authenticator app shows it, unless the test sets one.
  const given = new URLSearchParams(
    typeof options.payload === 'string'
      ? options.payload
      : (options.payload as Record<string, string> | undefined),
  );
  const id = given.get('id');
  if (id !== null && !given.has('code')) given.set('code', testCode(id));
  given.set('_csrf', form.csrf);
  const fields = given.toString();
  return app.inject({
    ...options,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers, cookie },
    payload: fields,
  });
}

/**
 * A session as a login elsewhere (the other service, another intake process) leaves it in the
 * shared store: its id, for a cookie or a Bearer header.
 */
export async function sessionInStore(
  store: StaffSessionStore,
  staff: Staff,
  options: { via?: SignInVia; expiresAt?: Date } = {},
): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const expiresAt = options.expiresAt ?? new Date(Date.now() + 60 * 60 * 1000);
  await store.set(id, { staff, via: options.via ?? 'lokaal', expiresAt: expiresAt.toISOString() });
  return id;
}

/** What a signed-in browser holds: its session cookie and the CSRF token of its forms. */
export interface FormSession {
  cookie: string;
  csrf: string;
}

/**
 * Logs `id` in through the login form (with its current code) and reads the CSRF token from the
 * first of `formPages` that shows a form to that account: what a browser holds after signing in.
 */
export async function formSession(
  app: FastifyInstance,
  id: string,
  password: string,
  formPages: string[] = [FIND_PAGE],
): Promise<FormSession> {
  const login = await injectLogin(app, {
    method: 'POST',
    url: '/inloggen',
    payload: new URLSearchParams({ id, wachtwoord: password }).toString(),
  });
  const session = login.cookies.find((c) => c.name === SESSION_COOKIE_NAME)?.value;
  if (!session) throw new Error(`the login of ${id} gave no session (status ${login.statusCode})`);
  const cookie = `${SESSION_COOKIE_NAME}=${session}`;
  for (const url of formPages) {
    const page = await app.inject({ method: 'GET', url, headers: { cookie } });
    const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)?.[1];
    if (csrf) return { cookie, csrf };
  }
  throw new Error(`no form with a CSRF token for ${id} on ${formPages.join(', ')}`);
}
