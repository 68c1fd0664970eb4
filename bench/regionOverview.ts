/**
 * The staff pages under load: how fast the region overview (/regio/:region) answers with many
 * open cases in the visibility store.
 *
 * The open cases are executions whose search attributes say what a melding's would (region,
 * phase, the awaited party and its deadline), started on a task queue no worker polls: the
 * overview reads only visibility, so they cost it what real cases would, and 50,000 are in place
 * in minutes instead of the half hour real meldingen take. A few real meldingen on the real worker
 * are flagged for the casusoverleg, so the overview also asks their notes by the state query.
 * The page is asked through the real intake service (its HTTP app, a staff session cookie), one
 * view after another.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { decide, startMelding } from '../cases/meldingClient';
import { CASE_PHASES, PARTNER_ROLES, RECIPIENT_TIERS } from '../domain/vocabulary';
import { createLogger } from '../config/logger';
import { buildIntake } from '../testkit/meldingFixtures';
import { TEST_CONFIG } from '../testkit/intakeHarness';
import { createRegionOverview } from '../cases/regionOverview';
import { buildServer } from '../web/server';
import { inParallel, progress, summarize } from './measure';

/** Where the overview is measured: a Temporal server with the melding worker on `taskQueue`. */
export interface OverviewStack {
  client: Client;
  taskQueue: string;
}

export interface RegionOverviewResult {
  openCases: number;
  /** Of which in the region the overview is asked for. */
  inRegion: number;
  flagged: number;
  views: number;
  /** How long the store took to fill. */
  fillSeconds: number;
  /** The visibility question alone (every refresh of a region's figures asks it). */
  questionP50Ms: number;
  questionP95Ms: number;
  /** The first page view, which waits for the question (nothing kept yet). */
  firstViewMs: number;
  /** Page views with the figures kept (cases/keptFresh.ts). */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Visibility calls (count + list) and state queries one question makes. */
  visibilityCallsPerView: number;
  stateQueriesPerView: number;
  /** One count alone (open cases of the region in one phase), median of the views' repeats. */
  oneCountP50Ms: number;
}

const REGIONS = ['limburg', 'gelderland-zuid-midden'] as const;
const VISIBILITY_ONLY_QUEUE = 'csg-bench-visibility-only';

/** Counts the visibility calls and state queries made through a client, passing them on. */
function countingClient(client: Client) {
  const calls = { visibility: 0, queries: 0 };
  const workflow = new Proxy(client.workflow, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (name === 'count' || name === 'list') {
        return (...args: unknown[]) => {
          calls.visibility += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (name === 'getHandle') {
        return (...args: unknown[]) => {
          const handle = (value as (...a: unknown[]) => { query: (...q: unknown[]) => unknown }).apply(
            target,
            args,
          );
          const query = handle.query.bind(handle);
          handle.query = (...q: unknown[]) => {
            calls.queries += 1;
            return query(...q);
          };
          return handle;
        };
      }
      return value;
    },
  });
  const counted = new Proxy(client, {
    get: (target, name, receiver) => (name === 'workflow' ? workflow : Reflect.get(target, name, receiver)),
  });
  return { client: counted, calls };
}

/** Starts `count` visibility-only cases spread over the two regions, as a melding's attributes. */
async function fillVisibility(client: Client, count: number): Promise<number> {
  const started = Date.now();
  const now = Date.now();
  const phases = CASE_PHASES.filter((p) => p !== 'triage' && p !== 'afgesloten');
  let done = 0;
  const indexes = Array.from({ length: count }, (_, i) => i);
  await inParallel(indexes, 32, async (i) => {
    const awaiting = i % 5 < 3; // three in five wait for a partner
    const role = PARTNER_ROLES[i % PARTNER_ROLES.length]!;
    const tier = RECIPIENT_TIERS[i % RECIPIENT_TIERS.length]!;
    // Deadlines from two days ago to five days ahead: some past, most not.
    const deadline = new Date(now + ((i % 7) - 2) * 24 * 3600_000 + (i % 1440) * 60_000);
    await client.workflow.start('meldingWorkflow', {
      taskQueue: VISIBILITY_ONLY_QUEUE,
      workflowId: `bench-open-${randomUUID()}`,
      args: [],
      searchAttributes: {
        CsgRegion: [REGIONS[i % REGIONS.length]!],
        CsgPhase: [phases[i % phases.length]!],
        CsgTriageWindow: ['na_7_dagen'],
        ...(awaiting
          ? { CsgAwaitedParty: [`${role}/${tier}`], CsgAwaitedDeadline: [deadline], CsgEscalationLevel: [0] }
          : { CsgEscalationLevel: [0] }),
      },
    });
    done += 1;
    if (done % 1000 === 0) progress(`${done} of ${count} open cases in visibility`);
  });
  return (Date.now() - started) / 1000;
}

/** Real meldingen in the measured region, flagged for the casusoverleg with a note. */
async function flagReal(stack: OverviewStack, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
    const started = await startMelding(stack.client, stack.taskQueue, intake);
    if (started.status !== 'started') throw new Error(`bench melding not started: ${started.status}`);
    await decide(stack.client, intake.reference, {
      type: 'casusoverleg',
      input: { flagged: true, note: `Bespreken in het casusoverleg (${i + 1})`, by: 'bench-cm' },
    });
  }
}

export async function measureRegionOverview(
  stack: OverviewStack,
  options: { openCases: number; flagged: number; views: number },
): Promise<RegionOverviewResult> {
  const fillSeconds = await fillVisibility(stack.client, options.openCases);
  await flagReal(stack, options.flagged);
  // Visibility follows the starts a moment later: wait until it holds them all.
  const expected = options.openCases + options.flagged;
  for (let i = 0; i < 600; i++) {
    const { count } = await stack.client.workflow.count(
      `ExecutionStatus = 'Running' AND CsgRegion IS NOT NULL`,
    );
    if (count >= expected) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  // The visibility question alone, as the figures source asks it on every refresh.
  const counting = countingClient(stack.client);
  const question = createRegionOverview({ client: counting.client, casemanagers: () => ['cm-017'] });
  await question('limburg', new Date()); // warm-up: connections, the first queries
  const before = { ...counting.calls };
  await question('limburg', new Date());
  const perQuestion = {
    visibility: counting.calls.visibility - before.visibility,
    queries: counting.calls.queries - before.queries,
  };
  const questionMs: number[] = [];
  const oneCount: number[] = [];
  for (let i = 0; i < options.views; i++) {
    let t0 = performance.now();
    await question('limburg', new Date());
    questionMs.push(performance.now() - t0);
    t0 = performance.now();
    await stack.client.workflow.count(
      `ExecutionStatus = 'Running' AND CsgRegion = 'limburg' AND CsgPhase = 'watchful_waiting'`,
    );
    oneCount.push(performance.now() - t0);
    progress(`region overview question ${i + 1} of ${options.views}`);
  }

  // The page as staff open it: the kept figures answered at once, refreshed behind the answer.
  const app = await buildServer({
    client: stack.client,
    taskQueue: stack.taskQueue,
    config: TEST_CONFIG,
    logger: createLogger({ level: 'silent', name: 'bench-staff-pages' }),
  });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ id: 'ops', wachtwoord: 'ops-wachtwoord-123' }).toString(),
    });
    const session = login.cookies.find((c) => c.name === 'csg_sessie');
    if (!session) throw new Error(`bench: no session (login answered ${login.statusCode})`);
    const cookie = `csg_sessie=${session.value}`;
    const view = async () => {
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: '/regio/limburg', headers: { cookie } });
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`bench: the overview answered ${res.statusCode}`);
      return ms;
    };
    const firstViewMs = await view();
    const pageMs: number[] = [];
    for (let i = 0; i < options.views; i++) {
      // A view every half second: some within the fresh window, most refreshing behind their answer.
      await new Promise((r) => setTimeout(r, 500));
      pageMs.push(await view());
      progress(`region overview page view ${i + 1} of ${options.views}`);
    }
    const q = summarize(questionMs);
    const p = summarize(pageMs);
    const inRegion = (
      await stack.client.workflow.count(`ExecutionStatus = 'Running' AND CsgRegion = 'limburg'`)
    ).count;
    return {
      openCases: options.openCases + options.flagged,
      inRegion,
      flagged: options.flagged,
      views: options.views,
      fillSeconds: Math.round(fillSeconds),
      questionP50Ms: Math.round(q.p50),
      questionP95Ms: Math.round(q.p95),
      firstViewMs: Math.round(firstViewMs),
      p50Ms: Math.round(p.p50),
      p95Ms: Math.round(p.p95),
      p99Ms: Math.round(p.p99),
      maxMs: Math.round(p.max),
      visibilityCallsPerView: perQuestion.visibility,
      stateQueriesPerView: perQuestion.queries,
      oneCountP50Ms: Math.round(summarize(oneCount).p50),
    };
  } finally {
    await app.close();
  }
}
