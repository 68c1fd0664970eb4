/**
 * A victim calls back without the reference: helpline staff find the case in real Chromium with
 * the keyboard alone, by name (forgetting the date of birth first, which the page names and leads
 * back to), and by the phone number written another way than at intake. In each language.
 */
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { focusedId, launchChromium, logInByKeyboard, waitForFocus } from '../../testkit/browser';
import { buildIntake } from '../../testkit/meldingFixtures';
import { freePort } from '../../testkit/processes';
import { AS_HELPLINE, startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';

jest.setTimeout(180_000);

let h: IntakeHarness;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h = await startIntakeHarness({ publicBaseUrl: base, withWorker: false });
  await h.app.listen({ host: '127.0.0.1', port });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** Enter in a field submits the form: wait until the answering page has loaded. */
async function submit(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

const LANGUAGES = [
  {
    locale: 'nl-NL',
    lang: 'nl',
    title: 'Melding terugvinden',
    needDate: 'Vul bij de naam ook de geboortedatum in.',
    found: '1 melding gevonden.',
    running: 'loopt',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    title: 'Find a melding again',
    needDate: 'Enter the date of birth with the name.',
    found: '1 melding found.',
    running: 'running',
  },
];

test.each(LANGUAGES)(
  '$lang: staff find a case by name with date of birth and by phone, keyboard only',
  async (words) => {
    const mobile = `06${String(randomInt(10_000_000, 100_000_000))}`;
    const name = `Femke Jansen-${String(randomInt(1_000_000))}`;
    const { reference: _r, ...intake } = buildIntake({
      victimContact: { name, phone: `+31${mobile.slice(1)}`, dateOfBirth: '1995-08-21' },
    });
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { authorization: AS_HELPLINE },
      payload: intake,
    });
    expect(started.statusCode).toBe(201);
    const reference = (started.json() as { reference: string }).reference;

    const context = await browser.newContext({ locale: words.locale });
    const page = await context.newPage();
    await logInByKeyboard(page, `${base}/meldingen/zoeken`, 'helpline-017', 'helpline-wachtwoord-1');
    expect(await page.locator('h1').textContent()).toBe(words.title);
    await waitForFocus(page, 'telefoon');

    // By name, forgetting the date: the summary has focus and its link leads to the field.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('naam');
    await page.keyboard.type(name.toLowerCase());
    await submit(page);
    await waitForFocus(page, 'samenvatting');
    expect(await page.locator('#geboortedatum-fout').textContent()).toContain(words.needDate);
    expect(await page.inputValue('#naam')).toBe(name.toLowerCase());
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'geboortedatum');
    await page.keyboard.type('21-08-1995');
    // Visibility follows a start shortly after; a search before it says "none" and is repeated.
    for (let i = 0; i < 50; i++) {
      await submit(page);
      if ((await page.locator('[role=status]').textContent())?.includes(words.found)) break;
      await page.focus('#geboortedatum');
    }
    expect(await page.locator('[role=status]').textContent()).toBe(words.found);
    const row = page.locator('tbody tr');
    expect(await row.locator('a').textContent()).toBe(reference);
    expect(await row.locator('td').last().textContent()).toBe(words.running);

    // By phone, written as the caller says it now: the form keeps nothing of the last search's
    // problems, and the number never shows up in the address bar.
    await page.goto(`${base}/meldingen/zoeken`);
    await waitForFocus(page, 'telefoon');
    await page.keyboard.type(`${mobile.slice(0, 2)} ${mobile.slice(2, 6)} ${mobile.slice(6)}`);
    await submit(page);
    expect(await page.locator('[role=status]').textContent()).toBe(words.found);
    expect(await page.locator('tbody tr a').textContent()).toBe(reference);
    expect(page.url()).toBe(`${base}/meldingen/zoeken`);
    await context.close();
  },
);
