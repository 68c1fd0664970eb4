/**
 * The privacy officer's access log page in Chromium: reached by the case page's link,
 * in Dutch and English, at phone and desktop size, it passes axe-core's WCAG 2.1 A and AA rules,
 * its table has a caption and column headers, and it lists the case's entries only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createAccessLog, type AccessLog } from '../../accessLog';
import { openSqliteChain } from '../../accessLog/sqliteRows';
import { startMelding } from '../../cases/meldingClient';
import {
  createCasePrivacy,
  openErasureStore,
  accessLogOfPrivacy,
  type ErasureStore,
} from '../../cases/privacy';
import { accessibilityProblems, launchChromium, logInByKeyboard, waitForFocus } from '../../testkit/browser';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';
import { buildIntake } from '../../testkit/meldingFixtures';
import { freePort } from '../../testkit/processes';
import { TEST_BLIND_INDEX_KEY } from '../../testkit/temporal';
import { SIZES, type Size } from '../../testkit/tourStack';

jest.setTimeout(180_000);

const dataDir = mkdtempSync(join(tmpdir(), 'csg-access-log-page-'));
let log: AccessLog;
let erasures: ErasureStore;
let h: IntakeHarness;
let browser: Browser;
let base: string;
const viewed = buildIntake();
const other = buildIntake();

beforeAll(async () => {
  log = createAccessLog({
    rows: openSqliteChain(join(dataDir, 'access-log.db')),
    indexKey: TEST_BLIND_INDEX_KEY,
  });
  erasures = openErasureStore(join(dataDir, 'privacy.db'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h = await startIntakeHarness({
    publicBaseUrl: base,
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},priv-1:privacy-wachtwoord-1`,
      STAFF_ROLES: `${TEST_CONFIG.STAFF_ROLES},priv-1=privacy@limburg`,
    },
    privacy: (client) =>
      createCasePrivacy({
        client,
        deliveryLogDir: join(dataDir, 'deliveries'),
        erasures,
        receiptKey: TEST_BLIND_INDEX_KEY,
        accessLog: accessLogOfPrivacy(log),
      }),
    accessLog: log,
  });
  await h.app.listen({ host: '127.0.0.1', port });
  for (const intake of [viewed, other]) {
    expect((await startMelding(h.client, h.taskQueue, intake, TEST_BLIND_INDEX_KEY)).status).toBe('started');
  }
  await log.record({
    at: '2026-07-01T20:15:00.000Z',
    by: 'cm-017',
    reference: viewed.reference,
    reason: 'casuspagina',
  });
  await log.record({
    at: '2026-07-01T20:20:00.000Z',
    by: 'partnerlink:politie',
    reference: viewed.reference,
    reason: 'partnerlink',
    detail: 'politie-1',
  });
  await log.record({
    at: '2026-07-01T20:25:00.000Z',
    by: 'helpline-018',
    reference: other.reference,
    reason: 'api',
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
  erasures?.close();
  await log?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const variants = (['nl', 'en'] as const).flatMap((lang) =>
  (Object.keys(SIZES) as Size[]).map((size) => ({ lang, size })),
);

test.each(variants)('$lang at $size size: the access log page passes WCAG 2.1 A and AA', async (v) => {
  const context = await browser.newContext({
    viewport: SIZES[v.size],
    locale: v.lang === 'nl' ? 'nl-NL' : 'en-GB',
  });
  const page = await context.newPage();
  try {
    const casePage = `${base}/meldingen/${viewed.reference}`;
    await logInByKeyboard(page, casePage, 'priv-1', 'privacy-wachtwoord-1');
    await Promise.all([page.waitForURL(`${casePage}/toegangslog`), page.click('#toegangslog-link')]);
    await waitForFocus(page, 'titel');
    expect(await page.getAttribute('html', 'lang')).toBe(v.lang);
    expect(await accessibilityProblems(page, `toegangslog (${v.lang}, ${v.size})`)).toEqual([]);
    await expect(page.locator('#toegangslog caption').count()).resolves.toBe(1);
    await expect(page.locator('#toegangslog thead th[scope="col"]').count()).resolves.toBe(4);
    await expect(page.locator('#toegangslog tbody tr').count()).resolves.toBe(2);
    const text = await page.locator('#toegangslog').innerText();
    expect(text).toContain(
      v.lang === 'nl' ? 'Partnerpagina geopend via de link' : 'Partner page opened through its link',
    );
    expect(text).not.toContain('helpline-018');
  } finally {
    await context.close();
  }
});
