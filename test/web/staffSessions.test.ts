/**
 * Staff sessions end when they must, on every service at once: the intake service and the codec
 * server each open the one store (as separate processes do, here on one SQLite file), so a logout
 * on either ends the person's session on both, ops end every session of one person from the CLI,
 * and a local account that is removed or given another role loses its sessions. A session id the
 * store does not hold (forged, or from before a logout) is refused, and every form post without
 * its session's CSRF token is refused before it does anything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { runCli } from '../../cli/main';
import { buildCodecServer } from '../../codec/server';
import type { MeldingService } from '../../cases/meldingService';
import { buildServer } from '../../web/server';
import { openStaffSessionStore, type StaffSessionStore } from '../../web/kit/sessionStore';
import { TEST_CONFIG, type TestIntakeConfig } from '../../testkit/intakeHarness';
import { acceptReplayedCodes, testAccounts, testCode } from '../../testkit/staffAccounts';
import { injectLogin, loginForm } from '../../testkit/staffLogin';
import { TEST_PAYLOAD_KEYS } from '../../testkit/temporal';

const dir = mkdtempSync(join(tmpdir(), 'csg-sessions-'));
const dbFile = join(dir, 'staff-sessions.db');
const opened: { app: FastifyInstance; sessions: StaffSessionStore }[] = [];
const HELPLINE = { id: 'helpline-017', password: 'helpline-wachtwoord-1' };
const COLLEAGUE = { id: 'helpline-018', password: 'helpline-wachtwoord-2' };
const OPS = { id: 'ops', password: 'ops-wachtwoord-123' };

/** No case is ever looked up here: the service answers "unknown" to everything. */
const noCases: MeldingService = {
  start: async () => ({ status: 'invalid', problems: [] }),
  state: async () => undefined,
  handoverDetails: async () => null,
  decide: async () => ({ status: 'not_found' }) as never,
  deliveryStatus: async () => 'signalled',
};

async function intakeService(config: TestIntakeConfig = TEST_CONFIG) {
  const sessions = openStaffSessionStore({ STAFF_SESSION_DB: dbFile });
  const app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config,
    logger: createLogger({ level: 'silent' }),
    meldingen: noCases,
    sessions,
    accounts: await testAccounts(config),
    totpReplays: acceptReplayedCodes,
  });
  opened.push({ app, sessions });
  return app;
}

async function codecServer() {
  const sessions = openStaffSessionStore({ STAFF_SESSION_DB: dbFile });
  const app = await buildCodecServer({
    codec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
    config: {
      CODEC_PUBLIC_URL: 'http://codec.test',
    },
    accounts: await testAccounts({
      STAFF_ACCOUNTS: TEST_CONFIG.STAFF_ACCOUNTS,
      OPS_STAFF_IDS: 'ops',
      ...(TEST_CONFIG.STAFF_ROLES ? { STAFF_ROLES: TEST_CONFIG.STAFF_ROLES } : {}),
    }),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent', name: 'codec' }),
    sessions,
  });
  opened.push({ app, sessions });
  return app;
}

afterAll(async () => {
  for (const { app, sessions } of opened) {
    await app.close();
    await sessions.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** Logs in on the form of `app`; the session cookie ("csg_sessie=..."). */
async function logIn(app: FastifyInstance, account: { id: string; password: string }): Promise<string> {
  const login = await injectLogin(app, {
    method: 'POST',
    url: '/inloggen',
    headers: form,
    payload: new URLSearchParams({
      id: account.id,
      wachtwoord: account.password,
      code: testCode(account.id),
    }).toString(),
  });
  expect([200, 303]).toContain(login.statusCode);
  return `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
}

/** A form token of the signed-in session, from a page that has forms. */
async function csrfOf(app: FastifyInstance, cookie: string, url: string): Promise<string> {
  const page = await app.inject({ method: 'GET', url, headers: { cookie } });
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)?.[1];
  if (!csrf) throw new Error(`no form with a CSRF token on ${url} (${page.statusCode})`);
  return csrf;
}

const intakePage = (app: FastifyInstance, cookie: string) =>
  app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });
/** A page of the intake for anyone signed in (the find form): 200 signed in, 303 to the login. */
const opsPage = (app: FastifyInstance, cookie: string) =>
  app.inject({ method: 'GET', url: '/meldingen/zoeken', headers: { cookie } });
/** A data call of the codec by a session: 400 (no payloads) once past the door, 401 at it. */
const codecDecode = (codec: FastifyInstance, cookie: string) =>
  codec.inject({
    method: 'POST',
    url: '/decode',
    headers: { cookie, 'content-type': 'application/json' },
    payload: '{}',
  });

async function apiToken(app: FastifyInstance, account: { id: string; password: string }): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/sessies',
    payload: { id: account.id, password: account.password, code: testCode(account.id) },
  });
  expect(res.statusCode).toBe(201);
  return res.json().token as string;
}
const asBearer = (app: FastifyInstance, token: string) =>
  app.inject({
    method: 'GET',
    url: '/api/meldingen/CSG-LIM-2026-999999',
    headers: { authorization: `Bearer ${token}` },
  });

test('a logout on the intake ends the codec session of that login, and a copy of the cookie', async () => {
  const intake = await intakeService();
  const codec = await codecServer();
  const cookie = await logIn(intake, OPS);
  expect((await codecDecode(codec, cookie)).statusCode).toBe(400);

  const csrf = await csrfOf(intake, cookie, '/meldingen/zoeken');
  const out = await intake.inject({
    method: 'POST',
    url: '/uitloggen',
    headers: { ...form, cookie },
    payload: `_csrf=${encodeURIComponent(csrf)}`,
  });
  expect(out.statusCode).toBe(303);
  expect((await codecDecode(codec, cookie)).statusCode).toBe(401);
  expect((await opsPage(intake, cookie)).statusCode).toBe(303);
});

test('a logout on the codec server ends the intake session too', async () => {
  const intake = await intakeService();
  const codec = await codecServer();
  const cookie = await logIn(codec, OPS);
  expect((await opsPage(intake, cookie)).statusCode).toBe(200);

  const csrf = await csrfOf(intake, cookie, '/meldingen/zoeken');
  const out = await codec.inject({
    method: 'POST',
    url: '/uitloggen',
    headers: { ...form, cookie },
    payload: `_csrf=${encodeURIComponent(csrf)}`,
  });
  expect(out.statusCode).toBe(200);
  expect((await opsPage(intake, cookie)).statusCode).toBe(303);
  expect((await codecDecode(codec, cookie)).statusCode).toBe(401);
});

test("the CLI's sessies-intrekken ends every session of one person on both services, not another's", async () => {
  const intake = await intakeService();
  const codec = await codecServer();
  const opsOnIntake = await logIn(intake, OPS);
  const opsOnCodec = await logIn(codec, OPS);
  const opsToken = await apiToken(intake, OPS);
  const colleague = await logIn(intake, COLLEAGUE);
  const out: string[] = [];
  const code = await runCli(['sessies-intrekken', 'ops'], {
    client: {} as Client,
    taskQueue: 'unused',
    now: () => new Date(),
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    sessions: () => openStaffSessionStore({ STAFF_SESSION_DB: dbFile }),
  });
  expect(code).toBe(0);
  expect(out.join('\n')).toContain('ops');

  expect((await opsPage(intake, opsOnIntake)).statusCode).toBe(303);
  expect((await codecDecode(codec, opsOnCodec)).statusCode).toBe(401);
  expect((await codecDecode(codec, opsOnIntake)).statusCode).toBe(401);
  expect((await asBearer(intake, opsToken)).statusCode).toBe(401);
  expect((await intakePage(intake, colleague)).statusCode).toBe(200);
  // Not locked out: a new login works, on a restarted service too.
  const restarted = await intakeService();
  expect((await asBearer(restarted, await apiToken(restarted, OPS))).statusCode).toBe(404);
});

test('sessies-intrekken without a valid staff id is a usage error and opens no store', async () => {
  const out: string[] = [];
  const code = await runCli(['sessies-intrekken', 'iemand@example.org'], {
    client: {} as Client,
    taskQueue: 'unused',
    now: () => new Date(),
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    sessions: () => {
      throw new Error('must not be opened');
    },
  });
  expect(code).toBe(2);
  expect(out.join('\n')).toContain('sessies-intrekken <medewerker-id>');
});

test('a local account removed from the accounts, or given another role, loses its sessions on the next request', async () => {
  const intake = await intakeService();
  const removedCookie = await logIn(intake, COLLEAGUE);
  const removedToken = await apiToken(intake, COLLEAGUE);
  const changedCookie = await logIn(intake, HELPLINE);
  const ops = await logIn(intake, OPS);
  // The configuration changed and the service restarted: helpline-018 gone, helpline-017 a casemanager.
  const changed = await intakeService({
    ...TEST_CONFIG,
    STAFF_ACCOUNTS:
      'helpline-017:helpline-wachtwoord-1,cm-017:casemanager-wachtwoord-1,ops:ops-wachtwoord-123',
    STAFF_ROLES: 'helpline-017=casemanager@alle,cm-017=casemanager@alle',
  });
  const gone = await intakePage(changed, removedCookie);
  expect(gone.statusCode).toBe(303);
  expect(gone.headers.location).toMatch(/^\/inloggen/);
  expect((await asBearer(changed, removedToken)).statusCode).toBe(401);
  expect((await intakePage(changed, changedCookie)).headers.location).toMatch(/^\/inloggen/);
  expect((await opsPage(changed, ops)).statusCode).toBe(200);
  // Gone from the store, not only refused: the service that still knows the account refuses them too.
  expect((await intakePage(intake, removedCookie)).statusCode).toBe(303);
  expect((await intakePage(intake, changedCookie)).statusCode).toBe(303);
});

test('a session id the store does not hold is refused: made up, or shaped like the old signed tokens', async () => {
  const intake = await intakeService();
  const codec = await codecServer();
  for (const id of ['A'.repeat(43), 'eyJzIjoib3BzIiwiZSI6OWU5fQ.forged']) {
    const cookie = `csg_sessie=${id}`;
    expect((await intakePage(intake, cookie)).headers.location).toMatch(/^\/inloggen/);
    expect((await codecDecode(codec, cookie)).statusCode).toBe(401);
    expect((await asBearer(intake, id)).statusCode).toBe(401);
  }
});

test('DELETE /api/sessies ends the Bearer token it carries, and only that one', async () => {
  const app = await intakeService();
  const first = await apiToken(app, OPS);
  const second = await apiToken(app, OPS);
  expect((await asBearer(app, first)).statusCode).toBe(404); // authorised: the case is just unknown
  const logout = await app.inject({
    method: 'DELETE',
    url: '/api/sessies',
    headers: { authorization: `Bearer ${first}` },
  });
  expect(logout.statusCode).toBe(204);
  expect((await asBearer(app, first)).statusCode).toBe(401);
  expect((await asBearer(app, second)).statusCode).toBe(404);
});

describe('CSRF: a form post without its session token, or with a wrong one, is refused', () => {
  test('the login form: no password is checked and no session starts', async () => {
    const intake = await intakeService();
    const { cookie, csrf } = await loginForm(intake);
    const fields = new URLSearchParams({ id: HELPLINE.id, wachtwoord: HELPLINE.password }).toString();
    for (const payload of [fields, `${fields}&_csrf=wrong`, `${fields}&_csrf=${encodeURIComponent(csrf)}x`]) {
      const res = await intake.inject({
        method: 'POST',
        url: '/inloggen',
        headers: { ...form, cookie },
        payload,
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers.location).toBeUndefined();
    }
    expect((await intakePage(intake, cookie)).statusCode).toBe(303);
    // A token of another browser's login page is no good with this session either.
    const other = await loginForm(intake);
    const stolen = await intake.inject({
      method: 'POST',
      url: '/inloggen',
      headers: { ...form, cookie },
      payload: `${fields}&_csrf=${encodeURIComponent(other.csrf)}`,
    });
    expect(stolen.statusCode).toBe(403);
  });

  test("the codec server's login form", async () => {
    const codec = await codecServer();
    const { cookie } = await loginForm(codec);
    const res = await codec.inject({
      method: 'POST',
      url: '/inloggen',
      headers: { ...form, cookie },
      payload: `id=ops&wachtwoord=${OPS.password}&_csrf=wrong`,
    });
    expect(res.statusCode).toBe(403);
    expect((await codecDecode(codec, cookie)).statusCode).toBe(401);
  });

  test('the logout forms of both services: the session goes on', async () => {
    const intake = await intakeService();
    const codec = await codecServer();
    const cookie = await logIn(intake, OPS);
    for (const payload of ['', '_csrf=wrong']) {
      const out = await intake.inject({
        method: 'POST',
        url: '/uitloggen',
        headers: { ...form, cookie },
        payload,
      });
      expect(out.statusCode).toBe(403);
      const codecOut = await codec.inject({
        method: 'POST',
        url: '/uitloggen',
        headers: { ...form, cookie },
        payload,
      });
      expect(codecOut.statusCode).toBe(403);
    }
    expect((await opsPage(intake, cookie)).statusCode).toBe(200);
  });

  test("a case form (a decision) and the intake form; another person's token does not pass", async () => {
    const intake = await intakeService();
    const cookie = await logIn(intake, HELPLINE);
    const colleague = await logIn(intake, COLLEAGUE);
    const theirs = await csrfOf(intake, colleague, '/meldingen/nieuw');
    for (const payload of ['reden=x', '_csrf=wrong&reden=x', `_csrf=${encodeURIComponent(theirs)}&reden=x`]) {
      const decision = await intake.inject({
        method: 'POST',
        url: '/meldingen/CSG-LIM-2026-000001/besluiten/sluiting',
        headers: { ...form, cookie },
        payload,
      });
      expect(decision.statusCode).toBe(403);
      expect(decision.body).toContain('Formulier verlopen');
      const intakeForm = await intake.inject({
        method: 'POST',
        url: '/meldingen',
        headers: { ...form, cookie },
        payload,
      });
      expect(intakeForm.statusCode).toBe(403);
    }
  });
});

test('the store: an expired session is absent at once and its row pruned by pruneExpired', async () => {
  let now = new Date('2026-03-01T08:00:00Z');
  const store = openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' }, () => now);
  const staff = { id: 'helpline-017', role: 'helpline' as const, regions: 'alle' as const };
  await store.set('shift', { staff, via: 'lokaal', expiresAt: '2026-03-01T18:00:00Z' });
  await store.set('later', { staff, via: 'lokaal', expiresAt: '2026-03-02T18:00:00Z' });
  expect((await store.get('shift'))?.staff).toEqual(staff);
  now = new Date('2026-03-01T18:00:00Z');
  expect(await store.get('shift')).toBeUndefined();
  expect(await store.pruneExpired(now)).toBe(1);
  expect(await store.pruneExpired(now)).toBe(0);
  expect((await store.get('later'))?.via).toBe('lokaal');
  await store.close();
});
