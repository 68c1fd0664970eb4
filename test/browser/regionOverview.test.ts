/**
 * The region overview in real Chromium, in both languages: the coordinator logs in by keyboard on
 * the way to it, reads the figures and the week chart (inline SVG, no scripts, nothing the CSP
 * blocks), switches language, and follows a flagged case by keyboard to its case page.
 */
import type { Browser, Page } from 'playwright-core';
import { startMelding } from '../../cases/meldingClient';
import { decide } from '../../cases/meldingClient';
import { launchChromium, logInByKeyboard, tabTo, waitForFocus } from '../../testkit/browser';
import { buildIntake } from '../../testkit/meldingFixtures';
import { freePort } from '../../testkit/processes';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../../testkit/intakeHarness';

jest.setTimeout(180_000);

let h: IntakeHarness;
let browser: Browser;
let base: string;
let flagged: string;
const NOTE = 'Bespreken: wie belt de politie';

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h = await startIntakeHarness({
    publicBaseUrl: base,
    config: {
      STAFF_ACCOUNTS: `${TEST_CONFIG.STAFF_ACCOUNTS},coord-lim:coordinator-wachtwoord-1`,
      STAFF_ROLES: `${TEST_CONFIG.STAFF_ROLES},coord-lim=coordinator@limburg`,
    },
  });
  await h.app.listen({ host: '127.0.0.1', port });
  browser = await launchChromium();
  const refs: string[] = [];
  for (let i = 0; i < 2; i++) {
    const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
    expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
    refs.push(intake.reference);
  }
  flagged = refs[0]!;
  await decide(h.client, flagged, {
    type: 'casusoverleg',
    input: { flagged: true, note: NOTE, by: 'cm-017' },
  });
  // Visibility follows a moment later.
  for (let i = 0; i < 60; i++) {
    const count = await h.client.workflow.count(
      `CsgRegion = 'limburg' AND CsgCasusoverleg = true AND ExecutionStatus = 'Running'`,
    );
    const open = await h.client.workflow.count(`CsgRegion = 'limburg' AND CsgPhase != 'triage'`);
    if (count.count === 1 && open.count === 2) break;
    await new Promise((r) => setTimeout(r, 250));
  }
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** What the CSP refused on a page (Chromium reports each refusal on the console). */
function watchRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused/i.test(m.text())) refused.push(m.text());
  });
  return refused;
}

test('the coordinator reads the overview in Dutch and English and follows a flagged case to its page', async () => {
  const page = await browser.newPage({ locale: 'nl-NL' });
  const refused = watchRefusals(page);
  await logInByKeyboard(page, `${base}/regio/limburg`, 'coord-lim', 'coordinator-wachtwoord-1');
  await waitForFocus(page, 'regio-titel');
  expect((await page.textContent('h1'))?.trim()).toBe('Regio-overzicht: CSG Limburg');
  expect(await page.textContent('main')).toContain('Open gevallen in totaal: 2');
  expect(await page.textContent('#casusoverleg')).toContain(NOTE);
  // The chart: twelve bars, drawn, with its title for assistive technology; the table beside it.
  expect(await page.locator('#week-grafiek rect').count()).toBe(12);
  expect(await page.getByRole('img', { name: /Nieuwe meldingen per week/ }).isVisible()).toBe(true);
  expect(await page.locator('#per-week tbody tr').count()).toBe(12);
  expect(await page.locator('#per-week tbody tr').last().textContent()).toContain('2');

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(`${base}/regio/limburg`);
  await waitForFocus(page, 'regio-titel');
  expect((await page.textContent('h1'))?.trim()).toBe('Region overview: CSG Limburg');
  expect(await page.textContent('main')).toContain('Open cases in all: 2');
  expect(await page.textContent('main')).toContain('For the case consultation');

  // By keyboard from the heading to the flagged case, and on to its case page.
  const link = page.getByRole('link', { name: flagged });
  await link.evaluate((el) => ((el as unknown as { id: string }).id = 'gemarkeerd-1'));
  await tabTo(page, 'gemarkeerd-1');
  const [casePage] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${base}/meldingen/${flagged}`),
    page.keyboard.press('Enter'),
  ]);
  expect(casePage.status()).toBe(200);
  expect(refused).toEqual([]);
  await page.close();
});
