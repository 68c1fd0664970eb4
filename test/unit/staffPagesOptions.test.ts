/**
 * The staff pages benchmark's command line: the sizes and counts it measures with, and a clear
 * error naming the option for anything it cannot measure.
 */
import { STAFF_PAGES_FULL, STAFF_PAGES_QUICK, staffPagesOptions } from '../../bench/staffPages';

test('without options the run measures at 1,000 and 50,000 open cases, the quick run at 1,000', () => {
  expect(staffPagesOptions([], STAFF_PAGES_FULL).sizes).toEqual([1_000, 50_000]);
  expect(staffPagesOptions(['--quick'], STAFF_PAGES_QUICK).sizes).toEqual([1_000]);
});

test('the sizes and counts can be set, in both spellings', () => {
  expect(
    staffPagesOptions(
      ['--cases', '2000,20000', '--owned=30', '--flagged', '5', '--views=10'],
      STAFF_PAGES_FULL,
    ),
  ).toEqual({ sizes: [2_000, 20_000], owned: 30, flagged: 5, views: 10 });
});

test.each([
  [['--cases', '1000,lots'], '--cases'],
  [['--owned', '0'], '--owned'],
  [['--views', '2.5'], '--views'],
  [['--cases', '20', '--owned', '40'], '--cases'],
])('%j is refused, naming %s', (argv, option) => {
  expect(() => staffPagesOptions(argv, STAFF_PAGES_FULL)).toThrow(option);
});
