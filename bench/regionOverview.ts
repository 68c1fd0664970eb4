/**
 * The region overview (/regio/:region) under load: the visibility question behind it (all of a
 * region's figures, asked on every refresh), one count alone for comparison, and the page as
 * staff open it, answered from the figures kept fresh (cases/keptFresh.ts). The cases are those
 * of bench/staffCases.ts.
 */
import type { Client } from '@temporalio/client';
import { createRegionOverview } from '../cases/regionOverview';
import { progress, summarize } from './measure';
import { countingClient, type PageBench, type PageTimes } from './pageViews';
import { MEASURED_REGION } from './staffCases';

export interface RegionOverviewResult {
  /** Open cases in the region the overview is asked for. */
  inRegion: number;
  /** The visibility question alone (every refresh of a region's figures asks it). */
  questionP50Ms: number;
  questionP95Ms: number;
  questionP99Ms: number;
  /** Visibility calls (count + list) and state queries one question makes. */
  visibilityCallsPerQuestion: number;
  stateQueriesPerQuestion: number;
  /** Questions that failed (left out of the percentiles), and the first failure's message. */
  questionFailures: number;
  questionError?: string;
  /** One count alone (open cases of the region in one phase), median of the repeats. */
  oneCountP50Ms: number;
  /** Page views: the first waits for the question, the others answer from the kept figures. */
  page: PageTimes;
}

export async function measureRegionOverview(
  client: Client,
  pages: PageBench,
  views: number,
): Promise<RegionOverviewResult> {
  const counting = countingClient(client);
  const question = createRegionOverview({ client: counting.client, casemanagers: () => ['cm-017'] });
  let questionFailures = 0;
  let questionError: string | undefined;
  // A failed question is a figure too (the store may give up under the load): counted, not fatal.
  const ask = () =>
    question(MEASURED_REGION, new Date()).then(
      () => true,
      (error: unknown) => {
        questionFailures += 1;
        questionError ??= error instanceof Error ? error.message : String(error);
        return false;
      },
    );
  await ask(); // warm-up: connections, the first queries
  const before = { ...counting.calls };
  await ask();
  const perQuestion = {
    visibility: counting.calls.visibility - before.visibility,
    queries: counting.calls.queries - before.queries,
  };
  const questionMs: number[] = [];
  const oneCount: number[] = [];
  for (let i = 0; i < views; i++) {
    let t0 = performance.now();
    if (await ask()) questionMs.push(performance.now() - t0);
    t0 = performance.now();
    await client.workflow.count(
      `ExecutionStatus = 'Running' AND CsgRegion = '${MEASURED_REGION}' AND CsgPhase = 'watchful_waiting'`,
    );
    oneCount.push(performance.now() - t0);
    progress(`region overview question ${i + 1} of ${views}`);
  }
  // A view every half second: some within the fresh window, most refreshing behind their answer.
  const page = await pages.time(`/regio/${MEASURED_REGION}`, 'ops', views, 500);
  const q = summarize(questionMs);
  const inRegion = (
    await client.workflow.count(`ExecutionStatus = 'Running' AND CsgRegion = '${MEASURED_REGION}'`)
  ).count;
  return {
    inRegion,
    questionP50Ms: Math.round(q.p50),
    questionP95Ms: Math.round(q.p95),
    questionP99Ms: Math.round(q.p99),
    visibilityCallsPerQuestion: perQuestion.visibility,
    stateQueriesPerQuestion: perQuestion.queries,
    questionFailures,
    ...(questionError !== undefined ? { questionError } : {}),
    oneCountP50Ms: Math.round(summarize(oneCount).p50),
    page,
  };
}
