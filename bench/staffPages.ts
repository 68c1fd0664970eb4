/**
 * npx tsx bench/staffPages.ts [--quick] [--cases 1000,50000] [--owned 40] [--flagged 10] [--views 40]
 * (the same as `npm run bench -- --only staff-pages`)
 *
 * Only the staff pages' section of the benchmarks (bench/staffPagesSection.ts): the worklist, the
 * case page and the region overview at each number of open cases. Writes its section of
 * BENCHMARKS.md and .data/bench/staff-pages.json. With CSG_TEST_TEMPORAL_ADDRESS it measures on
 * the server running there, topping up the cases it already holds.
 */
import { progress } from './measure';
import { runStaffPagesSection, type StaffPagesOptions } from './staffPagesSection';

export const STAFF_PAGES_QUICK: StaffPagesOptions = { sizes: [1_000], owned: 40, flagged: 10, views: 20 };
export const STAFF_PAGES_FULL: StaffPagesOptions = {
  sizes: [1_000, 50_000],
  owned: 40,
  flagged: 10,
  views: 40,
};

/** The section's options from the command line, over `base`. */
export function staffPagesOptions(argv: string[], base: StaffPagesOptions): StaffPagesOptions {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1];
  };
  const whole = (name: string, fallback: number) => {
    const raw = get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: a whole number above 0`);
    return value;
  };
  const cases = get('--cases');
  const sizes = cases ? cases.split(',').map(Number) : base.sizes;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--cases: whole numbers, e.g. 1000,50000');
  const options = {
    sizes,
    owned: whole('--owned', base.owned),
    flagged: whole('--flagged', base.flagged),
    views: whole('--views', base.views),
  };
  if (Math.min(...sizes) < options.owned + options.flagged)
    throw new Error('--cases: each size at least --owned plus --flagged');
  return options;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const options = staffPagesOptions(argv, argv.includes('--quick') ? STAFF_PAGES_QUICK : STAFF_PAGES_FULL);
  runStaffPagesSection(options, `npx tsx bench/staffPages.ts ${argv.join(' ')}`.trim()).then(
    (markdown) => {
      progress('done\n');
      process.stdout.write(`\n${markdown}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
