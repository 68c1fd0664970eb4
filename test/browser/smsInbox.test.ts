/**
 * The development stack's SMS inbox page in Chromium: in Dutch and English, at phone and desktop
 * size, it passes axe-core's WCAG 2.1 A and AA rules, keeps to the phone's width, and is set in
 * the theme's own fonts (Noto Sans, Noto Serif headings) served from its own origin, as every
 * page of the intake service and the codec server is.
 */
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { createLogger } from '../../config/logger';
import { buildSmsInbox } from '../../scripts/sms-inbox/server';
import { createSentSmsStore } from '../../scripts/sms-inbox/sentSms';
import { accessibilityProblems, launchChromium } from '../../testkit/browser';
import { freePort } from '../../testkit/processes';
import { SIZES, type Size } from '../../testkit/tourStack';

let browser: Browser;
let inbox: FastifyInstance;
let base: string;

beforeAll(async () => {
  const store = createSentSmsStore();
  store.add({
    to: '+31612300011',
    from: '+3197010000000',
    body: 'CSG melding CSG-LIM-2026-000123: FMO (forensisch onderzoek). Reageer voor do 2 jul 00:15: https://meldingen.example.org/partner/eyJhbGciOiJIUzI1NiJ9.eyJyZWYiOiJDU0ctTElNLTIwMjYtMDAwMTIzIn0.c2lnbmF0dXJlLXZhbi1kZS1saW5r',
    at: '2026-07-01T20:15:00.000Z',
    httpStatus: 201,
    status: 'queued',
    sid: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  });
  store.add({
    to: '',
    from: '+3197010000000',
    body: 'zonder nummer',
    at: '2026-07-01T20:16:00.000Z',
    httpStatus: 422,
    error: "Request body must have required property 'To'",
  });
  // The page needs no contract mock: only the API is forwarded.
  inbox = await buildSmsInbox({
    prismUrl: `http://127.0.0.1:${await freePort()}`,
    store,
    logger: createLogger({ level: 'silent' }),
  });
  const port = await freePort();
  await inbox.listen({ host: '127.0.0.1', port });
  base = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await inbox?.close();
});

const variants = (['nl', 'en'] as const).flatMap((lang) =>
  (Object.keys(SIZES) as Size[]).map((size) => ({ lang, size })),
);

test.each(variants)(
  '$lang at $size size: the inbox passes WCAG 2.1 A and AA, in the theme fonts',
  async (v) => {
    const context = await browser.newContext({
      viewport: SIZES[v.size],
      locale: v.lang === 'nl' ? 'nl-NL' : 'en-GB',
    });
    const page = await context.newPage();
    const fonts: string[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.woff2') && r.status() === 200) fonts.push(new URL(r.url()).pathname);
    });
    try {
      await page.goto(`${base}/`);
      expect(await page.getAttribute('html', 'lang')).toBe(v.lang);
      expect(await accessibilityProblems(page, `sms-inbox (${v.lang}, ${v.size})`)).toEqual([]);
      // Two messages listed, the link in the first one whole and followable.
      await expect(page.locator('#sms tbody tr').count()).resolves.toBe(2);
      await expect(
        page.locator('#sms a[href^="https://meldingen.example.org/partner/"]').count(),
      ).resolves.toBe(1);
      // The table scrolls in its own box on a phone; the page itself keeps to the screen's width.
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);

      const families = await page.evaluate<{ heading: string; text: string; loaded: string[] }>(`
      document.fonts.ready.then(() => ({
        heading: getComputedStyle(document.querySelector('h1')).fontFamily,
        text: getComputedStyle(document.querySelector('p')).fontFamily,
        loaded: [...document.fonts]
          .filter((f) => f.status === 'loaded')
          .map((f) => f.family.replace(/"/g, '') + ' ' + f.weight),
      }))
    `);
      expect(families.heading).toMatch(/^"?Noto Serif"?/);
      expect(families.text).toMatch(/^"?Noto Sans"?/);
      expect(families.loaded).toEqual(expect.arrayContaining(['Noto Serif 700', 'Noto Sans 400']));
      expect(fonts.every((f) => f.startsWith('/stijl/'))).toBe(true);
      expect(fonts.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  },
);
