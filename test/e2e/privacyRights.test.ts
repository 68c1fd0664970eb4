/**
 * The victim's rights on a real dev server with the real workflow: the privacy officer's access
 * export and the erasure of one case, by the case page and by the command line.
 *
 * A case with planted values runs beside a second case with values of its own; the delivery log
 * holds an entry for every message the worker sent for either. The export (document in Dutch and
 * English, and JSON) holds every planted value and nothing of the second case. Erasure is refused
 * without a request, to the officer who requested it, and to an officer of another region; a
 * second officer approves, and then the case is gone from Temporal (describe, history and
 * visibility answer nothing) and none of its values, nor its reference, is in any file under the
 * test's data folder (delivery log, privacy store, semester report store), while the second case
 * runs on intact, the anonymous semester record stays, and the receipt holds no value of the case.
 * The case file (its SQLite file in the same data folder) holds records of both cases, as the
 * activities will write them: the export shows the case's own, erasure removes them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { createFileDeliveryLog } from '../../activities/deliveryLog';
import { openCaseFile, type CaseFile } from '../../caseFile';
import { decide, startMelding } from '../../cases/meldingClient';
import { createCasePrivacy, openErasureStore, receiptHash, type ErasureStore } from '../../cases/privacy';
import { accessLogOfPrivacy } from '../../cases/privacy/accessLog';
import { createAccessLog, type AccessLog } from '../../accessLog';
import { openSqliteChain } from '../../accessLog/sqliteRows';
import { runCli } from '../../cli/main';
import { createLogger } from '../../config/logger';
import { staffDirectory } from '../../config/staffRoles';
import { semesterOf } from '../../domain/semesterReport';
import { REGIONS } from '../../regions';
import { openReportStore, type ReportStore } from '../../reporting/reportStore';
import { buildIntake } from '../../testkit/meldingFixtures';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { filesUnder, leaks, needlesOf } from '../../testkit/plantedData';
import { TEST_BLIND_INDEX_KEY, TEST_PAYLOAD_KEYS } from '../../testkit/temporal';
import { caseState, intakeForReopening } from '../../workflows/messages';
import { formSession } from '../../testkit/staffLogin';

jest.setTimeout(180_000);

const PLANTED = {
  name: 'Ottoline Vreeswijk-Ammerlaan',
  phone: '+31645678123',
  email: 'ottoline.vreeswijk@planted.example',
  dateOfBirth: '1979-11-23',
  notes: 'Bellen via zus; sleutel bij de Quirijnstraat',
  guardianName: 'Wilhelmina Oosterbeek-Praamsma',
  guardianPhone: '+31645670987',
};
const OTHER = {
  name: 'Bartholomeus Zijlstra',
  phone: '+31698761234',
  email: 'b.zijlstra@other.example',
  dateOfBirth: '1991-02-05',
  notes: 'Alleen mailen (Wolkenkrabberlaan)',
  guardianName: 'Evertjan Kloosterhuis',
  guardianPhone: '+31698760011',
};
const plantedValues = (p: typeof PLANTED) => [
  ...Object.values(p),
  p.name.split(' ')[0]!,
  p.name.split(' ')[1]!,
  p.phone.slice(3),
];

const STAFF_ROLES = `${TEST_CONFIG.STAFF_ROLES},priv-1=privacy@limburg,priv-2=privacy@limburg,priv-gzm=privacy@gelderland-zuid-midden`;
const PASSWORDS: Record<string, string> = {
  'priv-1': 'privacy-wachtwoord-1',
  'priv-2': 'privacy-wachtwoord-2',
  'priv-gzm': 'privacy-wachtwoord-3',
  'cm-017': 'casemanager-wachtwoord-1',
};

const dataDir = mkdtempSync(join(tmpdir(), 'csg-rights-data-'));
const exportDir = mkdtempSync(join(tmpdir(), 'csg-rights-export-'));
const deliveryDir = join(dataDir, 'deliveries');
let h: IntakeHarness;
let erasures: ErasureStore;
let reports: ReportStore;
let caseFile: CaseFile;
// The access log in the same data folder: the search for planted values reads its file too.
let accessLog: AccessLog;

beforeAll(async () => {
  accessLog = createAccessLog({
    rows: openSqliteChain(join(dataDir, 'access-log.db')),
    indexKey: TEST_BLIND_INDEX_KEY,
  });
  erasures = openErasureStore(join(dataDir, 'privacy.db'));
  reports = openReportStore(join(dataDir, 'report.db'));
  caseFile = openCaseFile({
    CASE_FILE_DB_PATH: join(dataDir, 'case-file.db'),
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY,
  });
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},${Object.entries(PASSWORDS)
        .filter(([id]) => id.startsWith('priv'))
        .map(([id, pw]) => `${id}:${pw}`)
        .join(',')}`,
      STAFF_ROLES,
    },
    reportStore: reports,
    // What went wrong, should a page answer 500 (never personal data: the service logs none).
    logger: createLogger({ level: 'error', name: 'privacy-rights-test' }),
    privacy: (client) => privacyOver(client),
  });
});
afterAll(async () => {
  await h?.stop();
  erasures?.close();
  reports?.close();
  await caseFile?.close();
  await accessLog?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(exportDir, { recursive: true, force: true });
});

function privacyOver(client: Client) {
  return createCasePrivacy({
    client,
    deliveryLogDir: deliveryDir,
    caseFile,
    erasures,
    receiptKey: TEST_BLIND_INDEX_KEY,
    accessLog: accessLogOfPrivacy(accessLog),
  });
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A melding in Maastricht (Limburg) with these contact details; its reference once the partners were asked. */
async function newCase(p: typeof PLANTED): Promise<string> {
  const intake = buildIntake({
    victimContact: { name: p.name, phone: p.phone, email: p.email, dateOfBirth: p.dateOfBirth },
    practicalNotes: p.notes,
    contactPreferences: { safeToEmail: true },
    // A minor's guardian is personal data like the victim's own: exported and erased with the case.
    victimAge: { kind: 'years', years: 16 },
    guardian: { relation: 'ouder', name: p.guardianName, phone: p.guardianPhone },
  });
  expect((await startMelding(h.client, h.taskQueue, intake, TEST_BLIND_INDEX_KEY)).status).toBe('started');
  await eventually('the first partner requests', async () =>
    h.sent.some((s) => s.message.meldingRef === intake.reference) ? true : undefined,
  );
  return intake.reference;
}

/** Case file records as the activities will write them at intake and at a correction. */
async function fileRecords(reference: string, p: typeof PLANTED): Promise<void> {
  const at = new Date().toISOString();
  await caseFile.append(reference, {
    key: 'intake',
    kind: 'intake',
    at,
    data: { victimContact: { name: p.name, phone: p.phone, email: p.email, dateOfBirth: p.dateOfBirth } },
  });
  await caseFile.append(reference, {
    key: 'correctie/u-1',
    kind: 'correctie',
    at,
    data: { practicalNotes: p.notes, reason: 'nieuwe_informatie' },
  });
}

/** What the worker's delivery log would hold for every message "sent" so far. */
async function logDeliveries(): Promise<void> {
  const log = createFileDeliveryLog({ directory: deliveryDir });
  for (const { message } of h.sent) {
    const key = {
      meldingRef: message.meldingRef,
      requestId: message.requestId,
      attempt: message.attempt,
      channel: 'email' as const,
    };
    if ((await log.claim(key)).status === 'claimed')
      await log.markSent(key, `<${message.requestId}@relay.example>`);
  }
}

const loginAs = (id: string, ref: string) => formSession(h.app, id, PASSWORDS[id]!, [`/meldingen/${ref}`]);

const post = (url: string, session: { cookie: string; csrf: string }, fields: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });

/** The command line in this process, over the harness's server and stores. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
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
    privacy: () => ({ service: privacyOver(h.client), close: () => undefined }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const gone = async (reference: string) => {
  try {
    await h.client.workflow.getHandle(reference).describe();
    return undefined;
  } catch (error) {
    return /not found/i.test(String(error)) ? true : undefined;
  }
};

test('export holds every planted value and nothing of another case; erasure needs a second officer and leaves nothing', async () => {
  const planted = await newCase(PLANTED);
  const other = await newCase(OTHER);
  const running = await newCase({
    ...OTHER,
    name: 'Derde Persoon',
    phone: '+31611122233',
    email: 'derde@third.example',
  });
  await logDeliveries();
  for (const [reference, values] of [
    [planted, PLANTED],
    [other, OTHER],
    [running, { ...OTHER, name: 'Derde Persoon' }],
  ] as const)
    await fileRecords(reference, values);

  // The victim withdraws: the case ends and its final anonymous semester record replaces the open
  // one it wrote at intake (the workflow completes only after that write). The two cases still
  // running count too, by their open records.
  await decide(h.client, planted, { type: 'intrekking', input: { by: 'helpline-017' } });
  const semester = semesterOf(new Date());
  await eventually('the withdrawn case closed', async () =>
    (await h.client.workflow.getHandle(planted).describe()).status.name === 'COMPLETED' ? true : undefined,
  );
  await eventually('the three cases counted', async () =>
    reports.records('limburg', semester).length === 3 ? true : undefined,
  );
  // The export on the case page: a document in Dutch and in English, and JSON.
  const officer = await loginAs('priv-1', planted);
  const casePage = await h.app.inject({
    method: 'GET',
    url: `/meldingen/${planted}`,
    headers: { cookie: officer.cookie },
  });
  expect(casePage.body).toContain('id="privacy"');
  const exports: Record<string, string> = {};
  for (const [taal, formaat] of [
    ['nl', 'html'],
    ['en', 'html'],
    ['nl', 'json'],
  ] as const) {
    const res = await post(`/meldingen/${planted}/inzage`, officer, { taal, formaat });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`inzage-${planted}`);
    exports[`${taal}.${formaat}`] = res.body;
  }
  expect(exports['nl.html']).toContain(`Inzage in melding ${planted}`);
  expect(exports['nl.html']).toContain('Niet opgenomen, en waarom');
  expect(exports['en.html']).toContain(`Access to melding ${planted}`);
  expect(exports['en.html']).toContain('Not included, and why');
  const json = JSON.parse(exports['nl.json']!) as {
    held: {
      temporal: { verzoeken: unknown[] };
      bezorglog: { verzendingen: Array<{ requestId: string }> };
      dossier: { stukken: Array<{ kind: string; data: Record<string, unknown> }> };
    };
    notIncluded: Array<{ code: string }>;
    toegangslog: Array<{ reason: string }>;
  };
  const sentForPlanted = h.sent.filter((s) => s.message.meldingRef === planted);
  expect(json.held.bezorglog.verzendingen.map((v) => v.requestId).sort()).toEqual(
    sentForPlanted.map((s) => s.message.requestId).sort(),
  );
  expect(json.held.temporal.verzoeken.length).toBeGreaterThan(0);
  expect(json.held.dossier.stukken.map((r) => r.kind)).toEqual(['intake', 'correctie']);
  expect(json.held.dossier.stukken[1]!.data).toMatchObject({ practicalNotes: PLANTED.notes });
  // The case file and the access log are in the export, so no longer among what is not included.
  expect(json.notIncluded.map((n) => n.code)).toEqual(['berichtinhoud', 'semesterrecord', 'logboeken']);
  expect(json.toegangslog.map((e) => e.reason)).toContain('inzage_export');
  expect(exports['nl.html']).toContain('Toegangslog');
  expect(exports['nl.html']).toContain('Casusdossier');
  expect(exports['en.html']).toContain('Case file');
  for (const [what, body] of Object.entries(exports)) {
    for (const value of Object.values(PLANTED)) expect(`${what}: ${body}`).toContain(value);
    expect(leaks(needlesOf([...plantedValues(OTHER), other, running]), [[what, body]])).toEqual([]);
  }
  // The command line writes the same export as two files.
  const cliExport = await cli('export', planted, '--taal', 'en', '--uit', exportDir, '--door', 'priv-2');
  expect(cliExport).toMatchObject({ code: 0 });
  const cliHtml = readFileSync(join(exportDir, `inzage-${planted}.html`), 'utf8');
  for (const value of Object.values(PLANTED)) expect(cliHtml).toContain(value);
  expect(cliHtml).toContain(`Access to melding ${planted}`);

  // Refusals: nothing requested yet, another role, another region, the requester approving.
  expect(await cli('wissen-goedkeuren', planted, '--door', 'priv-2')).toMatchObject({ code: 1 });
  expect((await cli('wissen', planted, '--door', 'cm-017')).err).toContain('mag dit niet');
  expect((await cli('wissen', planted, '--door', 'priv-gzm')).err).toContain(`Geen melding ${planted}`);
  expect(await cli('wissen', planted, '--door', 'priv-1')).toMatchObject({ code: 0 });
  const self = await cli('wissen-goedkeuren', planted, '--door', 'priv-1');
  expect(self.code).toBe(1);
  expect(self.err).toContain('een andere privacyfunctionaris moet goedkeuren');
  expect(await cli('wissen-goedkeuren', planted, '--door', 'priv-gzm')).toMatchObject({ code: 1 });
  expect(await h.client.workflow.getHandle(planted).query(caseState)).toMatchObject({ reference: planted });

  // The second officer approves: erased.
  const approved = await cli('wissen-goedkeuren', planted, '--door', 'priv-2');
  expect(approved.err).toBe('');
  expect(approved.code).toBe(0);
  expect(approved.out).toContain('bezorglog: verzendingen');
  expect(await caseFile.records(planted)).toEqual([]);

  // The running case, by the page: requested, refused to the same officer, approved by the other.
  const first = await loginAs('priv-1', running);
  expect((await post(`/meldingen/${running}/wissen`, first)).statusCode).toBe(200);
  expect((await post(`/meldingen/${running}/wissen/goedkeuren`, first)).statusCode).toBe(409);
  const second = await loginAs('priv-2', running);
  const erasedPage = await post(`/meldingen/${running}/wissen/goedkeuren`, second);
  expect(erasedPage.statusCode).toBe(200);
  expect(erasedPage.body).toContain('Melding gewist');

  // Gone from Temporal: describe, history and visibility.
  for (const reference of [planted, running]) {
    await eventually(`${reference} deleted`, () => gone(reference), 60_000);
    await expect(h.client.workflow.getHandle(reference).fetchHistory()).rejects.toThrow(/not found/i);
    await eventually(`${reference} out of visibility`, async () => {
      const ids: string[] = [];
      for await (const w of h.client.workflow.list({ query: `WorkflowId = '${reference}'` }))
        ids.push(w.workflowId);
      return ids.length === 0 ? true : undefined;
    });
  }
  // Nothing of the erased case in any file of the data folder, nor in what visibility still lists.
  const listed: unknown[] = [];
  for await (const w of h.client.workflow.list())
    listed.push({ id: w.workflowId, sa: w.searchAttributes, memo: w.memo });
  const found = leaks(needlesOf([...plantedValues(PLANTED), planted, running]), [
    ...filesUnder(dataDir).map((f): [string, Buffer] => [f.slice(dataDir.length + 1), readFileSync(f)]),
    ['the visibility list', JSON.stringify(listed)],
  ]);
  expect(found).toEqual([]);

  // The other case runs on intact, its delivery log entries with it.
  expect(await h.client.workflow.getHandle(other).query(caseState)).toMatchObject({ reference: other });
  expect((await h.client.workflow.getHandle(other).query(intakeForReopening)).victimContact?.name).toBe(
    OTHER.name,
  );
  const otherExport = await cli('export', other, '--uit', exportDir, '--door', 'priv-1');
  expect(otherExport.code).toBe(0);
  const otherJson = readFileSync(join(exportDir, `inzage-${other}.json`), 'utf8');
  expect(otherJson).toContain(OTHER.phone);
  expect(otherJson).toContain('verzendingen');
  expect((await caseFile.records(other)).map((r) => r.kind)).toEqual(['intake', 'correctie']);

  // The anonymous semester records stay; the receipt exists and holds nothing of the case.
  expect(reports.records('limburg', semester)).toHaveLength(3);
  const receipt = erasures.receipt(receiptHash(TEST_BLIND_INDEX_KEY, planted));
  expect(receipt).toMatchObject({ requestedBy: 'priv-1', approvedBy: 'priv-2' });
  expect(receipt?.removed.temporal).toMatchObject({ workflow: 1, lopendBeeindigd: 0 });
  expect(receipt?.removed.dossier).toEqual({ stukken: 2 });
  expect(erasures.receipt(receiptHash(TEST_BLIND_INDEX_KEY, running))?.removed.temporal).toMatchObject({
    workflow: 1,
    lopendBeeindigd: 1,
  });
  expect(
    leaks(needlesOf([...plantedValues(PLANTED), planted]), [['the receipt', JSON.stringify(receipt)]]),
  ).toEqual([]);
  // Every export and erasure is in the access log, which still finds them by the reference after
  // the erasure while its file holds only a keyed hash of it (searched above with the others).
  expect((await accessLog.ofCase(planted)).map((e) => e.reason)).toEqual(
    expect.arrayContaining(['inzage_export', 'wisverzoek', 'wissen']),
  );
  expect((await accessLog.verify()).ok).toBe(true);
});
