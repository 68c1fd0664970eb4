/**
 * One time-skipping Temporal server and one worker per test file, with the partner activities
 * replaced by a double that records every call. Bundling once per file keeps the 2-core machine
 * breathing.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type {
  DeliveryReport,
  MeldingActivities,
  PartnerNotice,
  PartnerRequestMessage,
} from '../../activities/types';
import type { WriteReportRecordInput } from '../../activities/reportActivities';
import type { MeldingIntake } from '../../domain/types';
import { getCaseState, startMelding } from '../../cases/meldingClient';
import type { CaseState } from '../../workflows/messages';
import { buildIntake } from '../../testkit/meldingFixtures';
import { createTimeSkippingEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Records partner calls; `onRequest` lets a test answer a send (e.g. a permanent failure). */
export class PartnerDouble implements MeldingActivities {
  requests: PartnerRequestMessage[] = [];
  notices: PartnerNotice[] = [];
  onRequest: (m: PartnerRequestMessage) => Partial<DeliveryReport> | Promise<Partial<DeliveryReport>> =
    () => ({});

  sendPartnerRequest = async (m: PartnerRequestMessage): Promise<DeliveryReport> => {
    this.requests.push(m);
    const answer = await this.onRequest(m);
    return {
      requestId: m.requestId,
      attempt: m.attempt,
      deliveries: [{ channel: 'email', status: 'sent' }],
      escalate: false,
      ...answer,
    };
  };

  /** Lets a test answer a notice (e.g. the partner's address is unknown). */
  onNotice: (n: PartnerNotice) => Partial<DeliveryReport> = () => ({});

  sendPartnerNotice = async (n: PartnerNotice): Promise<DeliveryReport> => {
    this.notices.push(n);
    return {
      requestId: n.requestId,
      attempt: 1,
      deliveries: [{ channel: 'email', status: 'sent' }],
      escalate: false,
      ...this.onNotice(n),
    };
  };

  /** Semester report records the workflow wrote when a case ended (issue 10). */
  reports: WriteReportRecordInput[] = [];
  writeReportRecord = async (input: WriteReportRecordInput): Promise<{ written: boolean }> => {
    this.reports.push(input);
    return { written: true };
  };

  requestsOf(ref: string, requestId?: string) {
    return this.requests.filter(
      (m) => m.meldingRef === ref && (requestId === undefined || m.requestId === requestId),
    );
  }
  noticesOf(ref: string) {
    return this.notices.filter((n) => n.meldingRef === ref);
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
export function workflowBundle() {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  return bundle;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string, meta?: unknown) => console.error(message, meta),
};

export interface Harness {
  env: TestWorkflowEnvironment;
  partners: PartnerDouble;
  taskQueue: string;
  start(intake: MeldingIntake): Promise<string>;
  /** The test server's clock: it runs ahead of the wall clock once time has been skipped. */
  now(): Promise<number>;
  /** A valid intake received "now" on the server's clock, incident `hoursAgo` before it. */
  intake(overrides?: Parameters<typeof buildIntake>[0], hoursAgo?: number): Promise<MeldingIntake>;
  state(ref: string): Promise<CaseState>;
  /** Polls the state (time does not move meanwhile) until `check` holds. */
  until(ref: string, check: (s: CaseState) => boolean, what?: string): Promise<CaseState>;
  /** Waits (real time, no skipping) until the double has seen `count` sends for a request. */
  untilSent(ref: string, requestId: string, count: number): Promise<PartnerRequestMessage[]>;
  teardown(): Promise<void>;
}

/** Workflow and worker logs only from WARN up, so test output shows what matters. */
function quietRuntime() {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process (another test file): fine.
  }
}

export async function createHarness(taskQueue: string): Promise<Harness> {
  quietRuntime();
  const env = await createTimeSkippingEnv();
  const partners = new PartnerDouble();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    dataConverter: TEST_DATA_CONVERTER,
    activities: partners,
  });
  const running = worker.run();

  const state = (ref: string) => getCaseState(env.client, ref);
  const poll = async <T>(get: () => Promise<T | undefined>, what: string): Promise<T> => {
    const started = Date.now();
    for (;;) {
      const value = await get();
      if (value !== undefined) return value;
      if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  return {
    env,
    partners,
    taskQueue,
    async start(intake) {
      const result = await startMelding(env.client, taskQueue, intake);
      if (result.status !== 'started') throw new Error(`not started: ${JSON.stringify(result)}`);
      return result.reference;
    },
    now: () => env.currentTimeMs(),
    intake: async (overrides = {}, hoursAgo) =>
      buildIntake({ receivedAt: new Date(await env.currentTimeMs()).toISOString(), ...overrides }, hoursAgo),
    state,
    until: (ref, check, what = 'state') =>
      poll(async () => {
        const s = await state(ref);
        return check(s) ? s : undefined;
      }, what),
    untilSent: (ref, requestId, count) =>
      poll(async () => {
        const sent = partners.requestsOf(ref, requestId);
        return sent.length >= count ? sent : undefined;
      }, `${count} sends of ${requestId}`),
    async teardown() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

export const open = (s: CaseState, requestId: string) =>
  s.openRequests.find((r) => r.requestId === requestId);
export const request = (s: CaseState, requestId: string) => s.requests.find((r) => r.requestId === requestId);
