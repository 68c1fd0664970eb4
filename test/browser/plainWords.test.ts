/**
 * No page of the tour shows a raw code: every phase, role, tier, reason and outcome a person reads
 * is the catalogue's word in the page's language (testkit/rawCodes.ts builds the list of codes
 * from domain/vocabulary.ts, so a new code is checked as soon as it exists). Walked in Dutch and
 * in English at desktop size (the words do not change with the size); a failure names the page,
 * the code and the text around it.
 */
import { rawCodesIn } from '../../testkit/rawCodes';
import { startTourStack, stopTourStack, tour, VARIANTS, type TourStack } from '../../testkit/pageTour';

jest.setTimeout(300_000);

let stack: TourStack;

beforeAll(async () => {
  stack = await startTourStack();
});
afterAll(async () => {
  await stopTourStack(stack ?? {});
});

const walks = VARIANTS.filter((v) => v.size === 'desktop');

test.each(walks)('$lang: no page shows a raw code', async (v) => {
  const problems: string[] = [];
  const visited: string[] = [];
  await tour(stack, v, async (name, page) => {
    visited.push(name);
    const text = await page.innerText('body');
    problems.push(...rawCodesIn(text, v.lang).map((p) => `${name} (${v.lang}): ${p}`));
  });
  // The tour reached the pages that show codes most, so a pass is not a pass on nothing.
  expect(visited).toEqual(
    expect.arrayContaining([
      'case-page',
      'partner-handover',
      'ops-overview',
      'ops-case',
      'region-overview',
      'worklist',
    ]),
  );
  expect([...new Set(problems)]).toEqual([]);
});
