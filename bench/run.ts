/**
 * npm run bench [-- --quick] [--profile dev|cluster] [--workers N] [--only staff-pages]
 *
 * Measures, in one run on this machine: intake-to-casemanager-notified latency and sustained
 * meldingen per second at three offered loads plus a saturation probe, the same for the baseline
 * workflow (the engine's floor), the size of full-pathway histories against Temporal's limits,
 * the memory of workers and server with growing numbers of open cases, and a timer storm; then
 * the staff pages (worklist, case page, region overview) at 1,000 and 50,000 open cases
 * (bench/staffPagesSection.ts; `--only staff-pages` runs that section alone, with its options
 * from bench/staffPages.ts: --cases, --owned, --flagged, --views).
 * Prints a table, writes .data/bench/latest.json and BENCHMARKS.md (the latest figures with the
 * command, the machine and the date).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { progress } from './measure';
import {
  historySizes,
  measureLoad,
  openCasesTo,
  timerStorm,
  type LoadResult,
  type MemoryPoint,
} from './scenarios';
import { startStack, type Profile } from './stack';
import { renderMarkdown, updateBenchmarksFile } from './report';
import { STAFF_PAGES_FULL, STAFF_PAGES_QUICK, staffPagesOptions } from './staffPages';
import { runStaffPagesSection } from './staffPagesSection';

/** The sections a run may be limited to with --only. */
const SECTIONS = ['engine', 'staff-pages'] as const;

interface Plan {
  loads: number[];
  probes: number[];
  seconds: number;
  openCases: number[];
  storm: number;
  /** Pause before reading memory, for cache eviction and GC. */
  settleMs: number;
  /** The least lead time before the storm's due moment (its cases must be set up by then). */
  stormLeadMs: number;
}

// Quick: under two minutes on 2 cores, for a change's first look; the full run gives the figures.
const QUICK: Plan = {
  loads: [5, 10, 20],
  probes: [40],
  seconds: 4,
  openCases: [100, 250],
  storm: 100,
  settleMs: 2_000,
  stormLeadMs: 10_000,
};
const FULL: Plan = {
  loads: [5, 10, 20],
  probes: [40, 80],
  seconds: 30,
  openCases: [1_000, 10_000, 50_000],
  storm: 1_000,
  settleMs: 5_000,
  stormLeadMs: 20_000,
};

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1];
  };
  const profile = (get('--profile') ?? 'dev') as Profile;
  if (profile !== 'dev' && profile !== 'cluster') throw new Error('--profile must be dev or cluster');
  const workers = Number(get('--workers') ?? '1');
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) throw new Error('--workers must be 1 to 8');
  const plan = { ...(argv.includes('--quick') ? QUICK : FULL) };
  // --open 1000,5000,20000: other points for the memory curve (the full 50,000 takes over an hour).
  const open = get('--open');
  if (open) {
    plan.openCases = open.split(',').map(Number);
    if (plan.openCases.some((n) => !Number.isInteger(n) || n < 1))
      throw new Error('--open: whole numbers, e.g. 1000,5000');
  }
  const storm = get('--storm');
  if (storm) plan.storm = Number(storm);
  const only = get('--only');
  if (only !== undefined && !(SECTIONS as readonly string[]).includes(only))
    throw new Error(`--only must be one of ${SECTIONS.join(', ')}`);
  const quick = argv.includes('--quick');
  const staffPages = staffPagesOptions(argv, quick ? STAFF_PAGES_QUICK : STAFF_PAGES_FULL);
  return { profile, workers, quick, plan, only, staffPages };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  if (args.only !== 'staff-pages') await engine(args, command);
  // After the engine's stack has stopped: the staff pages have a server of their own.
  if (args.only === undefined || args.only === 'staff-pages') {
    const markdown = await runStaffPagesSection(args.staffPages, command);
    process.stdout.write(`\n${markdown}\n`);
  }
}

async function engine(args: ReturnType<typeof parseArgs>, command: string) {
  const started = new Date();
  progress(`starting the ${args.profile} stack with ${args.workers} worker(s)\n`);
  const stack = await startStack({ profile: args.profile, workers: args.workers });
  try {
    // Warm-up: the workers bundle the workflow code and open their connections.
    const warm = await measureLoad(stack, 'pathway', 2, 3);
    if (warm.notified === 0) {
      throw new Error(`no handover was notified; worker output:\n${stack.workers[0]?.output().slice(-3000)}`);
    }
    await measureLoad(stack, 'baseline', 2, 3);

    const loads: LoadResult[] = [];
    for (const rate of [...args.plan.loads, ...args.plan.probes]) {
      for (const kind of ['baseline', 'pathway'] as const) {
        const result = await measureLoad(stack, kind, rate, args.plan.seconds);
        loads.push(result);
        progress(
          `${kind} at ${rate}/s: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.sustainedPerSecond.toFixed(1)}/s\n`,
        );
      }
    }
    const memory: MemoryPoint[] = [];
    const opened: string[] = [];
    for (const target of args.plan.openCases) {
      const point = await openCasesTo(stack, opened, target, args.plan.settleMs);
      memory.push(point);
      progress(
        `${point.openCases} open cases: worker ${point.workerRssMiB} MiB, server ${point.serverRssMiB} MiB\n`,
      );
    }
    const storm = await timerStorm(
      stack,
      args.plan.storm,
      Math.max(args.plan.stormLeadMs, args.plan.storm * 150),
    );
    progress(
      `timer storm of ${storm.checkIns}: last reminder ${storm.lastAfterMs} ms after the due moment\n`,
    );

    const result = {
      command,
      date: started.toISOString(),
      durationS: Math.round((Date.now() - started.getTime()) / 1000),
      machine: {
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        cpu: cpus()[0]?.model ?? '',
      },
      profile: args.profile,
      workers: args.workers,
      secondsPerLoad: args.plan.seconds,
      loads,
      histories: historySizes(),
      memory,
      storm,
    };
    const outDir = join('.data', 'bench');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(
      join(outDir, `latest-${args.profile}-${args.workers}w.json`),
      JSON.stringify(result, null, 2),
    );
    const markdown = renderMarkdown(result);
    writeFileSync(join(outDir, `latest-${args.profile}-${args.workers}w.md`), markdown);
    updateBenchmarksFile(`${args.profile}-${args.workers}w${args.quick ? '-quick' : ''}`, markdown);
    process.stdout.write(`\n${markdown}\n`);
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nbenchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
