/**
 * Watchful waiting run from the worklist and the case page, in real Chromium and in each language:
 * a casemanager opens the worklist, follows a due check-in's "record contact" link straight to the
 * form, records by keyboard that the victim was reached (with the next contact) and sees the
 * contact in the list and the plan moved; records "not reached" with a retry time; adds, moves and
 * cancels a check-in; and a date the form cannot read names its field and changes nothing.
 */
import { useBrowserStack } from '../../testkit/browserStack';
import type { Page } from 'playwright-core';
import { logInByKeyboard, tabTo, waitForFocus } from '../../testkit/browser';
import { buildIntake } from '../../testkit/meldingFixtures';
import { AS_CASEMANAGER, AS_HELPLINE } from '../../testkit/intakeHarness';
import { formatLocal, parseLocalDateTime } from '../../domain/localTime';
import { caseState, type CaseState } from '../../workflows/messages';

jest.setTimeout(240_000);

const stack = useBrowserStack();

const api = (authorization: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  stack.h.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

const stateOf = (reference: string): Promise<CaseState> =>
  stack.h.client.workflow.getHandle(reference).query(caseState);

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Dutch date `days` from now, as the form asks it. */
/** How pages show a moment typed as a Dutch date and time. */
function shown(date: string, time: string): string {
  const parsed = parseLocalDateTime(date, time, new Date());
  if (!parsed.ok) throw new Error(`unreadable ${date} ${time}`);
  return formatLocal(parsed.iso);
}

const dutchDate = (days: number) =>
  formatLocal(new Date(Date.now() + days * 86_400_000).toISOString()).split(/,?\s/)[0]!;

/**
 * A case cm-017 took over, in watchful waiting, with a check-in added a few minutes from now: due
 * today, so the worklist lists it under today's with its link.
 */
async function dueToday(): Promise<string> {
  const { reference: _made, ...intake } = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const started = await api(AS_HELPLINE, 'POST', '/api/meldingen', intake);
  expect(started.statusCode).toBe(201);
  const { reference } = started.json() as { reference: string };
  await until('the handover request', async () =>
    (await stateOf(reference)).openRequests.some((r) => r.kind === 'casemanager_overdracht'),
  );
  const ack = await api(
    AS_CASEMANAGER,
    'POST',
    `/api/meldingen/${reference}/decisions/ontvangstbevestiging`,
    {
      requestId: 'casemanager_overdracht',
    },
  );
  expect(ack.statusCode).toBe(200);
  const soon = new Date(Date.now() + 5 * 60_000).toISOString();
  const planned = await api(AS_CASEMANAGER, 'POST', `/api/meldingen/${reference}/decisions/planning`, {
    action: 'toevoegen',
    at: soon,
  });
  expect(planned.statusCode).toBe(200);
  await until('the case on the worklist', async () =>
    (
      (await api(AS_CASEMANAGER, 'GET', '/api/mijn-casussen')).json() as {
        cases: Array<{ reference: string }>;
      }
    ).cases.some((c) => c.reference === reference),
  );
  return reference;
}

const LANGUAGES = [
  {
    locale: 'nl-NL',
    lang: 'nl',
    recordContact: 'Contact vastleggen',
    recorded: 'Het contact is vastgelegd.',
    doingWell: 'Gaat goed',
    notReached: 'Niet bereikt; nieuwe poging',
    added: 'Het contactmoment is toegevoegd.',
    moved: 'Het contactmoment is verplaatst.',
    cancelled: 'Het contactmoment is geannuleerd.',
    cancelledStatus: 'geannuleerd',
    badDate: 'Vul een datum in als dd-mm-jjjj',
  },
  {
    locale: 'en-GB',
    lang: 'en',
    recordContact: 'Record contact',
    recorded: 'The contact is recorded.',
    doingWell: 'Doing well',
    notReached: 'Not reached; next attempt',
    added: 'The check-in is added.',
    moved: 'The check-in is moved.',
    cancelled: 'The check-in is cancelled.',
    cancelledStatus: 'cancelled',
    badDate: 'Enter a date as dd-mm-yyyy',
  },
];

/** Submits a form by its button and waits for the page that answers. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click(button)]);
}

test.each(LANGUAGES)(
  '$lang: from the worklist to the contact form, a month of check-ins recorded and planned',
  async (words) => {
    const reference = await dueToday();
    const context = await stack.browser.newContext({ locale: words.locale });
    const page = await context.newPage();
    await logInByKeyboard(page, `${stack.base}/mijn-casussen`, 'cm-017', 'casemanager-wachtwoord-1');
    await waitForFocus(page, 'titel');

    // The due check-in's row links straight to the case page's contact form.
    const link = page.locator(`#contact-${reference}`);
    expect((await link.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `${words.recordContact} ${reference}`,
    );
    await tabTo(page, `contact-${reference}`);
    await Promise.all([
      page.waitForURL(`${stack.base}/meldingen/${reference}#besluit-contactmoment`),
      page.keyboard.press('Enter'),
    ]);

    const nextBefore = (await stateOf(reference))
      .checkInPlan!.filter((c) => c.status === 'gepland')
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0]!;
    // Reached, doing well, the next contact in five days: by keyboard alone.
    const next = dutchDate(5);
    await tabTo(page, 'contactmoment-reached-true', 10);
    await page.keyboard.press('Space');
    // Once reached is chosen, the outcome and the next contact show; the retry stays hidden.
    expect(await page.isVisible('#contactmoment-retryDatum')).toBe(false);
    await tabTo(page, 'contactmoment-outcome-gaat_goed', 5);
    await page.keyboard.press('Space');
    await tabTo(page, 'contactmoment-nextDatum', 5);
    await page.keyboard.type(next);
    await tabTo(page, 'contactmoment-nextTijd', 3);
    await page.keyboard.type('10:30');
    await tabTo(page, 'contactmoment-note', 3);
    await page.keyboard.type('Slaapt weer beter');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await waitForFocus(page, 'gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.recorded);
    const contacts = (await page.textContent('#contacten')) ?? '';
    expect(contacts).toContain(words.doingWell);
    expect(contacts).toContain('Slaapt weer beter');
    expect(contacts).toContain('cm-017');
    // The plan moved: the check-in that was next is at the moment given.
    const moved = (await stateOf(reference)).checkInPlan!.find((c) => c.id === nextBefore.id)!;
    expect(formatLocal(moved.at)).toBe(shown(next, '10:30'));
    expect(await page.textContent(`#plan-${moved.id}`)).toContain(shown(next, '10:30'));

    // Not reached: try again tomorrow morning.
    const tomorrow = dutchDate(1);
    await page.check('#contactmoment-reached-false');
    await page.fill('#contactmoment-retryDatum', tomorrow);
    await page.fill('#contactmoment-retryTijd', '09:15');
    await submit(page, '#contactmoment-verder');
    await waitForFocus(page, 'gedaan');
    expect(await page.textContent('#contacten')).toContain(`${words.notReached} ${shown(tomorrow, '09:15')}`);
    const retry = (await stateOf(reference)).checkInPlan!.find((c) => c.id.startsWith('checkin-poging-'))!;
    expect(await page.textContent(`#plan-${retry.id}`)).toContain(shown(tomorrow, '09:15'));

    // A date the form cannot read: named with its field, the plan as it was.
    const planBefore = await page.textContent('#contactplan');
    await page.fill('#planning_toevoegen-planDatum', '32-13-2026');
    await page.fill('#planning_toevoegen-planTijd', '14:00');
    await submit(page, '#planning_toevoegen-verder');
    await waitForFocus(page, 'problemen');
    const problem = page.locator('#problemen a[href="#planning_toevoegen-planDatum"]');
    expect(await problem.textContent()).toContain(words.badDate);
    expect(await page.getAttribute('#planning_toevoegen-planDatum', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#planning_toevoegen-planDatum', 'aria-describedby')).toBe(
      'planning_toevoegen-planDatum-fout',
    );
    expect(await page.textContent('#contactplan')).toBe(planBefore);

    // Add a check-in in ten days, move it to eleven, cancel it.
    const add = dutchDate(10);
    await page.fill('#planning_toevoegen-planDatum', add);
    await page.fill('#planning_toevoegen-planTijd', '14:00');
    await submit(page, '#planning_toevoegen-verder');
    await waitForFocus(page, 'gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.added);
    const extra = (await stateOf(reference))
      .checkInPlan!.filter((c) => c.id.startsWith('checkin-extra-'))
      .at(-1)!;
    expect(await page.textContent(`#plan-${extra.id}`)).toContain(shown(add, '14:00'));

    const move = dutchDate(11);
    await page.selectOption('#planning_verplaatsen-checkInId', extra.id);
    await page.fill('#planning_verplaatsen-planDatum', move);
    await page.fill('#planning_verplaatsen-planTijd', '15:30');
    await submit(page, '#planning_verplaatsen-verder');
    await waitForFocus(page, 'gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.moved);
    expect(await page.textContent(`#plan-${extra.id}`)).toContain(shown(move, '15:30'));

    await page.selectOption('#planning_annuleren-checkInId', extra.id);
    await submit(page, '#planning_annuleren-verder');
    await waitForFocus(page, 'gedaan');
    expect(await page.textContent('#gedaan')).toContain(words.cancelled);
    expect(await page.textContent(`#plan-${extra.id}`)).toContain(words.cancelledStatus);
    await context.close();
  },
);
