/**
 * Staff sessions end before their expiry when they must: a logout kills a copied cookie or token
 * too, and ops revoke every session of an account at once (a lost laptop), with the revocation
 * kept in the SQLite file so a restarted intake service still refuses it.
 */
import { acceptReplayedCodes, testAccounts, testCode } from '../../testkit/staffAccounts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../config/logger';
import { runCli } from '../../cli/main';
import type { MeldingService } from '../../cases/meldingService';
import { buildServer } from '../../web/server';
import { openSessionRevocations, type SessionRevocations } from '../../web/kit/sessionRevocations';
import { TEST_CONFIG } from '../../testkit/intakeHarness';

const dir = mkdtempSync(join(tmpdir(), 'csg-sessions-'));
const dbFile = join(dir, 'staff-sessions.db');
const opened: { app: FastifyInstance; revocations: SessionRevocations }[] = [];

/** No case is ever looked up here: the service answers "unknown" to everything. */
const noCases: MeldingService = {
  start: async () => ({ status: 'invalid', problems: [] }),
  state: async () => undefined,
  handoverDetails: async () => null,
  decide: async () => ({ status: 'not_found' }) as never,
  deliveryStatus: async () => 'signalled',
};

async function intakeService() {
  const revocations = openSessionRevocations(dbFile);
  const app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
    meldingen: noCases,
    sessionRevocations: revocations,
  });
  opened.push({ app, revocations });
  return app;
}

afterAll(async () => {
  for (const { app, revocations } of opened) {
    await app.close();
    revocations.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function apiToken(app: FastifyInstance, id: string, password: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/sessies',
    payload: { id, password, code: testCode(id) },
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

test('after logout, a copy of the session cookie is refused', async () => {
  const app = await intakeService();
  const login = await app.inject({
    method: 'POST',
    url: '/inloggen',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `id=helpline-017&wachtwoord=helpline-wachtwoord-1&code=${testCode('helpline-017')}`,
  });
  expect(login.statusCode).toBe(303);
  const cookie = login.cookies.find((c) => c.name === 'csg_sessie')!;
  const copy = `csg_sessie=${cookie.value}`;
  expect(
    (await app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie: copy } })).statusCode,
  ).toBe(200);

  await app.inject({ method: 'POST', url: '/uitloggen', headers: { cookie: copy } });
  const after = await app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie: copy } });
  expect(after.statusCode).toBe(303);
  expect(after.headers.location).toMatch(/^\/inloggen/);
});

test('DELETE /api/sessies revokes the Bearer token it carries, and only that one', async () => {
  const app = await intakeService();
  const first = await apiToken(app, 'ops', 'ops-wachtwoord-123');
  const second = await apiToken(app, 'ops', 'ops-wachtwoord-123');
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

test('ops revoke every session of one account from the CLI; the revocation holds after a restart', async () => {
  const app = await intakeService();
  const helpline = await apiToken(app, 'helpline-017', 'helpline-wachtwoord-1');
  const ops = await apiToken(app, 'ops', 'ops-wachtwoord-123');
  const out: string[] = [];
  const code = await runCli(['sessies-intrekken', 'helpline-017'], {
    client: {} as Client,
    taskQueue: 'unused',
    now: () => new Date(),
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    revocations: () => openSessionRevocations(dbFile),
  });
  expect(code).toBe(0);
  expect(out.join('\n')).toContain('helpline-017');

  expect((await asBearer(app, helpline)).statusCode).toBe(401);
  expect((await asBearer(app, ops)).statusCode).toBe(404);

  const restarted = await intakeService();
  expect((await asBearer(restarted, helpline)).statusCode).toBe(401);
  // A new login after the revocation works: the account is not locked, its old sessions are dead.
  await new Promise((r) => setTimeout(r, 5));
  const fresh = await apiToken(restarted, 'helpline-017', 'helpline-wachtwoord-1');
  expect((await asBearer(restarted, fresh)).statusCode).toBe(404);
});

test('sessies-intrekken without a valid staff id is a usage error and revokes nothing', async () => {
  const out: string[] = [];
  const code = await runCli(['sessies-intrekken', 'iemand@example.org'], {
    client: {} as Client,
    taskQueue: 'unused',
    now: () => new Date(),
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    revocations: () => {
      throw new Error('must not be opened');
    },
  });
  expect(code).toBe(2);
  expect(out.join('\n')).toContain('sessies-intrekken <medewerker-id>');
});
