/**
 * Every page a person reads passes axe-core's WCAG 2.1 A and AA rules, in Dutch and English, at
 * phone size (390 × 844) and desktop size (1280 × 900): the login, the intake form and its error
 * state, the triage result, the case page with its forms and confirmations, find-again with a
 * result, the partner page from a signed link, the ops overview and its case page, the 404 and 403
 * pages and the codec server's login; and the triage result's focus frame stays clear of the
 * logout button. The pages are those of the gallery's tour
 * (testkit/pageTour.ts): a page added there is checked here too. A failure lists each problem by
 * page, language, size, rule and element.
 */
import { accessibilityProblems, waitForFocus } from '../../testkit/browser';
import { startTourStack, stopTourStack, tour, VARIANTS, type TourStack } from '../../testkit/pageTour';

jest.setTimeout(300_000);

let stack: TourStack;

beforeAll(async () => {
  stack = await startTourStack();
});
afterAll(async () => {
  await stopTourStack(stack ?? {});
});

/**
 * How far the focus frame of the element with focus reaches into the logout button, in pixels
 * (0: clear of it). Measured rather than judged by eye: axe does not check overlaps.
 */
const FRAME_OVER_LOGOUT = `(() => {
  const el = document.activeElement;
  const button = document.querySelector('form[action="/uitloggen"] button');
  if (!el || !button) return -1;
  const style = getComputedStyle(el);
  const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  const f = el.getBoundingClientRect();
  const b = button.getBoundingClientRect();
  const x = Math.min(f.right + reach, b.right) - Math.max(f.left - reach, b.left);
  const y = Math.min(f.bottom + reach, b.bottom) - Math.max(f.top - reach, b.top);
  return x > 0 && y > 0 ? Math.round(Math.min(x, y)) : 0;
})()`;

test.each(VARIANTS)('$lang at $size size: every page passes WCAG 2.1 A and AA', async (v) => {
  const problems: string[] = [];
  const visited: string[] = [];
  await tour(stack, v, async (name, page) => {
    visited.push(name);
    problems.push(...(await accessibilityProblems(page, `${name} (${v.lang}, ${v.size})`)));
    if (name === 'triage-result') {
      // The result takes focus on arrival; its frame must leave the logout button above it clear.
      await waitForFocus(page, 'resultaat');
      const over = await page.evaluate<number>(FRAME_OVER_LOGOUT);
      if (over !== 0)
        problems.push(`${name} (${v.lang}, ${v.size}): focus frame over the logout button (${over})`);
    }
  });
  // The tour reached the pages it is meant to check, so a pass is not a pass on nothing.
  expect(visited).toEqual(
    expect.arrayContaining(['login', 'intake-problems', 'triage-result', 'case-page', 'partner-handover']),
  );
  expect(visited).toEqual(
    expect.arrayContaining([
      'ops-overview',
      'ops-case',
      'region-overview',
      'worklist',
      'contact-form',
      'contact-problems',
      'contact-recorded',
      'contact-besluit',
      'codec-login',
      'forbidden',
    ]),
  );
  expect(problems).toEqual([]);
});
