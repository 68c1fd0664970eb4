/**
 * The helpline's minute, in real Chromium: log in, register a melding with the keyboard alone,
 * see the triage outcome, find the workflow running on the Temporal server, and then the
 * casemanager's acknowledgement link (as it arrives in the mail) moves the case on. Run once in
 * each language, chosen by the browser's language as a first visit is; then the visible language
 * link switches and the choice is remembered.
 */
import { useBrowserStack } from '../../testkit/browserStack';
import type { Page } from 'playwright-core';
import { focusedId, logInByKeyboard, waitForFocus } from '../../testkit/browser';
import { caseState } from '../../workflows/messages';

jest.setTimeout(180_000);

const stack = useBrowserStack();

async function tab(page: Page, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
}

/** What each language's pages say at the points the test checks. */
const LANGUAGES = [
  {
    locale: 'nl-NL',
    lang: 'nl',
    yesterday: 'gisteren',
    registered: 'Melding geregistreerd',
    acute: 'Acuut: binnen 72 uur',
    handover: 'Overdracht aan de piket-casemanager',
    confirmed: 'Bevestigd',
    used: 'Deze link is al gebruikt',
    phoneProblem: 'Vul een telefoonnummer in',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    yesterday: 'yesterday',
    registered: 'Melding registered',
    acute: 'Acute: within 72 hours',
    handover: 'Handover to the on-call casemanager',
    confirmed: 'Confirmed',
    used: 'This link has already been used',
    phoneProblem: 'Enter a phone number',
  },
];

test.each(LANGUAGES)(
  '$lang: helpline staff register a melding with the keyboard, fixing one mistake; the casemanager link moves the case on',
  async (words) => {
    const context = await stack.browser.newContext({ locale: words.locale });
    const page = await context.newPage();

    // The form is behind the login; the login page focuses the first field.
    await logInByKeyboard(page, `${stack.base}/meldingen/nieuw`, 'helpline-017', 'helpline-wachtwoord-1');
    expect(await page.getAttribute('html', 'lang')).toBe(words.lang);

    // The form in the order of the call, by keyboard only: Tab, Space, typing.
    await waitForFocus(page, 'kanaal'); // autofocus; "Telefoon" is preselected
    await tab(page);
    expect(await focusedId(page)).toBe('beller-slachtoffer');
    await page.keyboard.press('Space');
    await tab(page);
    expect(await focusedId(page)).toBe('tijdsoort-exact');
    await page.keyboard.press('Space');
    await tab(page);
    expect(await focusedId(page)).toBe('datum');
    await page.keyboard.type(words.yesterday);
    await tab(page);
    await page.keyboard.type('23:00');
    await tab(page, 5); // past the four "ongeveer" fields
    expect(await focusedId(page)).toBe('leeftijd');
    await page.keyboard.type('24');
    await tab(page, 4); // past the optional age band, gender and earlier abuse
    expect(await focusedId(page)).toBe('gemeente');
    await page.keyboard.type('Maastricht');
    await page.keyboard.press('Escape'); // close the suggestion list
    await tab(page, 3); // past "acuut gevaar" and "online"
    expect(await focusedId(page)).toBe('politie-ja');
    await page.keyboard.press('Space');
    await tab(page);
    expect(await focusedId(page)).toBe('medisch-ja');
    await page.keyboard.press('Space');
    await tab(page);
    expect(await focusedId(page)).toBe('naam');
    await page.keyboard.type('Voorbeeld <Persoon>');
    await tab(page);
    await page.keyboard.type('0612345678');
    await tab(page, 2);
    expect(await focusedId(page)).toBe('veilig-bellen');
    await page.keyboard.press('Space');

    // First a mistake, as happens on the phone: a wrong phone number. Nothing typed is lost.
    await page.focus('#telefoon');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('bel me');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#samenvatting');
    await waitForFocus(page, 'samenvatting');
    expect(await page.inputValue('#gemeente')).toBe('Maastricht');
    expect(await page.inputValue('#naam')).toBe('Voorbeeld <Persoon>');
    expect(await page.isChecked('#politie-ja')).toBe(true);
    await page.keyboard.press('Tab'); // the summary's first link leads to the field
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#telefoon', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#telefoon-fout')).toContain(words.phoneProblem);
    await page.focus('#telefoon');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0612345678');
    await page.keyboard.press('Enter');

    await page.waitForSelector('#resultaat');
    expect(await page.textContent('h1')).toContain(words.registered);
    expect(await page.textContent('#triage')).toContain(words.acute);
    expect(await page.textContent('#volgende-stappen')).toContain('casemanager');
    const reference = (await page.textContent('#referentie'))!.trim();
    expect(reference).toMatch(/^CSG-LIM-\d{4}-\d{6}$/);

    // The case runs on the Temporal server.
    const handle = stack.h.client.workflow.getHandle(reference);
    const description = await handle.describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('meldingWorkflow');

    // The casemanager opens the link from the handover mail and accepts with the keyboard.
    let link: string | undefined;
    for (let i = 0; i < 100 && !link; i++) {
      link = stack.h.sent.find(
        (s) => s.message.meldingRef === reference && s.message.requestId === 'casemanager_overdracht',
      )?.actionUrl;
      if (!link) await new Promise((r) => setTimeout(r, 100));
    }
    expect(link).toBeDefined();
    const partner = await context.newPage();
    await partner.goto(link!);
    expect(await partner.textContent('h1')).toContain(words.handover);
    expect(await partner.textContent('dl')).toContain('Voorbeeld <Persoon>');
    await partner.keyboard.press('Enter'); // the accept button has focus
    await partner.waitForSelector(`text=${words.confirmed}`);

    const state = await handle.query(caseState);
    const handover = state.requests.find((r) => r.requestId === 'casemanager_overdracht');
    expect(handover?.status).toBe('acknowledged');
    await partner.reload();
    expect(await partner.textContent('h1')).toContain(words.used);
    await context.close();
  },
);

test('the language link switches the page and the choice is remembered over the browser language', async () => {
  const context = await stack.browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(`${stack.base}/inloggen`);
  expect(await page.textContent('h1')).toBe('Inloggen');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForSelector('h1:text("Log in")');
  expect(new URL(page.url()).pathname).toBe('/inloggen');
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  // Remembered: another page, still English although the browser asks for Dutch.
  await page.goto(`${stack.base}/bestaat-niet`);
  expect(await page.textContent('h1')).toBe('Page not found');
  await page.getByRole('link', { name: 'Nederlands' }).click();
  expect(await page.textContent('h1')).toBe('Pagina niet gevonden');
  await context.close();
});
