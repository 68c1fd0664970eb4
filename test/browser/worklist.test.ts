/**
 * A casemanager's day starts at their worklist: in real Chromium, with the keyboard alone, they log
 * in, land on "mijn casussen" with its heading focused, Tab to a case they own and open it. In
 * each language.
 */
import { useBrowserStack } from '../../testkit/browserStack';
import { testCode } from '../../testkit/staffAccounts';
import { tabTo, waitForFocus } from '../../testkit/browser';
import { buildIntake } from '../../testkit/meldingFixtures';
import { AS_CASEMANAGER, AS_HELPLINE } from '../../testkit/intakeHarness';
import type { CaseState } from '../../workflows/messages';

jest.setTimeout(180_000);

const stack = useBrowserStack();

const api = (authorization: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  stack.h.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

/** A case the helpline started and cm-017 took over by acknowledging its handover. */
async function ownedByCm017(): Promise<string> {
  const { reference: _made, ...intake } = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const started = await api(AS_HELPLINE, 'POST', '/api/meldingen', intake);
  expect(started.statusCode).toBe(201);
  const { reference } = started.json() as { reference: string };
  const deadline = Date.now() + 30_000;
  const handoverAsked = async () =>
    ((await api(AS_HELPLINE, 'GET', `/api/meldingen/${reference}`)).json() as CaseState).openRequests.some(
      (r) => r.kind === 'casemanager_overdracht',
    );
  while (!(await handoverAsked())) {
    if (Date.now() > deadline) throw new Error('no handover request');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ack = await api(
    AS_CASEMANAGER,
    'POST',
    `/api/meldingen/${reference}/decisions/ontvangstbevestiging`,
    {
      requestId: 'casemanager_overdracht',
    },
  );
  expect(ack.statusCode).toBe(200);
  // Visibility lists the new owner's case a moment later.
  while (
    !(
      (await api(AS_CASEMANAGER, 'GET', '/api/mijn-casussen')).json() as {
        cases: Array<{ reference: string }>;
      }
    ).cases.some((c) => c.reference === reference)
  ) {
    if (Date.now() > deadline) throw new Error('the case never reached the worklist');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return reference;
}

test.each([
  { locale: 'nl-NL', lang: 'nl', title: 'Mijn casussen' },
  { locale: 'en-GB', lang: 'en', title: 'My cases' },
])('$lang: the casemanager logs in, lands on the worklist and opens a case, keyboard only', async (words) => {
  const reference = await ownedByCm017();
  const context = await stack.browser.newContext({ locale: words.locale });
  const page = await context.newPage();
  await page.goto(`${stack.base}/inloggen`);
  await waitForFocus(page, 'id');
  await page.keyboard.type('cm-017');
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'wachtwoord');
  await page.keyboard.type('casemanager-wachtwoord-1');
  await page.keyboard.press('Tab');
  await waitForFocus(page, 'code');
  await page.keyboard.type(testCode('cm-017'));
  await Promise.all([page.waitForURL(`${stack.base}/mijn-casussen`), page.keyboard.press('Enter')]);

  await waitForFocus(page, 'titel');
  expect(await page.locator('h1').textContent()).toBe(words.title);
  expect(await page.locator('html').getAttribute('lang')).toBe(words.lang);
  await tabTo(page, `melding-${reference}`);
  await Promise.all([page.waitForURL(`${stack.base}/meldingen/${reference}`), page.keyboard.press('Enter')]);
  expect(await page.locator('h1').textContent()).toContain(reference);
  await context.close();
});
