/**
 * The case page of a case Temporal no longer holds, on a real dev server: its records are in the
 * case file (SQLite in a temporary folder) and the workflow is gone, either because it never ran
 * there (records appended through the repository, as the workflow writes them) or because it was
 * deleted as the namespace retention deletes it. The page shows the case as it last stood, the
 * victim's details as the intake and the corrections left them, the file's timeline and a notice
 * that it is archived, in Dutch and English, and no forms; a decision posted anyway records
 * nothing. Another region's staff get 404, as for a live case; the region's privacy officer can
 * still export it (the case file's records in the export).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCaseFile, type CaseFile } from '../../caseFile';
import { decide, startMelding } from '../../cases/meldingClient';
import { createCasePrivacy, openErasureStore, type ErasureStore } from '../../cases/privacy';
import { archivedCaseRecords } from '../../testkit/caseFileRecords';
import { injectLogin } from '../../testkit/staffLogin';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { buildIntake } from '../../testkit/meldingFixtures';
import { TEST_BLIND_INDEX_KEY, TEST_PAYLOAD_KEYS } from '../../testkit/temporal';
import { caseState } from '../../workflows/messages';

jest.setTimeout(120_000);

const PASSWORDS: Record<string, string> = {
  'cm-017': 'casemanager-wachtwoord-1',
  'cm-gzm': 'casemanager-wachtwoord-gzm',
  'priv-lim': 'privacy-wachtwoord-lim',
};
const STAFF_ROLES = `${TEST_CONFIG.STAFF_ROLES},cm-gzm=casemanager@gelderland-zuid-midden,priv-lim=privacy@limburg`;

const PLANTED = {
  name: 'Geertruida van Oosterzee-Brink',
  phone: '+31655512345',
  correctedPhone: '+31655598765',
  email: 'g.oosterzee@planted.example',
  notes: 'Alleen bellen tussen 9 en 11',
};

const dataDir = mkdtempSync(join(tmpdir(), 'csg-archived-'));
let h: IntakeHarness;
let caseFile: CaseFile;
let erasures: ErasureStore;

beforeAll(async () => {
  mkdirSync(join(dataDir, 'deliveries'));
  caseFile = openCaseFile({
    CASE_FILE_DB_PATH: join(dataDir, 'case-file.db'),
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY,
  });
  erasures = openErasureStore(join(dataDir, 'privacy.db'));
  h = await startIntakeHarness({
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},cm-gzm:${PASSWORDS['cm-gzm']},priv-lim:${PASSWORDS['priv-lim']}`,
      STAFF_ROLES,
    },
    caseFile,
    privacy: (client) =>
      createCasePrivacy({
        client,
        deliveryLogDir: join(dataDir, 'deliveries'),
        caseFile,
        erasures,
        receiptKey: TEST_BLIND_INDEX_KEY,
        accessLog: { record: () => undefined },
      }),
  });
});
afterAll(async () => {
  await h?.stop();
  await caseFile?.close();
  erasures?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(id: string): Promise<string> {
  const res = await injectLogin(h.app, {
    method: 'POST',
    url: '/inloggen',
    payload: { id, wachtwoord: PASSWORDS[id]! },
  });
  return `csg_sessie=${res.cookies.find((c) => c.name === 'csg_sessie')!.value}`;
}

const get = (url: string, cookie: string, lang = 'nl') =>
  h.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
const post = (url: string, cookie: string, fields: Record<string, string>) =>
  h.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl' },
    payload: new URLSearchParams(fields).toString(),
  });
const csrfOf = (body: string) => /name="_csrf"\s+value="([^"]+)"/.exec(body)?.[1];

function plantedIntake() {
  return buildIntake({
    victimContact: { name: PLANTED.name, phone: PLANTED.phone, email: PLANTED.email },
    practicalNotes: PLANTED.notes,
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

test('a case only in the case file: the page shows it as it last stood, read-only, with the notice', async () => {
  const intake = plantedIntake();
  for (const record of archivedCaseRecords(intake, { correctedPhone: PLANTED.correctedPhone })) {
    expect(await caseFile.append(intake.reference, record)).toBe('appended');
  }
  const cm = await login('cm-017');
  const page = await get(`/meldingen/${intake.reference}`, cm);
  expect(page.statusCode).toBe(200);
  const body = page.body;
  // The notice, with the time of the last record (14:00 UTC is 15:00 in Dutch winter time).
  expect(body).toContain('id="gearchiveerd"');
  expect(body).toContain('Deze melding is afgesloten en gearchiveerd');
  expect(body).toContain('02-03-2026, 15:00');
  // The state as it last stood.
  expect(body).toMatch(/id="fase">\s*afgesloten/);
  expect(body).toContain('Deze melding is afgesloten: afgerond.');
  expect(body).toMatch(/id="casemanager">\s*cm-017/);
  // The victim's details: the intake's, the phone as the correction left it.
  for (const value of [PLANTED.name, PLANTED.correctedPhone, PLANTED.email, PLANTED.notes]) {
    expect(body).toContain(value);
  }
  expect(body).not.toContain(PLANTED.phone);
  // The file's timeline.
  expect(body).toContain('Tijdlijn uit het dossier');
  expect(body).toContain('Gegevens gecorrigeerd: telefoon; reden: Gewijzigd sinds de intake');
  expect(body).toContain('Contact met het slachtoffer: Gaat goed');
  expect(body).toContain('Melding afgesloten: afgerond');
  // No forms: nothing to decide, correct or record.
  expect(body).not.toContain('/besluiten/');
  // (The staff bar's logout is the only form that posts.)
  expect([...body.matchAll(/<form[^>]*method="post"[^>]*action="([^"]+)"/g)].map((m) => m[1])).toEqual([
    '/uitloggen',
  ]);

  const en = await get(`/meldingen/${intake.reference}`, cm, 'en-GB');
  expect(en.statusCode).toBe(200);
  expect(en.body).toContain('This melding is closed and archived');
  expect(en.body).toContain('Timeline from the case file');

  // A decision posted anyway (a form kept open from before) records nothing.
  const csrf = csrfOf(body)!;
  const before = (await caseFile.records(intake.reference)).length;
  const forged = await post(`/meldingen/${intake.reference}/besluiten/casusoverleg`, cm, {
    _csrf: csrf,
    flagged: 'true',
    note: 'bespreken',
  });
  expect(forged.statusCode).toBe(409);
  expect(forged.body).toContain('Deze melding is afgesloten en gearchiveerd');
  expect((await caseFile.records(intake.reference)).length).toBe(before);

  // Another region's casemanager: 404, as for a live case of another region.
  const elsewhere = await get(`/meldingen/${intake.reference}`, await login('cm-gzm'));
  expect(elsewhere.statusCode).toBe(404);
  expect(elsewhere.body).not.toContain(PLANTED.name);
});

test('a real case runs, is deleted from Temporal, and the page and the privacy officer’s export read what the worker filed', async () => {
  const intake = plantedIntake();
  expect((await startMelding(h.client, h.taskQueue, intake, TEST_BLIND_INDEX_KEY)).status).toBe('started');
  const handle = h.client.workflow.getHandle(intake.reference);
  await eventually('the first partner request', async () => {
    const state = await handle.query(caseState);
    return state.requests.length > 0 ? state : undefined;
  });
  // Withdrawn by the victim: the case ends, and the worker files each milestone on the way.
  await decide(h.client, intake.reference, { type: 'intrekking', input: { by: 'cm-017' } });
  await handle.result();
  const kinds = (await caseFile.records(intake.reference)).map((r) => r.kind);
  expect(kinds).toEqual(
    expect.arrayContaining(['intake', 'triage', 'partnerverzoek', 'besluit', 'afsluiting']),
  );
  // The namespace retention's deletion, done now.
  await h.client.workflowService.deleteWorkflowExecution({
    namespace: h.client.options.namespace,
    workflowExecution: { workflowId: intake.reference },
  });
  await eventually('the deletion', async () =>
    (await handle.describe().then(
      () => false,
      () => true,
    ))
      ? true
      : undefined,
  );

  const cm = await login('cm-017');
  const page = await get(`/meldingen/${intake.reference}`, cm);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Deze melding is afgesloten en gearchiveerd');
  expect(page.body).toContain('Melding geregistreerd');
  expect(page.body).toContain(PLANTED.name);
  expect(page.body).toContain(PLANTED.phone);
  expect((await get(`/meldingen/${intake.reference}`, await login('cm-gzm'))).statusCode).toBe(404);

  // The region's privacy officer: the case page with the privacy section, no victim details on it.
  const officer = await login('priv-lim');
  const officerPage = await get(`/meldingen/${intake.reference}`, officer);
  expect(officerPage.statusCode).toBe(200);
  expect(officerPage.body).toContain('gearchiveerd');
  expect(officerPage.body).not.toContain(PLANTED.name);
  const exported = await post(`/meldingen/${intake.reference}/inzage`, officer, {
    _csrf: csrfOf(officerPage.body)!,
    taal: 'nl',
    formaat: 'json',
  });
  expect(exported.statusCode).toBe(200);
  const document = JSON.parse(exported.body) as {
    held: { temporal?: unknown; dossier: { stukken: Array<{ kind: string }> } };
  };
  expect(document.held.temporal).toBeUndefined();
  expect(document.held.dossier.stukken.map((s) => s.kind)).toEqual(
    expect.arrayContaining(['intake', 'afsluiting']),
  );
  expect(exported.body).toContain(PLANTED.name);
});
