/**
 * Login through the organisation's identity provider, end to end: the intake on a real Temporal
 * dev server, a real OpenID provider (oidc-provider) in a child process, and each test user's
 * login answered over HTTP as a browser would. A login with a second factor reaches the staff
 * pages with the role and region of its claims; without a second factor, with a wrong state or
 * nonce, or with a role or region the service does not know, it is refused with a page that says
 * why, and no session; logout ends the session.
 */
import { injectLogin } from '../../testkit/staffLogin';
import { createHmac } from 'node:crypto';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import {
  CookieJar,
  signInAtProvider,
  startOidcProvider,
  TEST_OIDC_USERS,
  type TestOidcProvider,
} from '../../testkit/oidcProvider';

jest.setTimeout(120_000);

const REDIRECT_URI = 'http://intake.test/inloggen/oidc/terug';
let provider: TestOidcProvider;
let h: IntakeHarness;

beforeAll(async () => {
  provider = await startOidcProvider([REDIRECT_URI]);
  h = await startIntakeHarness({ withWorker: false, oidc: provider.settings(REDIRECT_URI) });
});
afterAll(async () => {
  await h?.stop();
  await provider?.stop();
});

/** The service's first leg: where it sends the browser, with the service's cookies kept in `jar`. */
async function begin(jar: CookieJar, next = '/meldingen/nieuw'): Promise<string> {
  const start = await h.app.inject({ method: 'GET', url: `/inloggen/oidc?next=${encodeURIComponent(next)}` });
  expect(start.statusCode).toBe(303);
  jar.take(([] as string[]).concat(start.headers['set-cookie'] ?? []));
  return String(start.headers.location);
}

/** The browser back at the service's callback. */
async function callback(jar: CookieJar, url: URL) {
  const answer = await h.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: { cookie: jar.header() },
  });
  jar.take(([] as string[]).concat(answer.headers['set-cookie'] ?? []));
  return answer;
}

async function logIn(user: string) {
  const jar = new CookieJar();
  const back = await signInAtProvider(await begin(jar), user);
  return { jar, answer: await callback(jar, back) };
}

test('the login page offers the organisation, and sends the browser there with PKCE, state and nonce', async () => {
  const page = await h.app.inject({ method: 'GET', url: '/inloggen?next=/mijn-casussen' });
  expect(page.body).toContain('Inloggen via Testorganisatie');
  expect(page.body).toContain('href="/inloggen/oidc?next=%2Fmijn-casussen"');
  const english = await h.app.inject({ method: 'GET', url: '/inloggen', cookies: { csg_taal: 'en' } });
  expect(english.body).toContain('Log in with Testorganisatie');

  const url = new URL(await begin(new CookieJar()));
  expect(url.origin).toBe(provider.issuer);
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  for (const name of ['code_challenge', 'state', 'nonce']) expect(url.searchParams.get(name)).toBeTruthy();
  expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
});

test('with a second factor: the staff pages, with the role and the region of the claims', async () => {
  const { jar, answer } = await logIn(TEST_OIDC_USERS.withSecondFactor);
  expect(answer.statusCode).toBe(200);
  expect(answer.body).toContain('U bent ingelogd via Testorganisatie.');
  expect(answer.body).toContain('href="/meldingen/nieuw"');
  expect(jar.get('csg_sessie')).toBeTruthy();

  // The helpline may start a melding, and the form offers only its region's municipalities.
  const form = await h.app.inject({
    method: 'GET',
    url: '/meldingen/nieuw',
    headers: { cookie: jar.header() },
  });
  expect(form.statusCode).toBe(200);
  expect(form.body).toContain('helpline-limburg');
  expect(form.body).toContain('Maastricht');
  expect(form.body).not.toContain('Nijmegen');
});

test('without a second factor: refused with a page that says why, and no session', async () => {
  // A password only; and an assurance level (acr) this service was not configured to accept.
  for (const user of [TEST_OIDC_USERS.withoutSecondFactor, TEST_OIDC_USERS.opsWithAcr]) {
    const { jar, answer } = await logIn(user);
    expect([user, answer.statusCode]).toEqual([user, 403]);
    expect(answer.body).toContain('Tweede factor nodig');
    expect(answer.body).toContain('zonder tweede factor');
    expect(jar.get('csg_sessie')).toBeUndefined();
    const form = await h.app.inject({
      method: 'GET',
      url: '/meldingen/nieuw',
      headers: { cookie: jar.header() },
    });
    expect(form.statusCode).toBe(303);
  }
});

test('a role or a region the service does not know: refused, no session', async () => {
  for (const user of [TEST_OIDC_USERS.unknownRole, TEST_OIDC_USERS.unknownRegion]) {
    const { jar, answer } = await logIn(user);
    expect([user, answer.statusCode]).toEqual([user, 403]);
    expect(answer.body).toContain('Geen toegang');
    expect(jar.get('csg_sessie')).toBeUndefined();
  }
});

test('the id of a local account: refused, and the local account keeps its own role', async () => {
  const { jar, answer } = await logIn(TEST_OIDC_USERS.localAccountId);
  expect(answer.statusCode).toBe(403);
  expect(answer.body).toContain('Geen toegang');
  expect(jar.get('csg_sessie')).toBeUndefined();
  const login = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    payload: { id: 'helpline-017', wachtwoord: 'helpline-wachtwoord-1' },
  });
  const session = `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
  // Still the helpline, who may start a melding (a coordinator may not).
  const form = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie: session } });
  expect(form.statusCode).toBe(200);
});

test('a wrong state: refused, no session', async () => {
  const jar = new CookieJar();
  const back = await signInAtProvider(await begin(jar), TEST_OIDC_USERS.withSecondFactor);
  back.searchParams.set('state', 'een-andere-state');
  const answer = await callback(jar, back);
  expect(answer.statusCode).toBe(400);
  expect(answer.body).toContain('Inloggen niet gelukt');
  expect(jar.get('csg_sessie')).toBeUndefined();
});

test("a callback without this browser's own attempt (another login's code and state): refused", async () => {
  const victim = new CookieJar();
  await begin(victim);
  const attacker = new CookieJar();
  const back = await signInAtProvider(await begin(attacker), TEST_OIDC_USERS.withSecondFactor);
  const answer = await callback(victim, back);
  expect(answer.statusCode).toBe(400);
  expect(victim.get('csg_sessie')).toBeUndefined();
});

test('a wrong nonce (the ID token was not issued for this attempt): refused, no session', async () => {
  const jar = new CookieJar();
  const back = await signInAtProvider(await begin(jar), TEST_OIDC_USERS.withSecondFactor);
  // The attempt as the service signed it, with everything but the nonce kept, signed again.
  const [payload] = jar.get('csg_oidc')!.split('.');
  const attempt = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...attempt, nonce: 'een-andere-nonce' })).toString('base64url');
  const signature = createHmac('sha256', TEST_CONFIG.SESSION_SECRET)
    .update(`oidc:${forged}`)
    .digest('base64url');
  jar.set('csg_oidc', `${forged}.${signature}`);
  const answer = await callback(jar, back);
  expect(answer.statusCode).toBe(400);
  expect(jar.get('csg_sessie')).toBeUndefined();
});

test('a code used twice: the second time refused', async () => {
  const jar = new CookieJar();
  const start = await begin(jar);
  const transaction = jar.get('csg_oidc')!;
  const back = await signInAtProvider(start, TEST_OIDC_USERS.withSecondFactor);
  expect((await callback(jar, back)).statusCode).toBe(200);
  const replay = new CookieJar();
  replay.set('csg_oidc', transaction);
  expect((await callback(replay, back)).statusCode).toBe(400);
  expect(replay.get('csg_sessie')).toBeUndefined();
});

test('logout ends the session of a login through the provider', async () => {
  const { jar } = await logIn(TEST_OIDC_USERS.withSecondFactor);
  const session = jar.header();
  // The logout form's token, from a page of the signed-in session, as a browser posts it.
  const page = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie: session } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const out = await h.app.inject({
    method: 'POST',
    url: '/uitloggen',
    headers: { cookie: session, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf }).toString(),
  });
  expect(out.statusCode).toBe(303);
  expect(out.headers.location).toBe('/inloggen');
  // The old cookie, kept by someone else, no longer opens the pages.
  const after = await h.app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie: session } });
  expect(after.statusCode).toBe(303);
  expect(String(after.headers.location)).toMatch(/^\/inloggen/);
});
