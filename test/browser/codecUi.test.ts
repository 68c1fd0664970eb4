/**
 * Ops reads a case decoded in the real Temporal Web UI at the first try: the dev server is started
 * as `npm start` starts it (the UI's codec endpoint is the codec server), a worker runs the case,
 * and the codec server serves the UI behind the ops login. A logged-out visit lands on our login
 * (never on the UI's "could not connect" banner), a helpline account is refused, and after one
 * ops login the case page shows the victim's name and the memo decoded, without touching any
 * setting of the UI. A screenshot is written to .data/screenshots/ for whoever reviews the run.
 */
import { acceptReplayedCodes, testAccounts, testCode } from '../../testkit/staffAccounts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, waitForFocus } from '../../testkit/browser';
import { buildCodecServer } from '../../codec/server';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { decide, startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { freePort, startScript, waitForPort } from '../../testkit/processes';
import { TEST_DATA_CONVERTER, TEST_PAYLOAD_KEYS } from '../../testkit/temporal';
import { projectRoot } from '../../testkit/tools';
import { workflowBundle } from '../../testkit/workflowBundle';
import { PartnerDouble } from '../workflow/harness';

jest.setTimeout(180_000);

const NAME = 'Zichtbaar Alleenvoorops';
const OPS = { id: 'ops-dag', password: 'ops-dag-wachtwoord-12' };
const HELPLINE = { id: 'helpline-dag', password: 'helpline-dag-wachtwoord-1' };
const TASK_QUEUE = 'codec-ui';
/** "binary/encrypted" as the UI shows an undecoded payload's metadata (base64). */
const CIPHERTEXT_MARK = Buffer.from('binary/encrypted').toString('base64');

const dir = mkdtempSync(join(tmpdir(), 'csg-codec-ui-'));
let server: ReturnType<typeof startScript> | undefined;
let codecServer: FastifyInstance | undefined;
let connection: Connection | undefined;
let workerConnection: NativeConnection | undefined;
let worker: Worker | undefined;
let running: Promise<void> | undefined;
let browser: Browser | undefined;
let codecUrl = '';
let casePage = '';
/** A withdrawn case: its memo holds an outcome (uitkomst). */
let withdrawnPage = '';

beforeAll(async () => {
  const [temporalPort, uiPort, codecPort] = [await freePort(), await freePort(), await freePort()];
  codecUrl = `http://localhost:${codecPort}`;
  codecServer = await buildCodecServer({
    codec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
    config: {
      CODEC_PUBLIC_URL: codecUrl,
      CODEC_TEMPORAL_UI_URL: `http://127.0.0.1:${uiPort}`,
    },
    accounts: await testAccounts({
      STAFF_ACCOUNTS: `${OPS.id}:${OPS.password},${HELPLINE.id}:${HELPLINE.password}`,
      OPS_STAFF_IDS: OPS.id,
    }),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'warn', name: 'codec' }),
  });
  await codecServer.listen({ host: '127.0.0.1', port: codecPort });
  server = startScript('scripts/temporal-dev-server.sh', [
    join(dir, 'temporal.db'),
    String(temporalPort),
    String(uiPort),
    codecUrl,
  ]);
  await waitForPort(temporalPort, 60_000);
  await waitForPort(uiPort, 60_000);

  workerConnection = await NativeConnection.connect({ address: `127.0.0.1:${temporalPort}` });
  worker = await Worker.create({
    connection: workerConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    dataConverter: TEST_DATA_CONVERTER,
    activities: new PartnerDouble(),
  });
  running = worker.run();

  connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  const client = new Client({ connection, dataConverter: TEST_DATA_CONVERTER });
  const intake = buildIntake({ victimContact: { name: NAME, phone: '+31612345678' } });
  expect((await startMelding(client, TASK_QUEUE, intake)).status).toBe('started');
  // The memo is the workflow's first upsert: wait until the worker has written it.
  const handle = client.workflow.getHandle(intake.reference);
  for (let i = 0; i < 100 && !(await handle.describe()).memo?.fase; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  casePage = `${codecUrl}/namespaces/default/workflows/${intake.reference}`;

  const withdrawn = buildIntake({ victimContact: { name: 'Ingetrokken Zaak', phone: '+31612345679' } });
  expect((await startMelding(client, TASK_QUEUE, withdrawn)).status).toBe('started');
  await decide(client, withdrawn.reference, { type: 'intrekking', input: { by: 'cm-1' } });
  const withdrawnHandle = client.workflow.getHandle(withdrawn.reference);
  for (let i = 0; i < 150 && !(await withdrawnHandle.describe()).memo?.uitkomst; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect((await withdrawnHandle.describe()).memo?.uitkomst).toBe('ingetrokken');
  withdrawnPage = `${codecUrl}/namespaces/default/workflows/${withdrawn.reference}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  worker?.shutdown();
  await running;
  await workerConnection?.close();
  await connection?.close();
  await codecServer?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function logIn(page: Page, account: { id: string; password: string }): Promise<void> {
  await page.getByLabel('Ops-code').fill(account.id);
  await page.getByLabel('Wachtwoord').fill(account.password);
  await page.getByLabel('Inlogcode').fill(testCode(account.id));
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('a logged-out visit to the Web UI lands on our login, not on the UI', async () => {
  const page = await browser!.newPage({ locale: 'nl-NL' });
  await page.goto(casePage);
  expect(new URL(page.url()).pathname).toBe('/inloggen');
  await waitForFocus(page, 'id');
  await page.getByRole('heading', { name: 'Inloggen: gegevens leesbaar in de Temporal UI' }).waitFor();
  expect(await page.content()).not.toContain('Codec Server');
  await page.close();
});

test('a helpline account is refused, and still cannot open the Web UI', async () => {
  const page = await browser!.newPage({ locale: 'nl-NL' });
  await page.goto(casePage);
  await waitForFocus(page, 'id');
  await logIn(page, HELPLINE);
  await page.getByRole('heading', { name: 'Geen toegang' }).waitFor();
  await page.goto(casePage);
  expect(new URL(page.url()).pathname).toBe('/inloggen');
  await page.close();
});

test('after one ops login the case reads decoded in the Web UI, memo included, with no setting touched', async () => {
  const page = await browser!.newPage({ viewport: { width: 1400, height: 1600 }, locale: 'nl-NL' });
  await page.goto(casePage);
  await waitForFocus(page, 'id');
  await logIn(page, OPS);
  // Straight back to the case page the person asked for, and the input is readable.
  await page.getByText(NAME).first().waitFor({ timeout: 60_000 });
  expect(page.url()).toContain(casePage);

  await page.getByText('Memo', { exact: true }).first().click();
  // The UI shows the memo as stored first and replaces it once the codec has answered.
  const shown = await memoShown(page, '"regio": "limburg"');
  expect(shown).toMatch(/"fase": "\w+"/);
  expect(shown).toContain('"regio": "limburg"');
  expect(shown).not.toContain(CIPHERTEXT_MARK);
  expect(shown).not.toContain('encryption-key-id');
  // The UI's own codec settings were never opened: nothing stored in the browser.
  expect(await page.evaluate('localStorage.getItem("includeCredentials")')).toBeNull();

  const shots = join(projectRoot, '.data', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'codec-ui-decoded.png'), fullPage: true });

  // Same session, another case: the memo's outcome decoded too.
  await page.goto(withdrawnPage);
  await page.getByText('Memo', { exact: true }).first().click();
  const ended = await memoShown(page, '"uitkomst": "ingetrokken"');
  expect(ended).toContain('"uitkomst": "ingetrokken"');
  expect(ended).not.toContain(CIPHERTEXT_MARK);
  await page.close();
});

/** The page's text once the memo shows `expected` (or after 30 s, for the assertion to tell). */
async function memoShown(page: Page, expected: string): Promise<string> {
  let shown = '';
  for (let i = 0; i < 60 && !shown.includes(expected); i++) {
    await page.waitForTimeout(500);
    shown = await page.locator('body').innerText();
  }
  return shown;
}
