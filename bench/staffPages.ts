/**
 * npx tsx bench/staffPages.ts [--cases 50000] [--views 40] [--flagged 10]
 *
 * The staff pages' section of the benchmarks: the region overview's response time with that many
 * open cases (bench/regionOverview.ts says how they are made). On the dev server the tests use
 * (in-memory SQLite: filling 50,000 executions into the file-backed store of `npm run bench`
 * takes some 45 minutes at its 20 starts a second) with the melding worker in this process.
 * Writes its section of BENCHMARKS.md and .data/bench/staff-pages.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { progress } from './measure';
import { measureRegionOverview, type RegionOverviewResult } from './regionOverview';
import { updateBenchmarksFile } from './report';
import { startIntakeHarness } from '../testkit/intakeHarness';

/** The page should answer within this at the 95th percentile. */
const TARGET_P95_MS = 300;

function numberArg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}: a whole number`);
  return value;
}

function renderMarkdown(
  r: RegionOverviewResult,
  meta: { command: string; date: string; machine: string; load: string },
): string {
  const verdict = (ms: number) => (ms <= TARGET_P95_MS ? 'within' : 'over');
  return [
    `### Staff pages: the region overview (${meta.date.slice(0, 10)})`,
    '',
    `\`${meta.command}\` on ${meta.machine}; load average at the start ${meta.load}.`,
    '',
    '| open cases | in the region | flagged | question p50 | question p95 | one count p50 | first view | page p50 | page p95 | page p99 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${r.openCases.toLocaleString('en')} | ${r.inRegion.toLocaleString('en')} | ${r.flagged} | ${r.questionP50Ms} ms | ${r.questionP95Ms} ms | ${r.oneCountP50Ms} ms | ${r.firstViewMs} ms | ${r.p50Ms} ms | ${r.p95Ms} ms | ${r.p99Ms} ms |`,
    '',
    `The question (all of a region's figures from visibility) made ${r.visibilityCallsPerView} visibility ` +
      `calls, all at once, and ${r.stateQueriesPerView} state queries (the flagged cases' notes); its p95 is ` +
      `${verdict(r.questionP95Ms)} the target of ${TARGET_P95_MS} ms. The page answers from the kept figures ` +
      `(${r.views} views, one every half second): p95 ${verdict(r.p95Ms)} the target. ` +
      `Filling the store took ${r.fillSeconds} s.`,
  ].join('\n');
}

async function main() {
  const argv = process.argv.slice(2);
  const options = {
    openCases: numberArg(argv, '--cases', 50_000),
    views: numberArg(argv, '--views', 40),
    flagged: numberArg(argv, '--flagged', 10),
  };
  const started = new Date();
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  progress('starting the dev server and the worker\n');
  const harness = await startIntakeHarness();
  try {
    const result = await measureRegionOverview(harness, options);
    const meta = {
      command: `npx tsx bench/staffPages.ts ${argv.join(' ')}`.trim(),
      date: started.toISOString(),
      load,
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? ''}`,
    };
    const outDir = join('.data', 'bench');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'staff-pages.json'), JSON.stringify({ ...meta, result }, null, 2));
    const markdown = renderMarkdown(result, meta);
    updateBenchmarksFile('staff-pages', markdown);
    process.stdout.write(`\n${markdown}\n`);
  } finally {
    await harness.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
