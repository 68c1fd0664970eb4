/**
 * The helpline's minute, in real Chromium: log in, register a melding with the keyboard alone,
 * see the triage outcome, find the workflow running on the Temporal server, and then the
 * casemanager's acknowledgement link (as it arrives in the mail) moves the case on.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { caseState } from '../../workflows/messages';
import { freePort } from '../helpers/processes';
import { startIntakeHarness, type IntakeHarness } from '../helpers/intakeHarness';

jest.setTimeout(180_000);

let h: IntakeHarness;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h = await startIntakeHarness({ publicBaseUrl: base });
  await h.app.listen({ host: '127.0.0.1', port });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function focusedId(page: Page): Promise<string> {
  // A string expression: the test is compiled without the DOM library.
  return page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
}

async function tab(page: Page, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
}

test('helpline staff register a melding with the keyboard, fixing one mistake; the casemanager link moves the case on', async () => {
  const page = await browser.newPage();

  // The form is behind the login; the login page focuses the first field.
  await page.goto(`${base}/meldingen/nieuw`);
  expect(new URL(page.url()).pathname).toBe('/inloggen');
  expect(await focusedId(page)).toBe('id');
  await page.keyboard.type('helpline-017');
  await tab(page);
  await page.keyboard.type('helpline-wachtwoord-1');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/meldingen/nieuw`);

  // The form in the order of the call, by keyboard only: Tab, Space, typing.
  expect(await focusedId(page)).toBe('kanaal'); // autofocus; "Telefoon" is preselected
  await tab(page);
  expect(await focusedId(page)).toBe('beller-slachtoffer');
  await page.keyboard.press('Space');
  await tab(page);
  expect(await focusedId(page)).toBe('tijdsoort-exact');
  await page.keyboard.press('Space');
  await tab(page);
  expect(await focusedId(page)).toBe('datum');
  await page.keyboard.type('gisteren');
  await tab(page);
  await page.keyboard.type('23:00');
  await tab(page, 5); // past the four "ongeveer" fields
  expect(await focusedId(page)).toBe('leeftijd');
  await page.keyboard.type('24');
  await tab(page, 2); // past the optional age band
  // The semester-figure codes (issue 10): optional selects, chosen by typing their first letter.
  expect(await focusedId(page)).toBe('geslacht');
  await page.keyboard.type('v');
  expect(await page.$eval('#geslacht', (el) => (el as unknown as { value: string }).value)).toBe('vrouw');
  await tab(page);
  expect(await focusedId(page)).toBe('eerder-misbruik');
  await tab(page);
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
  expect(await focusedId(page)).toBe('samenvatting');
  expect(await page.inputValue('#gemeente')).toBe('Maastricht');
  expect(await page.inputValue('#naam')).toBe('Voorbeeld <Persoon>');
  expect(await page.isChecked('#politie-ja')).toBe(true);
  await page.keyboard.press('Tab'); // the summary's first link leads to the field
  await page.keyboard.press('Enter');
  expect(await page.getAttribute('#telefoon', 'aria-invalid')).toBe('true');
  await page.focus('#telefoon');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0612345678');
  await page.keyboard.press('Enter');

  await page.waitForSelector('#resultaat');
  expect(await page.textContent('h1')).toContain('Melding geregistreerd');
  expect(await page.textContent('#triage')).toContain('Acuut: binnen 72 uur');
  expect(await page.textContent('#volgende-stappen')).toContain('casemanager');
  const reference = (await page.textContent('#referentie'))!.trim();
  expect(reference).toMatch(/^CSG-LIM-\d{4}-\d{6}$/);

  // The case runs on the Temporal server.
  const handle = h.client.workflow.getHandle(reference);
  const description = await handle.describe();
  expect(description.status.name).toBe('RUNNING');
  expect(description.type).toBe('meldingWorkflow');

  // The casemanager opens the link from the handover mail and accepts with the keyboard.
  let link: string | undefined;
  for (let i = 0; i < 100 && !link; i++) {
    link = h.sent.find(
      (s) => s.message.meldingRef === reference && s.message.requestId === 'casemanager_overdracht',
    )?.actionUrl;
    if (!link) await new Promise((r) => setTimeout(r, 100));
  }
  expect(link).toBeDefined();
  const partner = await browser.newPage();
  await partner.goto(link!);
  expect(await partner.textContent('h1')).toContain('Overdracht aan de piket-casemanager');
  expect(await partner.textContent('dl')).toContain('Voorbeeld <Persoon>');
  await partner.keyboard.press('Enter'); // the accept button has focus
  await partner.waitForSelector('text=Bevestigd');

  const state = await handle.query(caseState);
  const handover = state.requests.find((r) => r.requestId === 'casemanager_overdracht');
  expect(handover?.status).toBe('acknowledged');
  await partner.reload();
  expect(await partner.textContent('h1')).toContain('Deze link is al gebruikt');
});
