/**
 * Partners open the request mail on a phone at night: the HTML mail fits a phone's mail pane, its
 * long signed link wrapped inside it instead of running off the side, and the link itself (its
 * href and the text shown) is the whole signed link, unchanged.
 */
import type { Browser } from 'playwright-core';
import { renderRequest } from '../../activities/templates';
import { createPartnerLinks } from '../../cases/links';
import { LANGUAGES } from '../../i18n';
import { launchChromium } from '../../testkit/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// A real signed link, as long as the worker makes them (a casemanager's own link is the longest).
const url = createPartnerLinks({
  baseUrl: 'https://meldingen.csg-limburg.example.org',
  secret: 'mail-on-phone-test-secret-0123456789abcdef',
}).actionUrl({
  meldingRef: 'CSG-LIM-2026-000123',
  requestId: 'casemanager_overdracht',
  attempt: 2,
  tier: 'owner',
  expiresAt: new Date('2026-07-02T22:15:00Z'),
  addressee: 'cm-lim',
});

test.each(LANGUAGES)('%s: the request mail fits a 320 px mail pane, the whole link in it', async (lang) => {
  const mail = renderRequest({
    kind: 'casemanager_overdracht',
    meldingRef: 'CSG-LIM-2026-000123',
    dueBy: '2026-07-01T22:15:00.000Z',
    actionUrl: url,
    recipientName: 'Piket casemanager',
    tier: 'owner',
    attempt: 2,
    language: lang,
  });
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  try {
    await page.setContent(mail.html);
    const { scrollWidth, paneWidth } = await page.evaluate<{ scrollWidth: number; paneWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, paneWidth: window.innerWidth })',
    );
    expect({ scrollWidth }).toEqual({ scrollWidth: paneWidth });
    const link = page.locator(`a[href="${url}"]`);
    await expect(link.count()).resolves.toBe(1);
    await expect(link.textContent()).resolves.toBe(url);
    const box = await link.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(paneWidth);
  } finally {
    await page.close();
  }
});
