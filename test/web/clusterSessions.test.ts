/**
 * The cluster profile: two intake services on one PostgreSQL session store (SESSION_DATABASE_URL),
 * each with its own connection pool as two processes have. A login on one is a login on the other;
 * a session ended on one (logout, or ops revoking the person) is dead on the other at once.
 * Runs where CSG_TEST_SESSION_PG_URL names a PostgreSQL server: `npm run test:cluster` starts one
 * and sets it; elsewhere this file is skipped. Each run gets a database of its own.
 */
import { acceptReplayedCodes, testAccounts, testCode } from '../../testkit/staffAccounts';
import { randomBytes } from 'node:crypto';
import type { Client as TemporalClient } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { Client } from 'pg';
import { createLogger } from '../../config/logger';
import { runCli } from '../../cli/main';
import type { MeldingService } from '../../cases/meldingService';
import { buildServer } from '../../web/server';
import { openStaffSessionStore, type StaffSessionStore } from '../../web/kit/sessionStore';
import { TEST_CONFIG } from '../../testkit/intakeHarness';
import { injectLogin } from '../../testkit/staffLogin';

const url = process.env.CSG_TEST_SESSION_PG_URL;

const noCases: MeldingService = {
  start: async () => ({ status: 'invalid', problems: [] }),
  state: async () => undefined,
  handoverDetails: async () => null,
  decide: async () => ({ status: 'not_found' }) as never,
  deliveryStatus: async () => 'signalled',
};

(url ? describe : describe.skip)('staff sessions on PostgreSQL, shared by two intake services', () => {
  const database = `sessies_test_${randomBytes(6).toString('hex')}`;
  let admin: Client;
  let sessionUrl: string;
  const opened: { app: FastifyInstance; sessions: StaffSessionStore }[] = [];

  beforeAll(async () => {
    admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const parsed = new URL(url!);
    parsed.pathname = `/${database}`;
    sessionUrl = parsed.toString();
  });
  afterAll(async () => {
    for (const { app, sessions } of opened) {
      await app.close();
      await sessions.close();
    }
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  });

  async function intakeProcess(): Promise<FastifyInstance> {
    const sessions = openStaffSessionStore({
      STAFF_SESSION_DB: ':memory:',
      SESSION_DATABASE_URL: sessionUrl,
    });
    const app = await buildServer({
      client: {} as TemporalClient,
      taskQueue: 'unused',
      config: TEST_CONFIG,
      logger: createLogger({ level: 'silent' }),
      meldingen: noCases,
      sessions,
      accounts: await testAccounts(TEST_CONFIG),
      totpReplays: acceptReplayedCodes,
    });
    opened.push({ app, sessions });
    return app;
  }

  async function logIn(app: FastifyInstance, id: string, password: string): Promise<string> {
    const login = await injectLogin(app, {
      method: 'POST',
      url: '/inloggen',
      payload: new URLSearchParams({ id, wachtwoord: password, code: testCode(id) }).toString(),
    });
    expect(login.statusCode).toBe(303);
    return `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
  }
  const formPage = (app: FastifyInstance, cookie: string) =>
    app.inject({ method: 'GET', url: '/meldingen/nieuw', headers: { cookie } });

  test('a login on one is honoured by the other; a logout on the other ends it on both', async () => {
    const [first, second] = [await intakeProcess(), await intakeProcess()];
    const cookie = await logIn(first, 'helpline-017', 'helpline-wachtwoord-1');
    const page = await formPage(second, cookie);
    expect(page.statusCode).toBe(200);
    const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)![1]!;

    const out = await second.inject({
      method: 'POST',
      url: '/uitloggen',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf)}`,
    });
    expect(out.statusCode).toBe(303);
    expect((await formPage(first, cookie)).statusCode).toBe(303);
    expect((await formPage(second, cookie)).statusCode).toBe(303);
  });

  test('ops revoking one person ends their sessions on both, and not a colleague’s', async () => {
    const [first, second] = [await intakeProcess(), await intakeProcess()];
    const revoked = await logIn(first, 'helpline-017', 'helpline-wachtwoord-1');
    const colleague = await logIn(second, 'helpline-018', 'helpline-wachtwoord-2');
    const code = await runCli(['sessies-intrekken', 'helpline-017'], {
      client: {} as TemporalClient,
      taskQueue: 'unused',
      now: () => new Date(),
      out: () => undefined,
      err: () => undefined,
      sessions: () =>
        openStaffSessionStore({ STAFF_SESSION_DB: ':memory:', SESSION_DATABASE_URL: sessionUrl }),
    });
    expect(code).toBe(0);
    expect((await formPage(first, revoked)).statusCode).toBe(303);
    expect((await formPage(second, revoked)).statusCode).toBe(303);
    expect((await formPage(first, colleague)).statusCode).toBe(200);
  });

  test('the store keeps hashes of ids only, and prunes what has expired', async () => {
    const app = await intakeProcess();
    const cookie = await logIn(app, 'cm-017', 'casemanager-wachtwoord-1');
    const id = cookie.split('=')[1]!;
    const db = new Client({ connectionString: sessionUrl });
    await db.connect();
    const rows = await db.query<{ row: string }>('SELECT t::text AS row FROM staff_session t');
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(rows.rows.map((r) => r.row).join('\n')).not.toContain(id);
    await db.end();
    const store = opened.at(-1)!.sessions;
    expect(await store.pruneExpired(new Date(Date.now() + 11 * 60 * 60 * 1000))).toBeGreaterThan(0);
    expect((await formPage(app, cookie)).statusCode).toBe(303);
  });
});
