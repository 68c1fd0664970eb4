/**
 * The casemanager's part of the page tour (testkit/pageTour.ts): their correction, reopening and
 * linking pages, the check-ins' forms and their worklist, in a browser session of their own.
 */
import type { Browser } from 'playwright-core';
import { decide, getCaseState, startMelding } from '../cases/meldingClient';
import { formatLocal } from '../domain/localTime';
import { buildIntake } from './meldingFixtures';
import type { Step } from './pageTour';
import { login, PAGE_TIMEOUT_MS, SIZES, waitFor, type TourStack, type Variant } from './tourStack';

/**
 * The casemanager's pages, in a session of their own (the helpline may not correct the age): the
 * age correction of the walk's case and its confirmation (at 14 the FMO moves to the NFI; not
 * confirmed, so the case stays as it is), then the same person again: a closed melding reopened,
 * and the new one linked to the walk's case; last their worklist, with a case they took over.
 */
export async function walkAsCasemanager(
  stack: TourStack,
  v: Variant,
  reference: string,
  browser: Browser,
  step: Step,
): Promise<string> {
  const { base, h } = stack;
  const context = await browser.newContext({ locale: v.locale, viewport: SIZES[v.size] });
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  const cm = await context.newPage();
  const load = (selector: string) => Promise.all([cm.waitForEvent('load'), cm.click(selector)]);
  try {
    await login(cm, base, `/meldingen/${reference}`, 'cm-017', 'casemanager-wachtwoord-1');
    await step(
      'correction-form',
      async () => {
        await cm.fill('#leeftijd-victimAge', '14');
        await cm.selectOption('#leeftijd-reason', 'invoerfout');
      },
      cm,
      '#besluit-leeftijd',
    );
    await step(
      'correction-confirm',
      async () => {
        await load('#leeftijd-verder');
        await cm.waitForSelector('#gevolgen');
      },
      cm,
    );

    // An earlier melding of the same person, withdrawn and closed, then reopened from its page.
    const earlier = buildIntake({ municipality: 'Maastricht' });
    await startMelding(h.client, h.taskQueue, earlier);
    await decide(h.client, earlier.reference, { type: 'intrekking', input: { by: 'helpline-017' } });
    await h.client.workflow.getHandle(earlier.reference).result();
    await step(
      'case-links',
      async () => {
        await cm.goto(`${base}/meldingen/${earlier.reference}`);
        await cm.selectOption('#heropenen-reason', 'opnieuw_contact');
        await load('#heropenen-verder');
        await load('#bevestigen');
        await cm.waitForSelector('#heropend-vanuit');
        await cm.fill('#koppelen-reference', reference);
        await load('#koppelen-verder');
        await load('#bevestigen');
        await cm.waitForSelector('#gekoppeld-aan');
      },
      cm,
      '#koppelingen',
    );

    // The casemanager's start page, with a case they took over (visibility lists it a moment later).
    const mine = buildIntake({ municipality: 'Heerlen', wishes: { police: 'nee', medicalCare: 'nee' } });
    await startMelding(h.client, h.taskQueue, mine);
    await waitFor(
      'the handover request',
      async () =>
        (await getCaseState(h.client, mine.reference)).openRequests.some(
          (r) => r.kind === 'casemanager_overdracht',
        ) || undefined,
      PAGE_TIMEOUT_MS,
    );
    await decide(h.client, mine.reference, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-017' },
    });
    await step(
      'worklist',
      async () => {
        await waitFor(
          'the case on the worklist',
          async () => {
            await cm.goto(`${base}/mijn-casussen`);
            return (await cm.locator(`#melding-${mine.reference}`).count()) > 0 || undefined;
          },
          PAGE_TIMEOUT_MS,
        );
      },
      cm,
    );

    // Watchful waiting on the case page: the contact form, its problem with a date, a contact
    // recorded, and the confirmation of the extension to six months.
    await step(
      'contact-form',
      async () => {
        await cm.goto(`${base}/meldingen/${mine.reference}#besluit-contactmoment`);
        await cm.check('#contactmoment-reached-false');
        await cm.fill('#contactmoment-retryDatum', 'morgen');
        await cm.fill('#contactmoment-retryTijd', '09:00');
      },
      cm,
      '#contactmomenten',
    );
    await step(
      'contact-problems',
      async () => {
        await load('#contactmoment-verder');
        await cm.waitForSelector('#problemen');
      },
      cm,
    );
    await step(
      'contact-recorded',
      async () => {
        const tomorrow = formatLocal(new Date(Date.now() + 86_400_000).toISOString()).split(/,?\s/)[0]!;
        await cm.fill('#contactmoment-retryDatum', tomorrow);
        await load('#contactmoment-verder');
        await cm.waitForSelector('#gedaan');
        await cm.waitForSelector('#contacten tbody tr');
      },
      cm,
      '#contactmomenten',
    );
    await step(
      'extension-confirm',
      async () => {
        await load('#verlenging-verder');
        await cm.waitForSelector('#gevolgen');
      },
      cm,
    );
    // Two more failed attempts: the coordinator (or ops) decides how to go on.
    for (const days of [2, 3]) {
      await decide(h.client, mine.reference, {
        type: 'contactmoment',
        input: {
          reached: false,
          retryAt: new Date(Date.now() + days * 86_400_000).toISOString(),
          by: 'cm-017',
        },
      });
    }
    return mine.reference;
  } finally {
    await context.close();
  }
}
