/**
 * A partner's task page in real Chromium, at phone size (375 px wide) and desktop size, in Dutch
 * and English, every state checked with axe (WCAG 2.1 A and AA): the open request takes focus on
 * "accept"; a decline without a reason puts focus on the error summary, whose link leads to the
 * first reason; the decline with a reason says the request went to the next partner. Accepted by
 * keyboard, the page shows the task's state and the schedule form; a date the form cannot read
 * names its field; the appointment, then "done" with an outcome, close the task. No page is wider
 * than a phone. The case behind the page is a double (testkit/taskCase.ts): the pages are what is
 * tested here; the real case's steps are test/web/partnerTasksStack.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { Client } from '@temporalio/client';
import { accessibilityProblems, launchChromium, waitForFocus } from '../../testkit/browser';
import { freePort } from '../../testkit/processes';
import { pathOf, TEST_CONFIG } from '../../testkit/intakeHarness';
import { testAccounts, acceptReplayedCodes } from '../../testkit/staffAccounts';
import { fakeTaskCase, TASK_CASE_REF } from '../../testkit/taskCase';
import { createLogger } from '../../config/logger';
import { createPartnerLinks } from '../../cases/links';
import { buildServer } from '../../web/server';

jest.setTimeout(240_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SIZES = {
  phone: { width: 375, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

const WORDS = {
  nl: {
    locale: 'nl-NL',
    declineFirst: 'Geen capaciteit',
    declined: 'Afgewezen: het verzoek gaat naar de volgende partner',
    accepted: 'Aangenomen: dank u',
    stateAccepted: 'Geaccepteerd',
    dateProblem: 'Vul de datum in als dd-mm-jjjj',
    scheduled: 'Afspraak vastgelegd',
    final: 'Vastgelegd als uitgevoerd: Afgerond',
  },
  en: {
    locale: 'en-GB',
    declineFirst: 'No capacity',
    declined: 'Declined: the request goes to the next partner',
    accepted: 'Accepted: thank you',
    stateAccepted: 'Accepted',
    dateProblem: 'Enter the date as dd-mm-yyyy',
    scheduled: 'Appointment recorded',
    final: 'Recorded as done: Completed',
  },
} as const;

const VARIANTS = (['nl', 'en'] as const).flatMap((lang) =>
  (['phone', 'desktop'] as const).map((size) => ({ lang, size })),
);

/** A server on a free port with a fresh double of the case behind it; its link's address. */
async function serveCase(): Promise<{ app: FastifyInstance; url: string }> {
  const { service } = fakeTaskCase();
  const app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
    meldingen: service,
  });
  const port = await freePort();
  await app.listen({ host: '127.0.0.1', port });
  const links = createPartnerLinks({ baseUrl: TEST_CONFIG.PUBLIC_BASE_URL, secret: TEST_CONFIG.LINK_SECRET });
  const path = pathOf(
    links.actionUrl({
      meldingRef: TASK_CASE_REF,
      requestId: 'fmo-1',
      attempt: 1,
      tier: 'primary',
      expiresAt: new Date(Date.now() + 3600_000),
    }),
  );
  return { app, url: `http://127.0.0.1:${port}${path}` };
}

/** Wider than the window means sideways scrolling on a phone. */
const WIDER_THAN_WINDOW = 'document.documentElement.scrollWidth > window.innerWidth';

async function check(page: Page, where: string, problems: string[]): Promise<void> {
  problems.push(...(await accessibilityProblems(page, where)));
  if (await page.evaluate<boolean>(WIDER_THAN_WINDOW)) problems.push(`${where}: wider than the window`);
}

test.each(VARIANTS)('$lang at $size size: decline with a reason, by keyboard', async ({ lang, size }) => {
  const words = WORDS[lang];
  const { app, url } = await serveCase();
  const context = await browser.newContext({ viewport: SIZES[size], locale: words.locale });
  const page = await context.newPage();
  const problems: string[] = [];
  try {
    await page.goto(url);
    await waitForFocus(page, 'aannemen');
    await check(page, `open (${lang}, ${size})`, problems);

    // Declined without a reason: the summary has focus, its link leads to the first reason.
    await page.click('#afwijzen');
    await waitForFocus(page, 'samenvatting');
    await check(page, `decline problem (${lang}, ${size})`, problems);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'afwijsreden-geen_capaciteit');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#afwijsreden-geen_capaciteit')).toBe(true);
    await Promise.all([page.waitForNavigation(), page.click('#afwijzen')]);
    expect(await page.textContent('h1')).toContain(words.declined);
    expect(await page.textContent('main')).toContain(words.declineFirst);
    await check(page, `declined (${lang}, ${size})`, problems);
  } finally {
    await context.close();
    await app.close();
  }
  expect(problems).toEqual([]);
});

test.each(VARIANTS)(
  '$lang at $size size: accept, schedule (a bad date named), done',
  async ({ lang, size }) => {
    const words = WORDS[lang];
    const { app, url } = await serveCase();
    const context = await browser.newContext({ viewport: SIZES[size], locale: words.locale });
    const page = await context.newPage();
    const problems: string[] = [];
    try {
      await page.goto(url);
      await waitForFocus(page, 'aannemen');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      await waitForFocus(page, 'melding');
      expect(await page.textContent('#melding')).toContain(words.accepted);
      expect(await page.textContent('#stand')).toContain(words.stateAccepted);
      await check(page, `accepted (${lang}, ${size})`, problems);

      // The link is still the partner's way in: opened again, the same task and its next steps.
      await page.goto(url);
      await waitForFocus(page, 'titel');
      await page.fill('#datum', '31-02-2026');
      await page.fill('#tijd', '14:30');
      await page.fill('#plaats', 'Polikliniek Maastricht');
      await Promise.all([page.waitForNavigation(), page.click('#plannen')]);
      await waitForFocus(page, 'samenvatting');
      expect(await page.textContent('#datum-fout')).toContain(words.dateProblem);
      expect(await page.inputValue('#plaats')).toBe('Polikliniek Maastricht');
      await check(page, `schedule problem (${lang}, ${size})`, problems);

      await page.fill('#datum', '14-03-2026');
      await Promise.all([page.waitForNavigation(), page.click('#plannen')]);
      await waitForFocus(page, 'melding');
      expect(await page.textContent('#melding')).toContain(words.scheduled);
      expect(await page.textContent('#stand')).toContain('14-03-2026, 14:30, Polikliniek Maastricht');
      await check(page, `scheduled (${lang}, ${size})`, problems);

      await page.check('#uitkomst-afgerond');
      await Promise.all([page.waitForNavigation(), page.click('#uitgevoerd')]);
      expect(await page.textContent('main')).toContain(words.final);
      await check(page, `final (${lang}, ${size})`, problems);
    } finally {
      await context.close();
      await app.close();
    }
    expect(problems).toEqual([]);
  },
);
