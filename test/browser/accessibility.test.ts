/**
 * Every page a person reads passes axe-core's WCAG 2.1 A and AA rules, in Dutch and English, at
 * phone size (390 × 844) and desktop size (1280 × 900): the login, the intake form and its error
 * state, the triage result, the case page with its forms and confirmations, find-again with a
 * result, the partner page from a signed link, the ops overview and its case page, the 404 and 403
 * pages and the codec server's login. The pages are those of the gallery's tour
 * (testkit/pageTour.ts): a page added there is checked here too. A failure lists each problem by
 * page, language, size, rule and element.
 */
import { accessibilityProblems } from '../../testkit/browser';
import { startTourStack, stopTourStack, tour, VARIANTS, type TourStack } from '../../testkit/pageTour';

jest.setTimeout(300_000);

let stack: TourStack;

beforeAll(async () => {
  stack = await startTourStack();
});
afterAll(async () => {
  await stopTourStack(stack ?? {});
});

test.each(VARIANTS)('$lang at $size size: every page passes WCAG 2.1 A and AA', async (v) => {
  const problems: string[] = [];
  const visited: string[] = [];
  await tour(stack, v, async (name, page) => {
    visited.push(name);
    problems.push(...(await accessibilityProblems(page, `${name} (${v.lang}, ${v.size})`)));
  });
  // The tour reached the pages it is meant to check, so a pass is not a pass on nothing.
  expect(visited).toEqual(
    expect.arrayContaining(['login', 'intake-problems', 'triage-result', 'case-page', 'partner-handover']),
  );
  expect(visited).toEqual(expect.arrayContaining(['ops-overview', 'ops-case', 'codec-login', 'forbidden']));
  expect(problems).toEqual([]);
});
