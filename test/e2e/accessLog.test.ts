/**
 * The access log on a real dev server with the real workflow: every way to see a victim's
 * details writes an entry before it shows them (the case page, the API's case read, the partner
 * link page, the command line's status, the Temporal UI served by the codec server, a decode
 * that names no case, the privacy officer's export), and the privacy officer reads one case's
 * entries, on the page (in Dutch and English) and on the command line, with nothing of another
 * case. The Temporal UI is a stand-in that answers every call: what is tested is the codec
 * server's door in front of it.
 */
import { testAccounts } from '../../testkit/staffAccounts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAccessLog, type AccessLog } from '../../accessLog';
import { openSqliteChain } from '../../accessLog/sqliteRows';
import { startMelding } from '../../cases/meldingClient';
import {
  accessLogOfPrivacy,
  createCasePrivacy,
  openErasureStore,
  type ErasureStore,
} from '../../cases/privacy';
import { runCli } from '../../cli/main';
import { buildCodecServer } from '../../codec/server';
import { toJson } from '../../codec/payloadJson';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { staffDirectory } from '../../config/staffRoles';
import { REGIONS } from '../../regions';
import { buildIntake } from '../../testkit/meldingFixtures';
import {
  AS_CASEMANAGER,
  AS_HELPLINE,
  pathOf,
  startIntakeHarness,
  TEST_CONFIG,
  type IntakeHarness,
} from '../../testkit/intakeHarness';
import { TEST_BLIND_INDEX_KEY, TEST_PAYLOAD_KEYS } from '../../testkit/temporal';
import { openStaffSessionStore, type StaffSessionStore } from '../../web/kit/sessionStore';
import { injectLogin, SESSION_COOKIE_NAME, sessionInStore } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

const STAFF_ROLES = `${TEST_CONFIG.STAFF_ROLES},priv-1=privacy@limburg`;
const CODEC = 'http://localhost:8234';

const dataDir = mkdtempSync(join(tmpdir(), 'csg-access-log-e2e-'));
let log: AccessLog;
let h: IntakeHarness;
let erasures: ErasureStore;
let ui: FastifyInstance;
let codec: FastifyInstance;
/** The codec server's session store, and an ops session in it as the intake's login leaves one. */
let codecSessions: StaffSessionStore;
let opsSession: string;

function privacyOver(client: Client) {
  return createCasePrivacy({
    client,
    deliveryLogDir: join(dataDir, 'deliveries'),
    erasures,
    receiptKey: TEST_BLIND_INDEX_KEY,
    accessLog: accessLogOfPrivacy(log),
  });
}

beforeAll(async () => {
  log = createAccessLog({
    rows: openSqliteChain(join(dataDir, 'access-log.db')),
    indexKey: TEST_BLIND_INDEX_KEY,
  });
  erasures = openErasureStore(join(dataDir, 'privacy.db'));
  h = await startIntakeHarness({
    config: { STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},priv-1:privacy-wachtwoord-1`, STAFF_ROLES },
    logger: createLogger({ level: 'error', name: 'access-log-test' }),
    privacy: (client) => privacyOver(client),
    accessLog: log,
  });
  ui = Fastify();
  ui.all('/*', async () => ({ ui: true }));
  await ui.listen({ host: '127.0.0.1', port: 0 });
  codecSessions = openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' });
  opsSession = await sessionInStore(codecSessions, { id: 'ops', role: 'ops', regions: 'alle' });
  codec = await buildCodecServer({
    codec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
    config: {
      CODEC_PUBLIC_URL: CODEC,
      CODEC_TEMPORAL_UI_URL: `http://127.0.0.1:${(ui.server.address() as { port: number }).port}`,
    },
    accounts: await testAccounts({ STAFF_ACCOUNTS: 'ops:ops-wachtwoord-123', OPS_STAFF_IDS: 'ops' }),
    logger: createLogger({ level: 'silent', name: 'access-log-codec' }),
    accessLog: log,
    sessions: codecSessions,
  });
});
afterAll(async () => {
  await codec?.close();
  await codecSessions?.close();
  await ui?.close();
  await h?.stop();
  erasures?.close();
  await log?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function eventually<T>(what: string, probe: () => T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A melding in Limburg; its reference and the action link of its first partner request. */
async function newCase(): Promise<{ reference: string; partnerLink: string }> {
  const intake = buildIntake();
  expect((await startMelding(h.client, h.taskQueue, intake, TEST_BLIND_INDEX_KEY)).status).toBe('started');
  const sent = await eventually('a partner request', () =>
    h.sent.find((s) => s.message.meldingRef === intake.reference),
  );
  return { reference: intake.reference, partnerLink: sent.actionUrl };
}

async function sessionOf(id: string, password: string): Promise<string> {
  const login = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    payload: { id, wachtwoord: password },
  });
  return `csg_sessie=${login.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
}

/** The command line in this process; it closes the log after each command, so it gets a view that stays open. */
async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    client: h.client,
    taskQueue: h.taskQueue,
    now: () => new Date(),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    staffRoles: staffDirectory({
      staffRoles: STAFF_ROLES,
      opsStaffIds: 'ops',
      regionIds: [...REGIONS.keys()],
    }),
    accessLog: () => ({ ...log, close: async () => undefined }),
  });
  return { code, out, err };
}

const reasonsOf = async (reference: string) =>
  (await log.ofCase(reference)).map((e) => `${e.reason} ${e.by}`);
const opsCookie = () => `${SESSION_COOKIE_NAME}=${opsSession}`;

let viewed: string;
let other: string;

test('every way to see a victim’s details writes an entry, naming who and why', async () => {
  ({ reference: viewed } = await newCase());
  const first = h.sent.find((s) => s.message.meldingRef === viewed)!;
  ({ reference: other } = await newCase());
  expect(await log.ofCase(viewed)).toEqual([]);

  const cm = await sessionOf('cm-017', 'casemanager-wachtwoord-1');
  expect((await h.app.inject({ url: `/meldingen/${viewed}`, headers: { cookie: cm } })).statusCode).toBe(200);
  expect(await reasonsOf(viewed)).toEqual(['casuspagina cm-017']);

  const api = await h.app.inject({
    url: `/api/meldingen/${viewed}`,
    headers: { authorization: AS_CASEMANAGER },
  });
  expect(api.statusCode).toBe(200);
  expect((await reasonsOf(viewed)).at(-1)).toBe('api cm-017');

  const partner = await h.app.inject({ url: pathOf(first.actionUrl) });
  expect(partner.statusCode).toBe(200);
  const partnerEntry = (await log.ofCase(viewed)).at(-1)!;
  expect(partnerEntry).toMatchObject({ reason: 'partnerlink', detail: first.message.requestId });
  expect(partnerEntry.by).toMatch(/^partnerlink:/);

  expect((await cli('status', viewed, '--door', 'cm-017')).code).toBe(0);
  expect((await reasonsOf(viewed)).at(-1)).toBe('cli cm-017');

  // The Temporal UI: its calls about the case count once, however many it makes.
  for (const call of ['', '/history', '/runs']) {
    const res = await codec.inject({
      url: `/api/v1/namespaces/default/workflows/${viewed}${call}`,
      headers: { cookie: opsCookie() },
    });
    expect(res.statusCode).toBe(200);
  }
  expect((await reasonsOf(viewed)).filter((r) => r === 'temporal_ui ops')).toHaveLength(1);

  // A decode from the UI's page of the case belongs to that case; one without a page names no case.
  const sealed = await new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS).encode([
    defaultPayloadConverter.toPayload({ proef: 1 }),
  ]);
  const decode = (referer?: string) =>
    codec.inject({
      method: 'POST',
      url: '/decode',
      headers: {
        cookie: opsCookie(),
        'content-type': 'application/json',
        ...(referer ? { referer } : {}),
      },
      payload: JSON.stringify(toJson(sealed)),
    });
  expect((await decode(`${CODEC}/namespaces/default/workflows/${other}/history`)).statusCode).toBe(200);
  expect(await reasonsOf(other)).toEqual(['temporal_ui ops']);
  expect((await decode()).statusCode).toBe(200);

  const priv = await sessionOf('priv-1', 'privacy-wachtwoord-1');
  const page = await h.app.inject({ url: `/meldingen/${viewed}`, headers: { cookie: priv } });
  const csrf = /name="_csrf"\s+value="([^"]+)"/.exec(page.body)![1]!;
  const exported = await h.app.inject({
    method: 'POST',
    url: `/meldingen/${viewed}/inzage`,
    headers: { cookie: priv, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, taal: 'nl', formaat: 'json' }).toString(),
  });
  expect(exported.statusCode).toBe(200);
  const doc = JSON.parse(exported.body) as {
    toegangslog: Array<{ reason: string; by: string }>;
    notIncluded: Array<{ code: string }>;
  };
  // The export holds the case's log up to and with itself, and no longer says it is left out.
  expect(doc.toegangslog.map((e) => `${e.reason} ${e.by}`)).toEqual(await reasonsOf(viewed));
  expect(doc.toegangslog.at(-1)).toMatchObject({ reason: 'inzage_export', by: 'priv-1' });
  expect(doc.notIncluded.map((n) => n.code)).not.toContain('toegangslog');

  expect(await reasonsOf(viewed)).toEqual([
    'casuspagina cm-017',
    'api cm-017',
    expect.stringMatching(/^partnerlink partnerlink:/),
    'cli cm-017',
    'temporal_ui ops',
    // The privacy officer's case page shows the case, not the victim's details: no entry of its own.
    'inzage_export priv-1',
  ]);
  expect(await reasonsOf(other)).toEqual(['temporal_ui ops']);
  expect(await log.verify()).toEqual({ ok: true, entries: 8 });
});

test('the privacy officer reads one case’s entries on the page and the command line, nothing of another', async () => {
  // helpline-017 reads only the other case: its name must not appear in the viewed case's log.
  const read = await h.app.inject({
    url: `/api/meldingen/${other}`,
    headers: { authorization: AS_HELPLINE },
  });
  expect(read.statusCode).toBe(200);
  const entries = await log.ofCase(viewed);

  const priv = await sessionOf('priv-1', 'privacy-wachtwoord-1');
  const casePage = await h.app.inject({ url: `/meldingen/${viewed}`, headers: { cookie: priv } });
  expect(casePage.body).toContain(`href="/meldingen/${viewed}/toegangslog"`);
  const page = await h.app.inject({ url: `/meldingen/${viewed}/toegangslog`, headers: { cookie: priv } });
  expect(page.statusCode).toBe(200);
  const rows = page.body.split('<tbody>')[1]!.split('</tbody>')[0]!.match(/<tr>/g) ?? [];
  expect(rows).toHaveLength(entries.length);
  expect(page.body).toContain('<th scope="col">Door</th>');
  expect(page.body).toContain('Casuspagina bekeken');
  expect(page.body).toContain('Partnerpagina geopend via de link');
  expect(page.body).not.toContain('helpline-017');

  const english = await h.app.inject({
    url: `/meldingen/${viewed}/toegangslog`,
    headers: { cookie: `${priv}; csg_taal=en` },
  });
  expect(english.body).toContain('<th scope="col">By</th>');
  expect(english.body).toContain('Case page viewed');

  const cm = await sessionOf('cm-017', 'casemanager-wachtwoord-1');
  expect(
    (await h.app.inject({ url: `/meldingen/${viewed}/toegangslog`, headers: { cookie: cm } })).statusCode,
  ).toBe(403);

  const shown = await cli('toegangslog', viewed, '--door', 'priv-1');
  expect(shown.code).toBe(0);
  expect(shown.out).toHaveLength(1 + (await log.ofCase(viewed)).length);
  expect(shown.out.join('\n')).toContain('Bekeken via de opdrachtregel');
  expect(shown.out.join('\n')).not.toContain('helpline-017');
  const otherShown = await cli('toegangslog', other, '--door', 'priv-1');
  expect(otherShown.out.join('\n')).toContain('helpline-017');
  expect(otherShown.out.join('\n')).not.toContain('cm-017');

  const refused = await cli('toegangslog', viewed, '--door', 'cm-017');
  expect(refused.code).toBe(1);
  expect(refused.err.join('\n')).toMatch(/privacyfunctionaris/);
  expect(await log.verify()).toMatchObject({ ok: true });
});
