/**
 * A helpline worker's case page in real Chromium, once in each language (chosen by the browser's
 * language): log in, register a melding, open its case page from the result, give consent for the
 * zedenpolitie through the confirmation step with the keyboard alone, change the police wish, and
 * see both in the timeline as decided by the signed-in worker. A screenshot of the case page goes
 * to .data/screenshots/ for the docs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, logInByKeyboard, tabTo, waitForFocus } from '../../testkit/browser';
import { freePort } from '../../testkit/processes';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { caseState } from '../../workflows/messages';

jest.setTimeout(180_000);

const SCREENSHOTS = join(__dirname, '..', '..', '.data', 'screenshots');

let h: IntakeHarness;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h = await startIntakeHarness({ publicBaseUrl: base });
  await h.app.listen({ host: '127.0.0.1', port });
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

const LANGUAGES = [
  {
    locale: 'nl-NL',
    lang: 'nl',
    yesterday: 'gisteren',
    confirmTitle: 'Bevestigen: Toestemming om gegevens te delen geven of intrekken',
    consentDone: 'De toestemming is vastgelegd.',
    wishDone: 'De wens over de politie is vastgelegd',
    consentLine: 'Toestemming: zedenpolitie: gegeven',
    wishLine: 'Wens over de politie: Ja',
    yes: 'Ja',
    phase: 'acute zorg',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    yesterday: 'yesterday',
    confirmTitle: 'Confirm: Give or withdraw consent to share details',
    consentDone: 'The consent is recorded.',
    wishDone: 'The wish about the police is recorded',
    consentLine: 'Consent: sexual offences police: given',
    wishLine: 'Wish about the police: Yes',
    yes: 'Yes',
    phase: 'acute care',
  },
];

test.each(LANGUAGES)(
  '$lang: staff open the case after the intake, give consent by keyboard, change the police wish, and see both in the timeline',
  async (words) => {
    const context = await browser.newContext({ locale: words.locale });
    const page = await context.newPage();

    await logInByKeyboard(page, `${base}/meldingen/nieuw`, 'helpline-017', 'helpline-wachtwoord-1');
    expect(await page.getAttribute('html', 'lang')).toBe(words.lang);
    // The start page also opens a case by its reference.
    expect(await page.isVisible('#melding-openen #referentie')).toBe(true);

    // A melding where the victim is still undecided about the police.
    await page.check('#beller-slachtoffer');
    await page.check('#tijdsoort-exact');
    await page.fill('#datum', words.yesterday);
    await page.fill('#tijd', '23:00');
    await page.fill('#leeftijd', '24');
    await page.fill('#gemeente', 'Maastricht');
    await page.check('#politie-twijfel');
    await page.check('#medisch-nee');
    await page.check('#veilig-bellen');
    await page.press('#gemeente', 'Enter');
    await page.waitForSelector('#resultaat');
    const reference = (await page.textContent('#referentie'))!.trim();

    // From the result to the case page, by keyboard: the link follows the focused result.
    await tabTo(page, 'naar-melding', 3);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/meldingen/${reference}`);
    expect(await page.textContent('h1')).toContain(reference);
    expect(await page.textContent('#fase')).toBe(words.phase);

    // Consent for the zedenpolitie, keyboard only: choose, continue, read what happens, confirm.
    await tabTo(page, 'toestemming-role');
    for (let i = 0; i < 10 && (await page.inputValue('#toestemming-role')) !== 'zedenpolitie'; i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.inputValue('#toestemming-role')).toBe('zedenpolitie');
    await tabTo(page, 'toestemming-given-true', 3);
    await page.keyboard.press('Space');
    await tabTo(page, 'toestemming-verder', 3);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bevestiging');
    expect(await page.textContent('h1')).toBe(words.confirmTitle);
    await waitForFocus(page, 'bevestiging');
    await page.screenshot({ path: join(SCREENSHOTS, `case-confirm-${words.lang}.png`), fullPage: true });
    // Nothing is recorded before the confirmation.
    const handle = h.client.workflow.getHandle(reference);
    expect((await handle.query(caseState)).decisions.some((d) => d.type === 'toestemming')).toBe(false);
    await tabTo(page, 'bevestigen', 3);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.consentDone);
    expect(await page.textContent('#tijdlijn')).toContain(words.consentLine);

    // The victim now wants the police after all.
    await page.check('#politiewens-wish-ja');
    await page.click('#politiewens-verder');
    await page.waitForSelector('#bevestiging');
    await page.click('#bevestigen');
    await page.waitForSelector('#gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.wishDone);
    expect(await page.textContent('#politiewens')).toBe(words.yes);
    const timeline = (await page.textContent('#tijdlijn'))!;
    expect(timeline).toContain(words.consentLine);
    expect(timeline).toContain(words.wishLine);
    expect(timeline).toContain('helpline-017');

    const state = await handle.query(caseState);
    expect(state.policeWish).toBe('ja');
    expect(state.decisions.filter((d) => d.by === 'helpline-017').map((d) => [d.type, d.value])).toEqual([
      ['intake', 'telefoon; binnen_72_uur; politie: twijfel; medisch: nee'],
      ['toestemming', 'zedenpolitie: gegeven'],
      ['politie_wens', 'ja'],
    ]);
    await page.screenshot({ path: join(SCREENSHOTS, `case-page-${words.lang}.png`), fullPage: true });
    await context.close();
  },
);
