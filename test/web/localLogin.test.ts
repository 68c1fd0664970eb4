/**
 * Logging in to the intake with a local account, as production does it (each TOTP code accepted
 * once): the form and POST /api/sessies take the staff id, the password and the code of the
 * authenticator app; any wrong part gets the one same refusal; HTTP Basic opens nothing.
 */
import { injectLogin } from '../../testkit/staffLogin';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { testCode } from '../../testkit/staffAccounts';
import { TOTP_PERIOD_SECONDS } from '../../web/kit/localLogin';

jest.setTimeout(120_000);

let h: IntakeHarness;
/**
 * The service's time, moved a step on by each test so every test has fresh codes. It starts at
 * today's time (5 s into a code's period), not a fixed date: the session store checks a session's
 * expiry against the real time, so a fixed morning would see every session expired by the evening.
 */
const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
let now = Math.floor(Date.now() / PERIOD_MS) * PERIOD_MS + 5_000;

beforeAll(async () => {
  h = await startIntakeHarness({ withWorker: false, clock: () => new Date(now), refuseReplayedCodes: true });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  now += 5 * PERIOD_MS;
});

const ID = 'helpline-017';
const PASSWORD = 'helpline-wachtwoord-1';
const codeNow = (id = ID) => testCode(id, new Date(now));
const otherCode = (code: string) => String((Number(code) + 424_242) % 1_000_000).padStart(6, '0');

function formLogin(fields: Record<string, string>, language = 'nl') {
  return injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    headers: { 'accept-language': language },
    payload: { ...fields, next: '/meldingen/nieuw' },
  });
}

function apiLogin(body: Record<string, string>) {
  return h.app.inject({ method: 'POST', url: '/api/sessies', payload: body });
}

test('the login page asks for the code as a one-time code on a numeric keypad, in both languages', async () => {
  const nl = await h.app.inject({ method: 'GET', url: '/inloggen', headers: { 'accept-language': 'nl' } });
  const field = /<input[^>]*id="code"[^>]*>/.exec(nl.body)?.[0] ?? '';
  expect(field).toMatch(/name="code"/);
  expect(field).toMatch(/autocomplete="one-time-code"/);
  expect(field).toMatch(/inputmode="numeric"/);
  expect(field).toMatch(/aria-describedby="code-uitleg"/);
  expect(nl.body).toMatch(/<label[^>]*for="code"[^>]*>Inlogcode<\/label>/);
  const en = await h.app.inject({ method: 'GET', url: '/inloggen', headers: { 'accept-language': 'en' } });
  expect(en.body).toMatch(/<label[^>]*for="code"[^>]*>Login code<\/label>/);
});

test('the right password and the code of now log in; the cookie is the session', async () => {
  const res = await formLogin({ id: ID, wachtwoord: PASSWORD, code: codeNow() });
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe('/meldingen/nieuw');
  expect(res.cookies.find((c) => c.name === 'csg_sessie')).toBeDefined();
});

test('a wrong code, a replayed code, a wrong password and an unknown id get the same refusal', async () => {
  const code = codeNow();
  expect((await formLogin({ id: ID, wachtwoord: PASSWORD, code })).statusCode).toBe(303);
  const refusals = [
    await formLogin({ id: ID, wachtwoord: PASSWORD, code: otherCode(code) }),
    await formLogin({ id: ID, wachtwoord: PASSWORD, code }), // the same code again
    await formLogin({ id: ID, wachtwoord: 'fout-wachtwoord-1', code: codeNow() }),
    await formLogin({ id: 'helpline-099', wachtwoord: PASSWORD, code: codeNow('helpline-099') }),
    await formLogin({ id: ID, wachtwoord: PASSWORD }), // no code at all
  ];
  const message = (body: string) => /<div[^>]*role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(body)?.[1];
  for (const res of refusals) {
    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'csg_sessie')).toBeUndefined();
    expect(message(res.body)).toContain(
      'Inloggen is niet gelukt: controleer uw medewerkerscode, wachtwoord en inlogcode.',
    );
    expect(res.body).not.toContain(PASSWORD);
  }
  expect(new Set(refusals.map((res) => message(res.body))).size).toBe(1);
  const english = await formLogin({ id: ID, wachtwoord: 'fout-wachtwoord-1', code: codeNow() }, 'en');
  expect(english.body).toContain('Logging in did not work: check your staff id, password and login code.');
});

test('POST /api/sessies takes the code: a session with it, the one refusal without it or replayed', async () => {
  const code = codeNow();
  const session = await apiLogin({ id: ID, password: PASSWORD, code });
  expect(session.statusCode).toBe(201);
  const read = await h.app.inject({
    method: 'GET',
    url: '/api/meldingen/CSG-LIM-2026-999999',
    headers: { authorization: `Bearer ${session.json().token}` },
  });
  expect(read.statusCode).toBe(404);

  const replayed = await apiLogin({ id: ID, password: PASSWORD, code });
  expect(replayed.statusCode).toBe(401);
  const wrongCode = await apiLogin({ id: ID, password: PASSWORD, code: otherCode(codeNow()) });
  expect(wrongCode.json()).toEqual(replayed.json());
  expect(replayed.json().error).toBe('unauthorized');

  const withoutCode = await apiLogin({ id: ID, password: PASSWORD });
  expect(withoutCode.statusCode).toBe(400);
  expect(withoutCode.json().problems).toEqual([expect.objectContaining({ field: 'code' })]);
});

test('HTTP Basic is refused on the API, even with the right password: it has no second factor', async () => {
  const basic = `Basic ${Buffer.from(`${ID}:${PASSWORD}`).toString('base64')}`;
  const res = await h.app.inject({
    method: 'GET',
    url: '/api/meldingen/CSG-LIM-2026-999999',
    headers: { authorization: basic },
  });
  expect(res.statusCode).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer realm="csg-meldingen"');

  const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearer']);
  expect(doc.security).toEqual([{ bearer: [] }]);
  const loginBody = doc.paths['/api/sessies'].post.requestBody.content['application/json'].schema;
  expect(loginBody.required).toEqual(expect.arrayContaining(['id', 'password', 'code']));
});
