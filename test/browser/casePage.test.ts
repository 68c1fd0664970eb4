/**
 * A helpline worker's case page in real Chromium, once in each language (chosen by the browser's
 * language): log in, register a melding, open its case page from the result, give consent for the
 * zedenpolitie through the confirmation step with the keyboard alone, change the police wish, and
 * see both in the timeline as decided by the signed-in worker. A screenshot of the case page goes
 * to .data/screenshots/ for the docs. Then, in each language, a case in watchful waiting shows its
 * next check-in, and ops close a case with a reason through the confirmation and find the closing
 * in the timeline; the incident-time correction shows only the fields of the kind chosen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, logInByKeyboard, tabTo, waitForFocus } from '../../testkit/browser';
import { freePort } from '../../testkit/processes';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { decide, startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { caseState, type CaseState } from '../../workflows/messages';

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

/** A melding in Maastricht whose casemanager took it over: it waits for its day-1 check-in. */
async function inWatchfulWaiting(): Promise<string> {
  const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  expect((await startMelding(h.client, h.taskQueue, intake)).status).toBe('started');
  const handle = h.client.workflow.getHandle(intake.reference);
  const until = async (check: (s: CaseState) => boolean) => {
    for (let i = 0; i < 100; i++) {
      if (check(await handle.query(caseState))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${intake.reference} never reached the state waited for`);
  };
  await until((s) => s.openRequests.some((r) => r.requestId === 'casemanager_overdracht'));
  await decide(h.client, intake.reference, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-017' },
  });
  await until((s) => s.nextCheckIn !== undefined);
  return intake.reference;
}

const LATER = [
  {
    locale: 'nl-NL',
    lang: 'nl',
    checkIn: /^Volgend contactmoment: \d\d-\d\d-\d{4}, \d\d:\d\d, over 1 dag\. Contactmoment 1 van 4\.$/,
    reason: 'Zorg is buiten het CSG geregeld',
    closeTitle: 'Bevestigen: Melding sluiten met een reden',
    closeDone: 'De melding is gesloten.',
    closeLine: 'Melding gesloten: Zorg is buiten het CSG geregeld',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    checkIn: /^Next check-in: \d\d-\d\d-\d{4}, \d\d:\d\d, in 1 day\. Check-in 1 of 4\.$/,
    reason: 'Care is arranged outside the CSG',
    closeTitle: 'Confirm: Close the melding with a reason',
    closeDone: 'The melding is closed.',
    closeLine: 'Melding closed: Care is arranged outside the CSG',
  },
];

test.each(LATER)(
  '$lang: the next check-in in plain words; ops close the case with a reason and see it in the timeline',
  async (words) => {
    const reference = await inWatchfulWaiting();
    const context = await browser.newContext({ locale: words.locale });
    const page = await context.newPage();
    await logInByKeyboard(page, `${base}/meldingen/${reference}`, 'ops', 'ops-wachtwoord-123');
    expect((await page.textContent('#volgend-contactmoment'))!.replace(/\s+/g, ' ').trim()).toMatch(
      words.checkIn,
    );
    // The day-1 check-in was planned a day after the intake.
    const planned = (await h.client.workflow.getHandle(reference).query(caseState)).nextCheckIn!;
    expect(planned).toMatchObject({ number: 1, of: 4, screening: false });

    // The closing: choose the reason, then continue, read and confirm by keyboard.
    await page.focus('#sluiting-reason');
    await page.selectOption('#sluiting-reason', { label: words.reason });
    await tabTo(page, 'sluiting-verder', 3);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#bevestiging');
    expect(await page.textContent('h1')).toBe(words.closeTitle);
    await waitForFocus(page, 'bevestiging');
    expect((await h.client.workflow.getHandle(reference).describe()).status.name).toBe('RUNNING');
    await tabTo(page, 'bevestigen', 3);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.closeDone);
    // Each row: when, who, what (cells separated by tabs).
    const rows = (await page.locator('#tijdlijn tbody tr').allInnerTexts()).map((row) =>
      row.split('\t').map((cell) => cell.trim()),
    );
    expect(rows).toEqual(expect.arrayContaining([[expect.any(String), 'ops', words.closeLine]]));
    await context.close();
  },
);

test('the incident-time correction shows only the fields of the kind chosen, in the order a keyboard reaches them', async () => {
  const reference = await inWatchfulWaiting();
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await logInByKeyboard(page, `${base}/meldingen/${reference}`, 'cm-017', 'casemanager-wachtwoord-1');
  const shown = async () => ({
    exact: await page.isVisible('#incidenttijd-datum'),
    between: await page.isVisible('#incidenttijd-vanafDatum'),
  });
  expect(await shown()).toEqual({ exact: false, between: false });
  await page.focus('#incidenttijd-tijdsoort-exact');
  await page.keyboard.press('Space');
  expect(await shown()).toEqual({ exact: true, between: false });
  // From the chosen kind, Tab reaches its date and time, then the reason.
  await tabTo(page, 'incidenttijd-datum', 2);
  await tabTo(page, 'incidenttijd-tijd', 2);
  await tabTo(page, 'incidenttijd-reason', 2);
  await page.check('#incidenttijd-tijdsoort-approximate');
  expect(await shown()).toEqual({ exact: false, between: true });
  await page.check('#incidenttijd-tijdsoort-unknown');
  expect(await shown()).toEqual({ exact: false, between: false });
  await context.close();
});
