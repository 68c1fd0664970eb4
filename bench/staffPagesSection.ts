/**
 * The staff pages' section of the benchmarks: how fast the casemanager's worklist
 * (/mijn-casussen), the case page (/meldingen/:reference) and the region overview (/regio/:region)
 * answer with growing numbers of open cases, p50/p95/p99 per page, and the Temporal calls one view
 * makes. The cases are made as bench/staffCases.ts says; the pages asked as bench/pageViews.ts
 * says.
 *
 * On the dev server the tests use (in-memory SQLite) with the melding worker in this process; or,
 * with CSG_TEST_TEMPORAL_ADDRESS, on a server already running there (its cases are topped up, not
 * made again: a server filled once serves several runs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startIntakeHarness } from '../testkit/intakeHarness';
import { progress } from './measure';
import { pageBench, type PageTimes } from './pageViews';
import { measureRegionOverview, type RegionOverviewResult } from './regionOverview';
import { updateBenchmarksFile } from './report';
import {
  fillVisibility,
  flagReal,
  MEASURED_CASEMANAGER,
  ownReal,
  visibilityHolds,
  type StaffStack,
} from './staffCases';

/** A staff page should answer within this at the 95th percentile. */
export const TARGET_P95_MS = 300;

/** The real meldingen's task queue: fixed, so a later run against the same server finds them. */
const STAFF_TASK_QUEUE = 'csg-bench-staff';

export interface StaffPagesOptions {
  /** Open cases to measure at, smallest first (the store is topped up from one to the next). */
  sizes: number[];
  /** Real meldingen the measured casemanager owns, in watchful waiting. */
  owned: number;
  /** Real meldingen of the region flagged for the casusoverleg. */
  flagged: number;
  /** Timed views per page and size. */
  views: number;
}

export interface StaffPagesPoint {
  openCases: number;
  /** Filler cases started to reach this size, and how long that took. */
  filled: number;
  fillSeconds: number;
  /** The load average (1/5/15 min) when this size's measuring began. */
  load: string;
  worklist: PageTimes & { cases: number };
  casePage: PageTimes;
  overview: RegionOverviewResult;
}

export interface StaffPagesResult {
  command: string;
  date: string;
  machine: string;
  options: StaffPagesOptions;
  durationS: number;
  points: StaffPagesPoint[];
}

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function measureAt(
  stack: StaffStack,
  pages: Awaited<ReturnType<typeof pageBench>>,
  size: number,
  real: { owned: string[]; flagged: number },
  views: number,
): Promise<StaffPagesPoint> {
  const realCount = real.owned.length + real.flagged;
  progress(`filling to ${size} open cases\n`);
  const fill = await fillVisibility(stack.client, Math.max(0, size - realCount));
  await visibilityHolds(stack.client, size);
  const load = loadNow();
  progress(`${size} open cases in visibility (load ${load}); measuring\n`);
  // A casemanager opens their worklist, then a case on it, again and again.
  const worklist = await pages.time('/mijn-casussen', MEASURED_CASEMANAGER, views, 200);
  const casePage = await pages.time(`/meldingen/${real.owned[0]!}`, MEASURED_CASEMANAGER, views, 200);
  const overview = await measureRegionOverview(stack.client, pages, views);
  return {
    openCases: size,
    filled: fill.started,
    fillSeconds: Math.round(fill.seconds),
    load,
    worklist: { ...worklist, cases: real.owned.length },
    casePage,
    overview,
  };
}

export async function measureStaffPages(
  options: StaffPagesOptions,
  command: string,
): Promise<StaffPagesResult> {
  const started = new Date();
  // The worker's per-case info lines would bury the progress; warnings and errors still show.
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // A runtime is already in place (an earlier section of the run): its logger stays.
  }
  progress('starting the dev server and the worker\n');
  const harness = await startIntakeHarness({ taskQueue: STAFF_TASK_QUEUE });
  const stack: StaffStack = { client: harness.client, taskQueue: harness.taskQueue };
  const pages = await pageBench(stack);
  try {
    progress(`${options.owned} real cases for ${MEASURED_CASEMANAGER}, ${options.flagged} flagged\n`);
    const owned = await ownReal(stack, MEASURED_CASEMANAGER, options.owned);
    await flagReal(stack, options.flagged);
    const points: StaffPagesPoint[] = [];
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      const point = await measureAt(stack, pages, size, { owned, flagged: options.flagged }, options.views);
      points.push(point);
      progress(
        `${size} open cases: worklist p95 ${point.worklist.p95Ms} ms, case page p95 ${point.casePage.p95Ms} ms, overview p95 ${point.overview.page.p95Ms} ms\n`,
      );
    }
    const server = process.env.CSG_TEST_TEMPORAL_ADDRESS;
    return {
      // On a server filled earlier the command says so: its fill time is not this run's.
      command: server ? `CSG_TEST_TEMPORAL_ADDRESS=${server} ${command}` : command,
      date: started.toISOString(),
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? ''}`,
      options,
      durationS: Math.round((Date.now() - started.getTime()) / 1000),
      points,
    };
  } finally {
    await pages.close();
    await harness.stop();
  }
}

const verdict = (ms: number) => (ms <= TARGET_P95_MS ? 'met' : '**missed**');

const failures = (failed: number, of: number, status?: string) =>
  failed ? ` (${failed} of ${of} failed${status ? `: ${status}` : ''})` : '';

function pageRow(size: number, name: string, t: PageTimes): string {
  const w = t.waitedP50Ms;
  const label = `${name}${failures(t.failed, t.views + 1, t.failedStatus?.toString())}`;
  return `| ${size.toLocaleString('en')} | ${label} | ${t.firstViewMs} ms | ${t.p50Ms} ms | ${t.p95Ms} ms | ${t.p99Ms} ms | ${t.calls.visibility} / ${w.visibility} ms | ${t.calls.queries} / ${w.queries} ms | ${t.calls.describes} / ${w.describes} ms | ${verdict(t.p95Ms)} |`;
}

/** For a page that missed the target: which kind of call its views waited on most. */
function dominated(name: string, t: PageTimes): string | undefined {
  if (t.p95Ms <= TARGET_P95_MS) return undefined;
  const kinds = (['visibility', 'queries', 'describes'] as const)
    .map((kind) => ({ kind, ms: t.waitedP50Ms[kind], calls: t.calls[kind] }))
    .sort((x, y) => y.ms - x.ms);
  const top = kinds[0]!;
  const label = { visibility: 'visibility calls', queries: 'queries', describes: 'describes' }[top.kind];
  return `The ${name} missed the target: of its p50 of ${t.p50Ms} ms, ${top.ms} ms went to waiting on its ${top.calls} ${label}.`;
}

/** One size's figures: a section of its own, so a later run at one size replaces only that one. */
export function renderStaffPagesPoint(r: StaffPagesResult, p: StaffPagesPoint): string {
  const size = p.openCases.toLocaleString('en');
  const rows = [
    pageRow(p.openCases, `worklist (${p.worklist.cases} cases)`, p.worklist),
    pageRow(p.openCases, 'case page', p.casePage),
    pageRow(p.openCases, 'region overview', p.overview.page),
    `| ${size} | *overview question alone*${failures(p.overview.questionFailures, r.options.views + 2, p.overview.questionError)} | – | ${p.overview.questionP50Ms} ms | ${p.overview.questionP95Ms} ms | ${p.overview.questionP99Ms} ms | ${p.overview.visibilityCallsPerQuestion} | ${p.overview.stateQueriesPerQuestion} | 0 | ${verdict(p.overview.questionP95Ms)} |`,
  ];
  const misses = [
    dominated('worklist', p.worklist),
    dominated('case page', p.casePage),
    dominated('region overview', p.overview.page),
  ].filter((m): m is string => m !== undefined);
  return [
    `### Staff pages at ${size} open cases (${r.date.slice(0, 16).replace('T', ' ')} UTC)`,
    '',
    `Command: \`${r.command}\` · ${r.machine} · the run took ${Math.max(1, Math.round(r.durationS / 60))} min · **load average ${p.load}** (1/5/15 min, as this size's measuring began) · ` +
      `${r.options.views} views per page, one after another · ${p.overview.inRegion.toLocaleString('en')} open cases in Limburg · ` +
      `${p.filled.toLocaleString('en')} filler cases started for this size in ${p.fillSeconds} s · one visibility count alone p50 ${p.overview.oneCountP50Ms} ms.`,
    '',
    `| open cases | page | first view | p50 | p95 | p99 | visibility calls / waited | queries / waited | describes / waited | p95 under ${TARGET_P95_MS} ms |`,
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    `The worklist is cm-017's: ${r.options.owned} real meldingen they own, in watchful waiting; every other ` +
      'open case is a filler case owned by another casemanager or by none. The case page is one of those ' +
      `cases, asked by cm-017. The overview is Limburg's, asked by ops, with ${r.options.flagged} real flagged cases; ` +
      'its page answers from the figures kept fresh (the first view waits for the question, later ones ' +
      'refresh behind their answer), and the question alone is what each refresh costs. Calls are those of ' +
      'one view (the most any view made; a list counts once however many pages it reads); "waited" is the ' +
      'median time a view spent between asking the first call of that kind and the last answer (calls ' +
      'made at once overlap).' +
      (misses.length ? ` ${misses.join(' ')}` : ''),
  ].join('\n');
}

/** Runs the section and writes its parts of BENCHMARKS.md (one per size) and .data/bench/staff-pages.json. */
export async function runStaffPagesSection(options: StaffPagesOptions, command: string): Promise<string> {
  const result = await measureStaffPages(options, command);
  const outDir = join('.data', 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'staff-pages.json'), JSON.stringify(result, null, 2));
  const sections = result.points.map((point) => {
    const markdown = renderStaffPagesPoint(result, point);
    updateBenchmarksFile(`staff-pages-${point.openCases}`, markdown);
    return markdown;
  });
  return sections.join('\n\n');
}
