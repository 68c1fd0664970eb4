/**
 * Login through the organisation's identity provider in real Chromium, with the keyboard alone,
 * across two sites as in production (the intake on localhost, the provider on 127.0.0.1): the
 * attempt's cookie comes back on the provider's redirect, and after the "logged in" page the
 * staff session opens the intake form. Both the login page and that page pass the WCAG check.
 */
import type { Browser } from 'playwright-core';
import { accessibilityProblems, focusedId, launchChromium, waitForFocus } from '../../testkit/browser';
import { startIntakeHarness, type IntakeHarness } from '../../testkit/intakeHarness';
import { startOidcProvider, TEST_OIDC_USERS, type TestOidcProvider } from '../../testkit/oidcProvider';
import { freePort } from '../../testkit/processes';

jest.setTimeout(180_000);

let h: IntakeHarness;
let provider: TestOidcProvider;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  const redirectUri = `${base}/inloggen/oidc/terug`;
  provider = await startOidcProvider([redirectUri]);
  h = await startIntakeHarness({
    withWorker: false,
    publicBaseUrl: base,
    oidc: provider.settings(redirectUri),
  });
  await h.app.listen({ host: '127.0.0.1', port });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
  await provider?.stop();
});

test('with the keyboard: the provider, its login with a second factor, and on to the intake form', async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/meldingen/nieuw`);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await accessibilityProblems(page, 'login page with the provider')).toEqual([]);
    // The provider's link stands above the form, whose first field has focus: back one step.
    await waitForFocus(page, 'id');
    for (let i = 0; i < 5 && (await focusedId(page)) !== 'oidc'; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe('oidc');
    await Promise.all([page.waitForURL(`${provider.issuer}/interactie/**`), page.keyboard.press('Enter')]);

    await waitForFocus(page, 'gebruiker');
    await page.keyboard.type(TEST_OIDC_USERS.withSecondFactor);
    await Promise.all([page.waitForURL(`${base}/inloggen/oidc/terug**`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Ingelogd');
    expect(await accessibilityProblems(page, 'logged in through the provider')).toEqual([]);

    const onward = page.getByRole('link', { name: 'Verder' });
    await onward.focus();
    await Promise.all([page.waitForURL(`${base}/meldingen/nieuw`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Nieuwe melding');
  } finally {
    await context.close();
  }
});
