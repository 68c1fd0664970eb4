/**
 * The ops page in real Chromium: an ops member at 3 a.m. finds the overdue case,
 * gives its handover to the backup casemanager, is refused a close without a reason, then closes
 * it; each step is in the history with the ops id. Helpline staff get 403.
 */
import { useBrowserStack } from '../../testkit/browserStack';
import { testCode } from '../../testkit/staffAccounts';
import type { Page } from 'playwright-core';
import { startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';

jest.setTimeout(180_000);

const stack = useBrowserStack();

async function login(page: Page, id: string, password: string, next: string) {
  await page.goto(`${stack.base}${next}`);
  await page.fill('#id', id);
  await page.fill('#wachtwoord', password);
  await page.fill('#code', testCode(id));
  await Promise.all([page.waitForURL(`${stack.base}${next}`), page.keyboard.press('Enter')]);
}

async function handoverCase(): Promise<string> {
  const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  expect((await startMelding(stack.h.client, stack.h.taskQueue, intake)).status).toBe('started');
  for (let i = 0; i < 100; i++) {
    if (stack.h.sent.some((s) => s.message.meldingRef === intake.reference)) return intake.reference;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the handover was never sent');
}

test('helpline staff are refused the ops page', async () => {
  const page = await stack.browser.newPage({ locale: 'nl-NL' });
  await login(page, 'helpline-017', 'helpline-wachtwoord-1', '/ops');
  const again = await page.reload();
  expect(again?.status()).toBe(403);
  expect(await page.textContent('h1')).toBe('Geen toegang');
  await page.close();
});

test('ops re-assign the handover and close the case from the page; the history shows who', async () => {
  const ref = await handoverCase();
  const page = await stack.browser.newPage({ locale: 'nl-NL' });
  await login(page, 'ops', 'ops-wachtwoord-123', '/ops');
  expect(new URL(page.url()).pathname).toBe('/ops');

  await page.fill('#referentie', ref);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${stack.base}/ops/meldingen/${ref}`);
  expect(await page.textContent('main')).toContain(
    'Overdracht aan de piket-casemanager (casemanager): wacht op casemanager (piket)',
  );

  await page.selectOption('#toTier', 'backup');
  await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
  await page.waitForURL(`${stack.base}/ops/meldingen/${ref}?gedaan=toewijzing`);
  expect(await page.textContent('[role=status]')).toContain('aan de andere casemanager gegeven');
  expect(await page.textContent('main')).toContain(
    'Overdracht aan de piket-casemanager (casemanager): wacht op casemanager (achterwacht)',
  );

  // No reason chosen: refused, naming the field; the case stays open.
  // (The browser would not send the form without a choice: `required`. Sent anyway, as a bot might.)
  await page.$eval('#reason', (el) => ((el as unknown as { required: boolean }).required = false));
  const refused = page.waitForResponse((r) => r.url().endsWith('/sluiting'));
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  expect((await refused).status()).toBe(400);
  await page.waitForLoadState();
  expect(await page.textContent('[role=status]')).toContain('Kies een reden om de melding te sluiten.');
  expect((await stack.h.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');

  await page.selectOption('#reason', 'dubbele_melding');
  await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
  await page.waitForURL(`${stack.base}/ops/meldingen/${ref}?gedaan=sluiting`);
  expect(await stack.h.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'gesloten' });

  const rows = await page.$$eval('tbody tr', (trs) =>
    trs.map((tr) => (tr as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()),
  );
  expect(rows).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /ops ops-actie Overdracht aan een andere casemanager gegeven casemanager \(piket\) → casemanager \(achterwacht\)/,
      ),
      expect.stringMatching(
        /ops ops-actie Melding gesloten Dubbele melding \(de andere melding loopt door\)/,
      ),
    ]),
  );
  await page.close();
});
