/**
 * Ops reads a case decoded in the real Temporal Web UI: the dev server is started as `npm start`
 * starts it (with the UI codec endpoint), a melding is registered encrypted, and Chromium logs in
 * on the codec server and opens the case in the UI. Before the login the UI can show only
 * ciphertext; after it, the victim's name is readable. A screenshot of the page is written to
 * .data/screenshots/ for whoever reviews the run.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../testkit/browser';
import { buildCodecServer } from '../../codec/server';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { freePort, startScript, waitForPort } from '../../testkit/processes';
import { TEST_DATA_CONVERTER, TEST_PAYLOAD_KEYS } from '../../testkit/temporal';
import { projectRoot } from '../../testkit/tools';

const NAME = 'Zichtbaar Alleenvoorops';
const OPS = { id: 'ops-dag', password: 'ops-dag-wachtwoord-12' };

const dir = mkdtempSync(join(tmpdir(), 'csg-codec-ui-'));
let server: ReturnType<typeof startScript> | undefined;
let codecServer: FastifyInstance | undefined;
let connection: Connection | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await connection?.close();
  await codecServer?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('an ops person logged in on the codec server reads the case decoded in the Temporal UI', async () => {
  const [temporalPort, uiPort, codecPort] = [await freePort(), await freePort(), await freePort()];
  const ui = `http://localhost:${uiPort}`;
  const codecUrl = `http://localhost:${codecPort}`;
  codecServer = await buildCodecServer({
    codec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
    config: {
      CODEC_PUBLIC_URL: codecUrl,
      CODEC_UI_ORIGINS: [ui],
      CODEC_OPS_ACCOUNTS: `${OPS.id}:${OPS.password}`,
      CODEC_SESSION_SECRET: 'codec-ui-test-session-secret-0123456789',
    },
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

  connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
  const client = new Client({ connection, dataConverter: TEST_DATA_CONVERTER });
  const intake = buildIntake({
    victimContact: { name: NAME, phone: '+31612345678' },
  });
  expect((await startMelding(client, 'codec-ui', intake)).status).toBe('started');
  const casePage = `${ui}/namespaces/default/workflows/${intake.reference}`;

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 1600 }, locale: 'nl-NL' });
  // The dev server's UI has no "include credentials" flag, so ops ticks it in the UI's own codec
  // server dialog (override the endpoint, include cross-origin credentials), stored in the
  // browser. A production UI server sets it in its configuration instead (see docs/privacy.md).
  await page.goto(ui);
  await page.evaluate(
    `localStorage.setItem("overrideRemoteCodecConfiguration", "true");
     localStorage.setItem("endpoint", ${JSON.stringify(JSON.stringify(codecUrl))});
     localStorage.setItem("includeCredentials", "true")`,
  );

  // Not logged in: the codec server refuses, the UI can show no name.
  await page.goto(casePage);
  await page.getByText('meldingWorkflow').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(2_000);
  expect(await page.content()).not.toContain(NAME);

  await page.goto(`${codecUrl}/inloggen`);
  await page.getByLabel('Ops-code').fill(OPS.id);
  await page.getByLabel('Wachtwoord').fill(OPS.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: 'Ingelogd' }).waitFor();

  await page.goto(casePage);
  await page.getByText(NAME).first().waitFor({ timeout: 30_000 });
  const shots = join(projectRoot, '.data', 'screenshots');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'codec-ui-decoded.png'), fullPage: true });
});
