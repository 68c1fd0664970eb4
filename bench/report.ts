/** The benchmark's figures as a Markdown section, with its targets checked. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { HistorySize, LoadResult, MemoryPoint, StormResult } from './scenarios';

export interface BenchResult {
  command: string;
  date: string;
  /** How long the run took, stack start included. */
  durationS?: number;
  machine: { cores: number; memoryGiB: number; cpu: string };
  profile: string;
  workers: number;
  secondsPerLoad: number;
  loads: LoadResult[];
  histories: HistorySize[];
  memory: MemoryPoint[];
  storm: StormResult;
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : '–');

export function renderMarkdown(r: BenchResult): string {
  const rates = [...new Set(r.loads.map((l) => l.offeredPerSecond))];
  const rows = rates.map((rate) => {
    const p = r.loads.find((l) => l.kind === 'pathway' && l.offeredPerSecond === rate)!;
    const b = r.loads.find((l) => l.kind === 'baseline' && l.offeredPerSecond === rate)!;
    const ratio = p.sustainedPerSecond / b.sustainedPerSecond;
    return `| ${rate}/s | ${p.notified}/${p.started} | ${p.sustainedPerSecond.toFixed(1)} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.p99Ms)} | ${b.sustainedPerSecond.toFixed(1)} | ${ms(b.p50Ms)} | ${ms(b.p99Ms)} | ${(ratio * 100).toFixed(0)} % |`;
  });
  const sustained = r.loads.filter(
    (l) =>
      l.kind === 'pathway' && l.notified === l.started && l.sustainedPerSecond >= 0.9 * l.offeredPerSecond,
  );
  const saturation = sustained.length ? Math.max(...sustained.map((l) => l.offeredPerSecond)) : 0;
  const at10 = r.loads.find((l) => l.kind === 'pathway' && l.offeredPerSecond === 10);
  const ratios = rates.map((rate) => {
    const p = r.loads.find((l) => l.kind === 'pathway' && l.offeredPerSecond === rate)!;
    const b = r.loads.find((l) => l.kind === 'baseline' && l.offeredPerSecond === rate)!;
    return p.sustainedPerSecond / b.sustainedPerSecond;
  });
  const biggest = r.histories[0];
  const firstMemory = r.memory[0];
  const ackTimeouts = r.memory.reduce((sum, m) => sum + m.ackTimeouts, 0);
  const lastMemory = r.memory.at(-1);
  return [
    `### ${r.profile === 'cluster' ? 'Cluster profile (Temporal server on PostgreSQL)' : 'Dev server profile'}, ${r.workers} worker process${r.workers > 1 ? 'es' : ''}${r.secondsPerLoad < 10 ? ' (quick run)' : ''}`,
    '',
    `Command: \`${r.command}\` · ${r.date.slice(0, 16).replace('T', ' ')} UTC · ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB (${r.machine.cpu}) · ${r.secondsPerLoad} s per load${r.durationS !== undefined ? ` · took ${formatDuration(r.durationS)}` : ''}`,
    '',
    '**Intake to casemanager notified** (the SMTP server accepted the handover mail; open-loop load; baseline = a workflow making only the same activity call)',
    '',
    '| offered | pathway notified | pathway /s | p50 ms | p95 ms | p99 ms | baseline /s | baseline p50 ms | baseline p99 ms | pathway/baseline |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Saturation: the pathway sustained every offered load up to **${saturation}/s** (all notified, at least 90 % of the offered rate).`,
    '',
    '**Full-pathway histories** (recorded cases, encrypted payloads; Temporal warns at 10,240 events / 10 MB per history)',
    '',
    '| history | events | size |',
    '|---|---|---|',
    ...r.histories.map((h) => `| ${h.history} | ${h.events} | ${h.kib} KiB |`),
    '',
    '**Memory with open cases in watchful waiting** (worker cache bounded at 250 workflows; resident memory after the cases are open)',
    '',
    '| open cases | worker RSS | server RSS | time to open |',
    '|---|---|---|---|',
    ...r.memory.map(
      (m) => `| ${m.openCases} | ${m.workerRssMiB} MiB | ${m.serverRssMiB} MiB | ${m.secondsToOpen} s |`,
    ),
    ...(ackTimeouts > 0
      ? [
          '',
          `${ackTimeouts} acknowledgement call(s) timed out while the cases were opened; each was looked up and asked again.`,
        ]
      : []),
    '',
    `**Timer storm**: ${r.storm.checkIns} check-ins due at the same moment; ${r.storm.mailed} reminders mailed, the first ${ms(r.storm.firstAfterMs)} ms and the last ${ms(r.storm.lastAfterMs)} ms after the due moment.`,
    '',
    '**Targets**',
    '',
    `- p99 intake-to-notified under 1 s at 10/s: ${at10 ? `${ms(at10.p99Ms)} ms, ${at10.p99Ms < 1000 ? 'met' : 'missed'}` : 'not measured'}.`,
    `- Pathway throughput at least 80 % of the baseline's: ${ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')}; ${ratios.every((x) => x >= 0.8) ? 'met' : 'missed at some load'}.`,
    `- Worker memory flat in open cases once the cache is full: ${firstMemory && lastMemory ? `${firstMemory.workerRssMiB} MiB at ${firstMemory.openCases} → ${lastMemory.workerRssMiB} MiB at ${lastMemory.openCases}` : 'not measured'}.`,
    `- History size: the largest recorded pathway has ${biggest?.events ?? '–'} events, ${biggest?.kib ?? '–'} KiB: ${biggest && biggest.events < 10_240 && biggest.kib < 10_240 ? 'far within the limits' : 'check'}.`,
    '',
  ].join('\n');
}

/**
 * BENCHMARKS.md keeps the latest figures of each profile and worker count side by side: this
 * run's section replaces the one between its markers, or is appended; the rest is left alone.
 */
export function updateBenchmarksFile(id: string, markdown: string, file = 'BENCHMARKS.md'): void {
  const begin = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const section = `${begin}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

function formatDuration(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}
