/**
 * A casemanager corrects a victim's age on the case page in real Chromium, once in each language
 * (chosen by the browser's language), with the keyboard alone: log in on the way to the case,
 * type the age 14 over the intake's 30, choose the reason, read on the confirmation that the FMO
 * moves from the forensic doctor to the NFI, confirm, and see the timeline ask the NFI.
 * Screenshots of the filled correction form and its confirmation go to .data/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
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
    reason: 'Verkeerd vastgelegd bij de intake',
    confirmTitle: 'Bevestigen: Leeftijd of geboortedatum corrigeren',
    effect:
      'De leeftijd wordt 14 jaar: het FMO-verzoek aan de forensisch arts wordt ingetrokken en het NFI (slachtoffer 15 jaar of jonger) wordt gevraagd.',
    done: 'De leeftijd is gecorrigeerd; het FMO volgt de nieuwe leeftijd.',
    correctionLine: 'Leeftijd of geboortedatum gecorrigeerd',
    nfiLine: 'Forensisch-medisch onderzoek (FMO): verzoek aan NFI (open)',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    reason: 'Recorded wrongly at intake',
    confirmTitle: 'Confirm: Correct the age or date of birth',
    effect:
      'The age becomes 14: the FMO request to the forensic doctor is withdrawn and the NFI (Netherlands Forensic Institute; victim 15 or younger) is asked.',
    done: 'The age is corrected; the FMO follows the new age.',
    correctionLine: 'Age or date of birth corrected',
    nfiLine: 'Forensic medical examination (FMO): request to the NFI (open)',
  },
];

test.each(LANGUAGES)(
  '$lang: a casemanager corrects the age of a 30-year-old to 14 by keyboard and sees the FMO go to the NFI',
  async (words) => {
    // The helpline registered a 30-year-old who wants the police: the forensic doctor is asked for the FMO.
    const intake = buildIntake({
      victimAge: { kind: 'years', years: 30 },
      wishes: { police: 'ja', medicalCare: 'nee' },
    });
    expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
    const { reference } = intake;
    const handle = h.client.workflow.getHandle(reference);
    const fmoRoles = async () =>
      (await handle.query(caseState)).openRequests.filter((r) => r.kind === 'fmo').map((r) => r.role);
    expect(await fmoRoles()).toContain('forensisch_arts');

    const context = await browser.newContext({ locale: words.locale });
    const page = await context.newPage();

    // The case's address leads through the login and back to the case.
    await logInByKeyboard(page, `${base}/meldingen/${reference}`, 'cm-017', 'casemanager-wachtwoord-1');
    expect(await page.getAttribute('html', 'lang')).toBe(words.lang);

    // The age form: type 14, leave the date of birth, choose the reason, continue.
    await tabTo(page, 'leeftijd-victimAge');
    await page.keyboard.type('14');
    await tabTo(page, 'leeftijd-reason', 6);
    for (let i = 0; i < 6 && (await page.inputValue('#leeftijd-reason')) !== 'invoerfout'; i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.inputValue('#leeftijd-reason')).toBe('invoerfout');
    expect(await page.textContent('#leeftijd-reason option:checked')).toBe(words.reason);
    await page.screenshot({
      path: join(SCREENSHOTS, `case-corrections-page-${words.lang}.png`),
      fullPage: true,
    });
    await page.locator('#besluit-leeftijd').screenshot({
      path: join(SCREENSHOTS, `case-correction-form-${words.lang}.png`),
    });
    await tabTo(page, 'leeftijd-verder', 3);
    await page.keyboard.press('Enter');

    // The confirmation says in plain words where the FMO goes; nothing has changed yet.
    await page.waitForSelector('#bevestiging');
    await waitForFocus(page, 'bevestiging');
    expect(await page.textContent('h1')).toBe(words.confirmTitle);
    expect(await page.textContent('#gevolgen')).toContain(words.effect);
    await page.screenshot({
      path: join(SCREENSHOTS, `case-correction-confirm-${words.lang}.png`),
      fullPage: true,
    });
    expect(await fmoRoles()).toContain('forensisch_arts');
    expect((await handle.query(caseState)).decisions.some((d) => d.type === 'leeftijd')).toBe(false);

    await tabTo(page, 'bevestigen', 3);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.done);
    const timeline = (await page.textContent('#tijdlijn'))!;
    expect(timeline).toContain(words.correctionLine);
    expect(timeline).toContain(words.nfiLine);
    expect(timeline).toContain('cm-017');
    expect(await fmoRoles()).toContain('nfi');
    expect(await fmoRoles()).not.toContain('forensisch_arts');
    await context.close();
  },
);
