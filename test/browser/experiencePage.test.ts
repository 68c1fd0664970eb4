/**
 * The victim's questions about the help received, on a 320 px phone in Dutch and English: the page
 * fits the screen, passes axe-core's WCAG 2.1 A and AA rules with the form empty, after a wrong
 * post (its error summary focused) and on the thanks page, and the language switch keeps the page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { createExperienceLinks } from '../../cases/experienceLinks';
import { createLogger } from '../../config/logger';
import { LANGUAGES } from '../../i18n';
import { openExperienceStore, type ExperienceStore } from '../../reporting/experienceStore';
import { accessibilityProblems, launchChromium, waitForFocus } from '../../testkit/browser';
import { TEST_CONFIG } from '../../testkit/intakeHarness';
import { freePort } from '../../testkit/processes';
import { testAccounts } from '../../testkit/staffAccounts';
import { buildServer } from '../../web/server';

jest.setTimeout(120_000);

let browser: Browser;
let app: FastifyInstance;
let store: ExperienceStore;
let base: string;

beforeAll(async () => {
  store = openExperienceStore(join(mkdtempSync(join(tmpdir(), 'csg-ervaring-browser-')), 'ervaring.db'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: { ...TEST_CONFIG, PUBLIC_BASE_URL: base },
    logger: createLogger({ level: 'silent' }),
    meldingen: {} as never,
    accounts: await testAccounts(TEST_CONFIG),
    experience: store,
  });
  await app.listen({ host: '127.0.0.1', port });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  store?.close();
});

const links = () => createExperienceLinks({ baseUrl: base, secret: TEST_CONFIG.LINK_SECRET });
let n = 0;

async function fitsThePhone(page: Page): Promise<void> {
  const { scrollWidth, paneWidth } = await page.evaluate<{ scrollWidth: number; paneWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, paneWidth: window.innerWidth })',
  );
  expect({ scrollWidth }).toEqual({ scrollWidth: paneWidth });
}

test.each(LANGUAGES)(
  '%s: the questions on a 320 px phone, accessible empty, wrong and answered',
  async (lang) => {
    n += 1;
    const url = links().inviteUrl({
      meldingRef: `CSG-LIM-2026-99000${n}`,
      regionId: 'limburg',
      semester: '2026-H2',
      language: lang,
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    });
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    try {
      await page.goto(url);
      await waitForFocus(page, 'vragen-titel');
      await expect(page.getAttribute('html', 'lang')).resolves.toBe(lang);
      await fitsThePhone(page);
      expect(await accessibilityProblems(page, `${lang} 320 leeg`)).toEqual([]);

      // Sent with only the first answer: the summary names the other two questions.
      await page.check('#heard-4');
      await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
      await waitForFocus(page, 'samenvatting');
      await expect(page.locator('#samenvatting li').count()).resolves.toBe(2);
      await expect(page.isChecked('#heard-4')).resolves.toBe(true);
      await fitsThePhone(page);
      expect(await accessibilityProblems(page, `${lang} 320 fout`)).toEqual([]);

      await page.check('#quick-3');
      await page.check('#recommend-weet_niet');
      await page.check('#help-casemanager');
      await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
      await expect(page.locator('h1').textContent()).resolves.toContain(
        lang === 'nl' ? 'Dank u wel' : 'Thank you',
      );
      expect(await accessibilityProblems(page, `${lang} 320 bedankt`)).toEqual([]);
    } finally {
      await context.close();
    }
  },
);

test('the language switch keeps the questions, in the other language, without a cookie', async () => {
  const url = links().inviteUrl({
    meldingRef: 'CSG-LIM-2026-990100',
    regionId: 'limburg',
    semester: '2026-H2',
    language: 'nl',
    expiresAt: new Date(Date.now() + 24 * 3600_000),
  });
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await waitForFocus(page, 'vragen-titel');
    await Promise.all([page.waitForLoadState('load'), page.click('a[hreflang=en]')]);
    await waitForFocus(page, 'vragen-titel');
    await expect(page.locator('legend').first().textContent()).resolves.toContain('Did you feel heard?');
    await expect(context.cookies()).resolves.toEqual([]);
  } finally {
    await context.close();
  }
});
