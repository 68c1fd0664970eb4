/**
 * The Temporal Web UI served by the codec server behind the ops login. A stand-in for the UI
 * records what reaches it. Without an ops session a page request goes to our login and a data
 * request gets 401, and the UI sees neither; the helpline's session is refused; an ops session,
 * from this login or from the intake's (one login for both), passes, and the session cookie
 * itself never reaches the UI; a change from another origin is refused; a logout ends the
 * session for the intake as well (one store).
 */
import { acceptReplayedCodes, testAccounts, testCode } from '../../testkit/staffAccounts';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { buildCodecServer } from '../../codec/server';
import { withoutSessionCookie } from '../../codec/uiProxy';
import { SESSION_COOKIE } from '../../web/kit/staffSessions';
import { openStaffSessionStore, type StaffSessionStore } from '../../web/kit/sessionStore';
import { TEST_PAYLOAD_KEYS } from '../../testkit/temporal';
import { injectLogin, sessionInStore } from '../../testkit/staffLogin';

const OWN = 'http://localhost:8234';
const OPS = { id: 'ops-nacht', password: 'ops-nacht-wachtwoord-1' };
const HELPLINE = { id: 'helpline-nacht', password: 'helpline-nacht-wachtwoord-1' };

interface Seen {
  method: string;
  url: string;
  cookie?: string;
  origin?: string;
}
const seen: Seen[] = [];
let ui: FastifyInstance;
let app: FastifyInstance;
let sessions: StaffSessionStore;

beforeAll(async () => {
  ui = Fastify();
  ui.all('/*', async (request) => {
    seen.push({
      method: request.method,
      url: request.url,
      cookie: request.headers.cookie,
      origin: request.headers.origin,
    });
    return { ui: true };
  });
  await ui.listen({ host: '127.0.0.1', port: 0 });
  const address = ui.server.address() as { port: number };
  sessions = openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' });
  app = await buildCodecServer({
    codec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
    config: {
      CODEC_PUBLIC_URL: OWN,
      CODEC_TEMPORAL_UI_URL: `http://127.0.0.1:${address.port}`,
    },
    accounts: await testAccounts({
      STAFF_ACCOUNTS: `${OPS.id}:${OPS.password},${HELPLINE.id}:${HELPLINE.password}`,
      OPS_STAFF_IDS: OPS.id,
    }),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent', name: 'codec' }),
    sessions,
  });
});
afterAll(async () => {
  await app.close();
  await ui.close();
  await sessions.close();
});
beforeEach(() => seen.splice(0));

const PAGE = '/namespaces/default/workflows/CSG-LIM-2026-000001';
const navigate = { accept: 'text/html', 'sec-fetch-mode': 'navigate' };
/** A session the intake's login left in the shared store. */
const sessionOf = (staffId: string) =>
  sessionInStore(sessions, {
    id: staffId,
    role: staffId === OPS.id ? 'ops' : 'helpline',
    regions: 'alle',
  });

async function logIn(account: { id: string; password: string }, back?: string) {
  return injectLogin(app, {
    method: 'POST',
    url: '/inloggen',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: OWN },
    payload: new URLSearchParams({
      id: account.id,
      wachtwoord: account.password,
      code: testCode(account.id),
      ...(back ? { terug: back } : {}),
    }).toString(),
  });
}

test('without a session a page goes to our login, returning to it after; data gets 401; the UI sees neither', async () => {
  const page = await app.inject({ method: 'GET', url: PAGE, headers: navigate });
  expect(page.statusCode).toBe(303);
  expect(page.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(PAGE)}`);

  const login = await app.inject({ method: 'GET', url: page.headers.location as string });
  expect(login.body).toContain(`name="terug" value="${PAGE}"`);

  const data = await app.inject({ method: 'GET', url: '/api/v1/namespaces/default/workflows' });
  expect(data.statusCode).toBe(401);
  const forged = await app.inject({
    method: 'GET',
    url: PAGE,
    headers: {
      ...navigate,
      cookie: `${SESSION_COOKIE}=${'A'.repeat(43)}`,
    },
  });
  expect(forged.statusCode).toBe(303);
  expect(seen).toEqual([]);
});

test('an ops login returns to the page asked for, and its session opens the UI without reaching it', async () => {
  const login = await logIn(OPS, PAGE);
  expect(login.statusCode).toBe(303);
  expect(login.headers.location).toBe(PAGE);
  const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

  const res = await app.inject({
    method: 'GET',
    url: `${PAGE}?x=1`,
    headers: { ...navigate, cookie: `${SESSION_COOKIE}=${cookie.value}; _csrf=ui-own` },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ ui: true });
  expect(seen).toEqual([{ method: 'GET', url: `${PAGE}?x=1`, cookie: '_csrf=ui-own', origin: undefined }]);
});

test("the intake's ops session is honoured as it is: one login for both", async () => {
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/namespaces/default/workflows',
    headers: { cookie: `${SESSION_COOKIE}=${await sessionOf(OPS.id)}` },
  });
  expect(res.statusCode).toBe(200);
  expect(seen).toHaveLength(1);
});

test('a helpline account is refused at the login, and its intake session cannot open the UI', async () => {
  const login = await logIn(HELPLINE, PAGE);
  expect(login.statusCode).toBe(403);
  expect(login.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  expect(login.body).toContain('Geen toegang');

  const cookie = `${SESSION_COOKIE}=${await sessionOf(HELPLINE.id)}`;
  const page = await app.inject({ method: 'GET', url: PAGE, headers: { ...navigate, cookie } });
  expect(page.statusCode).toBe(403);
  expect(page.body).toContain('Geen toegang');
  const data = await app.inject({ method: 'GET', url: '/api/v1/x', headers: { cookie } });
  expect(data.statusCode).toBe(403);
  expect(seen).toEqual([]);
});

test('a change from another origin is refused even with an ops session; from our own it passes', async () => {
  const cookie = `${SESSION_COOKIE}=${await sessionOf(OPS.id)}`;
  const url = '/api/v1/namespaces/default/workflows/CSG-LIM-2026-000001/terminate';
  const foreign = await app.inject({
    method: 'POST',
    url,
    headers: { cookie, origin: 'https://elders.example', 'content-type': 'application/json' },
    payload: '{}',
  });
  expect(foreign.statusCode).toBe(403);
  expect(seen).toEqual([]);

  const own = await app.inject({
    method: 'POST',
    url,
    headers: { cookie, origin: OWN, 'content-type': 'application/json' },
    payload: '{}',
  });
  expect(own.statusCode).toBe(200);
  // The UI checks a change's origin against its own address: it is given that one.
  expect(seen[0]!.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('a logout here ends the session, for the intake too (one store)', async () => {
  const login = await logIn(OPS);
  expect(login.statusCode).toBe(303);
  const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  const fromIntake = await sessionOf(OPS.id);
  // The logout form's token, as the logged-in page gives it.
  const page = await app.inject({ method: 'GET', url: '/inloggen', headers: { cookie } });
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)![1]!;
  const out = await app.inject({
    method: 'POST',
    url: '/uitloggen',
    headers: { cookie, origin: OWN, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf }).toString(),
  });
  expect(out.statusCode).toBe(200);
  const after = await app.inject({ method: 'GET', url: PAGE, headers: { ...navigate, cookie } });
  expect(after.statusCode).toBe(303);
  // Every session of this person, the one their intake login made included.
  expect(await sessions.get(fromIntake)).toBeUndefined();
});

test('our own pages stay ours: the login, the stylesheets and the health check never go to the UI', async () => {
  for (const url of ['/inloggen', '/stijl/eigen.css', '/gezond']) {
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
  }
  expect(seen).toEqual([]);
});

test('only the staff session is taken out of the cookies passed on', () => {
  expect(withoutSessionCookie(`a=1; ${SESSION_COOKIE}=x.y; b=2`)).toBe('a=1; b=2');
  expect(withoutSessionCookie(`${SESSION_COOKIE}=x.y`)).toBeUndefined();
  expect(withoutSessionCookie(undefined)).toBeUndefined();
  expect(withoutSessionCookie(`${SESSION_COOKIE}_other=1`)).toBe(`${SESSION_COOKIE}_other=1`);
});
