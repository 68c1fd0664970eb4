/**
 * The tour of every page a person reads, shared by the gallery (a screenshot of each) and the
 * accessibility test (axe on each): one stack (a throwaway Temporal dev server, a worker with the
 * real workflow, the intake service, the same service two days on for the ops overview, the codec
 * server, Debian's Chromium) and one walk through sample cases with invented people, calling
 * `visit` at every page. A new page joins both by a `visit` here; the stack is testkit/tourStack.ts.
 */
import { stripVTControlCharacters } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { getCaseState } from '../cases/meldingClient';
import { walkAsCasemanager } from './pageTourCasemanager';
import {
  go,
  login,
  opsLaterClock,
  PAGE_TIMEOUT_MS,
  PageFailed,
  SIZES,
  waitFor,
  type TourStack,
  type Variant,
  type Visit,
} from './tourStack';

export {
  PAGE_TIMEOUT_MS,
  PageFailed,
  SIZES,
  startTourStack,
  stopTourStack,
  VARIANTS,
  type Size,
  type TourStack,
  type Variant,
  type Visit,
} from './tourStack';

export type Step = (name: string, steps: () => Promise<void>, on: Page, part?: string) => Promise<void>;

/** One walk: every page in order, `visit` at each. */
export async function tour(stack: TourStack, v: Variant, visit: Visit): Promise<void> {
  const context = await stack.browser.newContext({ locale: v.locale, viewport: SIZES[v.size] });
  try {
    await walk(stack, v, context, step);
  } finally {
    await context.close();
  }

  /** Runs one page's steps and visits it; any failure names the page. */
  async function step(name: string, steps: () => Promise<void>, on: Page, part?: string): Promise<void> {
    try {
      await steps();
    } catch (error) {
      // Playwright's first line says what timed out, a later one what it waited for.
      const message = error instanceof Error ? error.message : String(error);
      const lines = stripVTControlCharacters(message).split('\n');
      const why = [lines[0], lines.find((l) => l.includes('waiting for'))?.trim()].filter(Boolean).join(' ');
      throw new PageFailed(`the page "${name}" (${v.lang}, ${v.size}) did not load: ${why}`);
    }
    await visit(name, on, part);
  }
}

async function walk(
  stack: TourStack,
  v: Variant,
  context: Awaited<ReturnType<Browser['newContext']>>,
  step: Step,
): Promise<void> {
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  const page = await context.newPage();
  const { base, h } = stack;

  await step(
    'login',
    async () => {
      await go(page, `${base}/meldingen/nieuw`);
      await page.waitForSelector('#wachtwoord');
    },
    page,
  );
  await step(
    'not-found',
    async () => {
      await go(page, `${base}/bestaat-niet`, 404);
      await page.waitForSelector('h1');
    },
    page,
  );
  await login(page, base, '/meldingen/nieuw', 'helpline-017', 'helpline-wachtwoord-1');
  await step('intake-empty', () => page.waitForSelector('#kanaal').then(() => undefined), page);

  // A melding as it comes in on the phone: still undecided about the police, wanting medical care;
  // first with a phone number the form refuses.
  await step(
    'intake-problems',
    async () => {
      await page.check('#beller-slachtoffer');
      await page.check('#tijdsoort-exact');
      await page.fill('#datum', v.yesterday);
      await page.fill('#tijd', '23:00');
      await page.fill('#leeftijd', '24');
      await page.fill('#gemeente', 'Maastricht');
      await page.check('#politie-twijfel');
      await page.check('#medisch-ja');
      await page.fill('#naam', v.person.name);
      await page.fill('#telefoon', 'bel me');
      await page.check('#veilig-bellen');
      await Promise.all([page.waitForEvent('load'), page.press('#telefoon', 'Enter')]);
      await page.waitForSelector('#samenvatting');
    },
    page,
  );
  await step(
    'triage-result',
    async () => {
      await page.fill('#telefoon', v.person.phone);
      await Promise.all([page.waitForEvent('load'), page.press('#telefoon', 'Enter')]);
      await page.waitForSelector('#resultaat');
    },
    page,
  );
  const reference = (await page.textContent('#referentie'))?.trim() ?? '';
  if (!reference) throw new PageFailed(`the page "triage-result" (${v.lang}, ${v.size}) shows no reference`);

  // The partner requests go out at once; the case page then lists them as open.
  await waitFor(
    `the requests of ${reference}`,
    () => (h.sent.some((s) => s.message.meldingRef === reference) ? true : undefined),
    PAGE_TIMEOUT_MS,
  );
  await step(
    'decision-confirm',
    async () => {
      await go(page, `${base}/meldingen/${reference}`);
      await page.selectOption('#toestemming-role', 'zedenpolitie');
      await page.check('#toestemming-given-true');
      await Promise.all([page.waitForEvent('load'), page.click('#toestemming-verder')]);
      await page.waitForSelector('#bevestiging');
    },
    page,
  );
  await step(
    'case-page',
    async () => {
      await Promise.all([page.waitForEvent('load'), page.click('#bevestigen')]);
      await page.waitForSelector('#gedaan');
      await page.check('#politiewens-wish-ja');
      await Promise.all([page.waitForEvent('load'), page.click('#politiewens-verder')]);
      await page.waitForSelector('#bevestiging');
      await Promise.all([page.waitForEvent('load'), page.click('#bevestigen')]);
      await page.waitForSelector('#gedaan');
      await page.waitForSelector('#tijdlijn');
    },
    page,
  );

  // Visibility follows a start shortly after: a search before it finds nothing and is repeated.
  await step(
    'find-hit',
    async () => {
      await waitFor(
        `a search by phone finding ${reference}`,
        async () => {
          await go(page, `${base}/meldingen/zoeken`);
          await page.fill('#telefoon', v.person.phone);
          await Promise.all([page.waitForEvent('load'), page.press('#telefoon', 'Enter')]);
          const hit = page.locator('tbody tr a', { hasText: reference });
          return (await hit.count()) > 0 ? true : undefined;
        },
        PAGE_TIMEOUT_MS,
      );
    },
    page,
  );
  // The helpline may not use the ops room.
  await step(
    'forbidden',
    async () => {
      await go(page, `${base}/ops`, 403);
      await page.waitForSelector('h1');
    },
    page,
  );

  // The casemanager's handover link, as it arrives in the mail: no login.
  const partner = await context.newPage();
  await step(
    'partner-handover',
    async () => {
      const link = await waitFor(
        `the handover link of ${reference}`,
        () =>
          h.sent.find(
            (s) => s.message.meldingRef === reference && s.message.requestId === 'casemanager_overdracht',
          )?.actionUrl,
        PAGE_TIMEOUT_MS,
      );
      await go(partner, link);
      await partner.waitForSelector('h1');
    },
    partner,
  );

  const waiting = await walkAsCasemanager(stack, v, reference, context.browser()!, step);

  const ops = await context.newPage();
  await step(
    'ops-overview',
    async () => {
      await login(ops, stack.opsLaterBase, '/ops', 'ops', 'ops-wachtwoord-123', opsLaterClock());
      await ops.waitForSelector('#referentie');
    },
    ops,
  );
  await step(
    'ops-case',
    async () => {
      await go(ops, `${stack.opsLaterBase}/ops/meldingen/${reference}`);
      await ops.waitForSelector('main');
    },
    ops,
  );
  // The case that waits on the besluit after failed contacts, as ops (who may take it) see it.
  await step(
    'contact-besluit',
    async () => {
      await waitFor(
        'the besluit after failed contacts',
        async () =>
          (await getCaseState(h.client, waiting)).openRequests.some((r) => r.kind === 'contactpogingen') ||
          undefined,
        PAGE_TIMEOUT_MS,
      );
      await go(ops, `${stack.opsLaterBase}/meldingen/${waiting}`);
      await ops.waitForSelector('#besluit-contactpogingen');
    },
    ops,
    '#contactmomenten',
  );
  await step(
    'region-overview',
    async () => {
      await go(ops, `${stack.opsLaterBase}/regio/limburg`);
      await ops.waitForSelector('main h1');
    },
    ops,
  );
  await step(
    'codec-login',
    async () => {
      await go(ops, `${stack.codecBase}/inloggen`);
      await ops.waitForSelector('form');
    },
    ops,
  );
}
