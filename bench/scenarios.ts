/**
 * What the benchmark measures, one function each. Meldingen are started through the real client
 * functions (startMelding, acknowledge) as the intake service starts them; a partner counts as
 * notified when the SMTP server accepted the mail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PartnerRequestMessage } from '../activities/types';
import { getCaseState, startMelding, decide } from '../cases/meldingClient';
import { isDeadlineExceeded } from '../cases/meldingService';
import { buildIntake } from '../testkit/meldingFixtures';
import { inParallel, mailClock, progress, sleep, summarize } from './measure';
import type { Stack } from './stack';

let sequence = 100_000;
/** References unique within the run (the fixtures' own would repeat after tens of thousands). */
const nextReference = () => `CSG-LIM-2026-${String(++sequence).padStart(6, '0')}`;

export type Kind = 'pathway' | 'baseline';

/** A melding that asks one partner, the casemanager (no police, no medical care asked). */
function handoverIntake(receivedAt?: string) {
  return buildIntake({
    reference: nextReference(),
    wishes: { police: 'nee', medicalCare: 'nee' },
    ...(receivedAt ? { receivedAt } : {}),
  });
}

function baselineMessage(): PartnerRequestMessage {
  const ref = nextReference();
  return {
    meldingRef: ref,
    regionId: 'limburg',
    requestId: 'casemanager_overdracht',
    kind: 'casemanager_overdracht',
    role: 'casemanager',
    tier: 'primary',
    attempt: 1,
    dueBy: new Date(Date.now() + 15 * 60_000).toISOString(),
  };
}

export interface LoadResult {
  kind: Kind;
  offeredPerSecond: number;
  started: number;
  notified: number;
  sustainedPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Open loop: starts arrive at the offered rate whatever the system does (a helpline does not wait
 * for the engine), then waits for every handover mail. Sustained rate = notified / (last
 * notification − first start).
 */
export async function measureLoad(
  stack: Stack,
  kind: Kind,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const clock = mailClock(stack.smtp, 'casemanager');
  const startedAt = new Map<string, number>();
  const count = Math.round(rate * seconds);
  const t0 = Date.now();
  const starts: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    starts.push(
      (async () => {
        const at = Date.now();
        if (kind === 'pathway') {
          const intake = handoverIntake();
          startedAt.set(intake.reference, at);
          const result = await startMelding(stack.client, stack.taskQueue, intake);
          if (result.status !== 'started') throw new Error(`not started: ${result.status}`);
        } else {
          const message = baselineMessage();
          startedAt.set(message.meldingRef, at);
          await stack.client.workflow.start('handoverBaselineWorkflow', {
            taskQueue: stack.taskQueue,
            workflowId: message.meldingRef,
            args: [message],
          });
        }
      })(),
    );
    if (i % rate === 0) progress(`${kind} at ${rate}/s: ${i}/${count} started`);
  }
  await Promise.all(starts);
  const deadline = Date.now() + Math.max(30_000, seconds * 3000);
  let arrived = clock.update();
  while ([...startedAt.keys()].some((ref) => !arrived.has(ref)) && Date.now() < deadline) {
    progress(
      `${kind} at ${rate}/s: ${[...startedAt.keys()].filter((r) => arrived.has(r)).length}/${count} notified`,
    );
    await sleep(200);
    arrived = clock.update();
  }
  const latencies: number[] = [];
  let lastNotified = t0;
  for (const [ref, at] of startedAt) {
    const notifiedAt = arrived.get(ref);
    if (notifiedAt === undefined) continue;
    latencies.push(notifiedAt - at);
    lastNotified = Math.max(lastNotified, notifiedAt);
  }
  const stats = summarize(latencies);
  return {
    kind,
    offeredPerSecond: rate,
    started: count,
    notified: latencies.length,
    sustainedPerSecond: latencies.length / ((lastNotified - t0) / 1000),
    p50Ms: stats.p50,
    p95Ms: stats.p95,
    p99Ms: stats.p99,
    maxMs: stats.max,
  };
}

export interface MemoryPoint {
  openCases: number;
  workerRssMiB: number;
  serverRssMiB: number;
  secondsToOpen: number;
  /** Acknowledgement calls whose answer did not come in time and were looked up, then asked again. */
  ackTimeouts: number;
}

/**
 * The casemanager acknowledges the handover. An update call can time out while the server waits
 * for the worker (a run of 50,000 cases lost an hour to one such call); whether it landed is then
 * unknown, so look at the case before asking again, as a partner page would.
 */
async function acknowledgeHandover(stack: Stack, reference: string, onTimeout?: () => void) {
  for (let attempt = 1; ; attempt++) {
    try {
      await decide(stack.client, reference, {
        type: 'ontvangstbevestiging',
        input: { requestId: 'casemanager_overdracht', by: 'bench-cm' },
      });
      return;
    } catch (error) {
      if (!isDeadlineExceeded(error) || attempt === 5) throw error;
      onTimeout?.();
      progress(`acknowledgement of ${reference} timed out (try ${attempt}); looking, then asking again\n`);
    }
    const landed = await getCaseState(stack.client, reference).then(
      (state) =>
        state.requests.some((r) => r.requestId === 'casemanager_overdracht' && r.status === 'acknowledged'),
      () => false, // the query timed out as well: ask again, a second acknowledgement is refused anyway
    );
    if (landed) return;
  }
}

/**
 * Brings the number of cases waiting in watchful waiting (handover acknowledged, check-in timers
 * set) up to `target`, then reads the resident memory of the workers and of the server side.
 */
export async function openCasesTo(
  stack: Stack,
  opened: string[],
  target: number,
  settleMs: number,
): Promise<MemoryPoint> {
  const t0 = Date.now();
  const clock = mailClock(stack.smtp, 'casemanager');
  const fresh = Array.from({ length: Math.max(0, target - opened.length) }, () => handoverIntake());
  // Each lane carries one case at a time from start to acknowledgement, so a case sleeps in
  // watchful waiting seconds after it started. Starting all first (the obvious loop) builds a
  // backlog of tens of thousands of unacknowledged cases at 50,000: the acknowledgements queue
  // behind it, the handovers escalate to their second step, and the run measures its own pile-up.
  let done = 0;
  let ackTimeouts = 0;
  await inParallel(fresh, 60, async (intake) => {
    const result = await startMelding(stack.client, stack.taskQueue, intake);
    if (result.status !== 'started') throw new Error(`not started: ${result.status}`);
    while (!clock.update().has(intake.reference)) await sleep(100);
    await acknowledgeHandover(stack, intake.reference, () => ackTimeouts++);
    if (++done % 100 === 0) progress(`open cases: ${opened.length + done}/${target} in watchful waiting`);
  });
  opened.push(...fresh.map((i) => i.reference));
  await sleep(settleMs); // let the workers settle (cache eviction, GC) before reading memory
  const rss = stack.rss();
  return {
    openCases: opened.length,
    workerRssMiB: Math.round(rss.workersMiB),
    serverRssMiB: Math.round(rss.serverMiB),
    secondsToOpen: Math.round((Date.now() - t0) / 1000),
    ackTimeouts,
  };
}

export interface StormResult {
  checkIns: number;
  mailed: number;
  firstAfterMs: number;
  lastAfterMs: number;
}

/**
 * A timer storm: `count` cases whose day-1 check-in falls due at the same moment T (registered
 * one day before T). Measures the time from T until the SMTP server has the last reminder.
 */
export async function timerStorm(stack: Stack, count: number, leadMs: number): Promise<StormResult> {
  const dueAt = Date.now() + leadMs;
  const receivedAt = new Date(dueAt - 24 * 3600_000).toISOString();
  const intakes = Array.from({ length: count }, () => handoverIntake(receivedAt));
  const handover = mailClock(stack.smtp, 'casemanager');
  const checkIns = mailClock(stack.smtp, 'heck-in');
  await inParallel(intakes, 40, async (intake) => {
    const result = await startMelding(stack.client, stack.taskQueue, intake);
    if (result.status !== 'started') throw new Error(`not started: ${result.status}`);
  });
  await inParallel(intakes, 40, async (intake) => {
    while (!handover.update().has(intake.reference)) await sleep(100);
    await acknowledgeHandover(stack, intake.reference);
  });
  const ready = Date.now();
  if (ready > dueAt) progress(`timer storm: set-up overran the due moment by ${ready - dueAt} ms\n`);
  const deadline = dueAt + 10 * 60_000;
  let arrived = checkIns.update();
  while (intakes.some((i) => !arrived.has(i.reference)) && Date.now() < deadline) {
    progress(
      `timer storm: ${intakes.filter((i) => arrived.has(i.reference)).length}/${count} reminders mailed`,
    );
    await sleep(250);
    arrived = checkIns.update();
  }
  const times = intakes.map((i) => arrived.get(i.reference)).filter((t): t is number => t !== undefined);
  return {
    checkIns: count,
    mailed: times.length,
    firstAfterMs: Math.min(...times) - dueAt,
    lastAfterMs: Math.max(...times) - dueAt,
  };
}

export interface HistorySize {
  history: string;
  events: number;
  kib: number;
}

/** The recorded full-pathway histories (encrypted, as stored): events and bytes per case. */
export function historySizes(): HistorySize[] {
  const dir = join(__dirname, '..', 'test', 'replay', 'histories');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.encrypted.json'))
    .map((f) => {
      const file = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { events: number; history: string };
      // The history as Temporal stores it: the protobuf bytes (kept base64 in the file).
      const bytes = Buffer.from(file.history, 'base64').length;
      return {
        history: f.replace('.encrypted.json', ''),
        events: file.events,
        kib: Math.round(bytes / 1024),
      };
    })
    .sort((a, b) => b.events - a.events);
}
