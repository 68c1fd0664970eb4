/**
 * The same person again in real Chromium, in each language: a casemanager links a running case to
 * an earlier one through the confirmation step, and reopens a closed case: the new melding's page
 * names where it came from, and the closed case's page lists it.
 */
import { useBrowserStack } from '../../testkit/browserStack';
import type { Page } from 'playwright-core';
import { logInByKeyboard } from '../../testkit/browser';
import { buildIntake } from '../../testkit/meldingFixtures';
import { AS_HELPLINE } from '../../testkit/intakeHarness';

jest.setTimeout(180_000);

const stack = useBrowserStack();

async function started(): Promise<string> {
  const { reference: _r, ...intake } = buildIntake();
  const res = await stack.h.app.inject({
    method: 'POST',
    url: '/api/meldingen',
    headers: { authorization: AS_HELPLINE },
    payload: intake,
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { reference: string }).reference;
}

async function clickAndLoad(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

const LANGUAGES = [
  {
    locale: 'nl-NL',
    lang: 'nl',
    confirm: 'Klopt dit?',
    reopenedFrom: 'Heropend vanuit',
    later: 'Latere meldingen',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    confirm: 'Is this right?',
    reopenedFrom: 'Reopened from',
    later: 'Later meldingen',
  },
];

test.each(LANGUAGES)('$lang: a casemanager links a running case and reopens a closed one', async (words) => {
  const earlier = await started();
  const running = await started();

  const context = await stack.browser.newContext({ locale: words.locale });
  const page = await context.newPage();
  await logInByKeyboard(page, `${stack.base}/meldingen/${running}`, 'cm-017', 'casemanager-wachtwoord-1');

  // Link: the form, the confirmation (nothing changed yet), then the link on the page.
  await page.fill('#koppelen-reference', earlier.toLowerCase());
  await clickAndLoad(page, '#koppelen-verder');
  expect(await page.locator('#bevestiging').textContent()).toContain(words.confirm);
  expect(await page.locator('#gevolgen').textContent()).toContain(earlier);
  await clickAndLoad(page, '#bevestigen');
  expect(await page.locator('#gekoppeld-aan').textContent()).toContain(earlier);

  // Reopen: the case closes (withdrawn), its page offers the reopening with a reason.
  const withdrawn = await stack.h.app.inject({
    method: 'POST',
    url: `/api/meldingen/${earlier}/decisions/intrekking`,
    headers: { authorization: AS_HELPLINE },
    payload: {},
  });
  expect(withdrawn.statusCode).toBe(200);
  await stack.h.client.workflow.getHandle(earlier).result();
  await page.goto(`${stack.base}/meldingen/${earlier}`);
  await page.selectOption('#heropenen-reason', 'opnieuw_contact');
  await clickAndLoad(page, '#heropenen-verder');
  expect(await page.locator('#bevestiging').textContent()).toContain(words.confirm);
  await clickAndLoad(page, '#bevestigen');
  const fresh = new URL(page.url()).pathname.split('/').pop()!;
  expect(fresh).toMatch(/^CSG-LIM-\d{4}-\d{6}$/);
  expect(fresh).not.toBe(earlier);
  expect(await page.locator('#koppelingen').textContent()).toContain(words.reopenedFrom);
  expect(await page.locator('#heropend-vanuit').textContent()).toContain(earlier);

  // The closed case's page lists the reopening (and the running case linked to it) once
  // visibility has caught up.
  for (let i = 0; i < 40; i++) {
    await page.goto(`${stack.base}/meldingen/${earlier}`);
    const later =
      (await page
        .locator('#later-gekoppeld')
        .textContent()
        .catch(() => '')) ?? '';
    if (later.includes(fresh) && later.includes(running)) break;
    await page.waitForTimeout(500);
  }
  expect(await page.locator('#koppelingen').textContent()).toContain(words.later);
  const later = await page.locator('#later-gekoppeld').textContent();
  expect(later).toContain(fresh);
  expect(later).toContain(running);
  await context.close();
});
