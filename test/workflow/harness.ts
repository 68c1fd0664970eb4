/**
 * One time-skipping Temporal server and one worker per test file, with the partner activities
 * replaced by a double that records every call. Time moves with `skip`, which leaves the cases
 * settled before the test sends anything; a test that wedges the server anyway fails on its own
 * and the next test gets a fresh server (why and how: testServerGuard.ts).
 */
import { dutchOffsetMinutes } from '../../domain/dutchClock';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type {
  DeliveryReport,
  MeldingActivities,
  PartnerNotice,
  PartnerRequestMessage,
} from '../../activities/types';
import type { RecordInCaseFileInput } from '../../activities/caseFileActivities';
import type { ExperienceInvite } from '../../activities/experienceInvite';
import type { WriteOpenReportRecordInput, WriteReportRecordInput } from '../../activities/reportActivities';
import type { MeldingIntake } from '../../domain/types';
import { getCaseState, startMelding } from '../../cases/meldingClient';
import type { CaseState } from '../../workflows/messages';
import { openTestCaseFile, WatchedCaseFileActivities } from '../../testkit/caseFile';
import { buildIntake } from '../../testkit/meldingFixtures';
import { createTimeSkippingEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { workflowBundle } from '../../testkit/workflowBundle';
import { TestServerGuard } from './testServerGuard';

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

  /** Semester report records the workflow wrote when a case ended. */
  reports: WriteReportRecordInput[] = [];
  writeReportRecord = async (input: WriteReportRecordInput): Promise<{ written: boolean }> => {
    this.reports.push(input);
    return { written: true };
  };

  /** The victim's invitations to the questions about the help received (workflows/experienceInvite.ts). */
  invites: ExperienceInvite[] = [];
  sendExperienceInvite = async (invite: ExperienceInvite) => {
    this.invites.push(invite);
    return { channel: invite.channel, status: 'sent' as const };
  };

  /** Open semester records the workflow wrote at intake. */
  openReports: WriteOpenReportRecordInput[] = [];
  writeOpenReportRecord = async (input: WriteOpenReportRecordInput): Promise<{ written: boolean }> => {
    this.openReports.push(input);
    return { written: true };
  };
  /**
   * The case file the workflow writes its milestones to: a real one, in memory, through the real
   * activity (watched: every call kept, a call can be made to crash after its write).
   */
  readonly caseFile = new WatchedCaseFileActivities(openTestCaseFile());
  recordInCaseFile = (input: RecordInCaseFileInput) => this.caseFile.recordInCaseFile(input);

  requestsOf(ref: string, requestId?: string) {
    return this.requests.filter(
      (m) => m.meldingRef === ref && (requestId === undefined || m.requestId === requestId),
    );
  }
  noticesOf(ref: string) {
    return this.notices.filter((n) => n.meldingRef === ref);
  }
}

export interface Harness {
  /** The current server: a wedged one is replaced between tests, so read it when needed. */
  readonly env: TestWorkflowEnvironment;
  partners: PartnerDouble;
  /** The case file the worker writes (in memory, one per test file), and every write it was asked. */
  caseFile: WatchedCaseFileActivities;
  taskQueue: string;
  start(intake: MeldingIntake): Promise<string>;
  /** The test server's clock: it runs ahead of the wall clock once time has been skipped. */
  now(): Promise<number>;
  /**
   * Moves the server's clock `ms` ahead (timers on the way fire), then waits until the cases this
   * test started are settled with no timer about to fire, so an update sent next cannot race one.
   * Use this, not `env.sleep`.
   */
  skip(ms: number): Promise<void>;
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

/** A server with its worker. */
interface Server {
  env: TestWorkflowEnvironment;
  guard: TestServerGuard;
  stop(): Promise<void>;
}

async function startServer(taskQueue: string, partners: PartnerDouble): Promise<Server> {
  // The guard reads the environment only once calls are made, by then it exists.
  const guard = new TestServerGuard(() => env);
  const env = await createTimeSkippingEnv({ interceptors: guard.interceptors() });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    dataConverter: TEST_DATA_CONVERTER,
    activities: partners,
  });
  const running = worker.run();
  return {
    env,
    guard,
    async stop() {
      worker.shutdown();
      // A wedged server may keep the worker's shutdown waiting: it goes regardless.
      await Promise.race([running.catch(() => undefined), pause(10_000)]);
      await env.teardown();
    },
  };
}

class WorkflowHarness implements Harness {
  readonly partners = new PartnerDouble();
  readonly caseFile = this.partners.caseFile;
  private server: Server | undefined;
  /** The cases the current test started: the ones `skip` lets settle. */
  private cases: string[] = [];

  constructor(readonly taskQueue: string) {}

  async open(): Promise<void> {
    quietRuntime();
    this.server = await startServer(this.taskQueue, this.partners);
  }

  /** Before each test: a fresh server if the last one wedged; no cases of earlier tests. */
  async beginTest(): Promise<void> {
    this.cases = [];
    if (!this.server?.guard.wedged) return;
    const wedged = this.server;
    this.server = undefined;
    await wedged.stop().catch(() => undefined);
    await this.open();
  }

  get env(): TestWorkflowEnvironment {
    if (!this.server) throw new Error('the workflow harness has no server (not opened, or torn down)');
    return this.server.env;
  }

  async start(intake: MeldingIntake): Promise<string> {
    const result = await startMelding(this.env.client, this.taskQueue, intake);
    if (result.status !== 'started') throw new Error(`not started: ${JSON.stringify(result)}`);
    this.cases.push(result.reference);
    return result.reference;
  }

  now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  skip(ms: number): Promise<void> {
    return this.server!.guard.skip(ms, this.cases);
  }

  async intake(overrides: Parameters<typeof buildIntake>[0] = {}, hoursAgo?: number): Promise<MeldingIntake> {
    return buildIntake({ receivedAt: new Date(await this.now()).toISOString(), ...overrides }, hoursAgo);
  }

  state(ref: string): Promise<CaseState> {
    return getCaseState(this.env.client, ref);
  }

  until(ref: string, check: (s: CaseState) => boolean, what = 'state'): Promise<CaseState> {
    return poll(async () => {
      const s = await this.state(ref);
      return check(s) ? s : undefined;
    }, what);
  }

  untilSent(ref: string, requestId: string, count: number): Promise<PartnerRequestMessage[]> {
    return poll(async () => {
      const sent = this.partners.requestsOf(ref, requestId);
      return sent.length >= count ? sent : undefined;
    }, `${count} sends of ${requestId}`);
  }

  async teardown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.stop();
    await this.caseFile.caseFile.close();
  }
}

/** Asks `get` until it answers, for at most 20 s (a worker or visibility catching up). */
export async function poll<T>(get: () => Promise<T | undefined>, what: string): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The harness of a test file: call it at the top of the file. Opens the server before the first
 * test, replaces it before a test when the one before wedged it, and closes it after the last.
 */
export function useHarness(taskQueue: string): Harness {
  const h = new WorkflowHarness(taskQueue);
  beforeAll(() => h.open());
  beforeEach(() => h.beginTest());
  afterAll(() => h.teardown());
  return h;
}

/** A harness for scripts outside jest (recording histories); `skip` settles every case started. */
export async function createHarness(taskQueue: string): Promise<Harness> {
  const h = new WorkflowHarness(taskQueue);
  await h.open();
  return h;
}

export const open = (s: CaseState, requestId: string) =>
  s.openRequests.find((r) => r.requestId === requestId);
export const request = (s: CaseState, requestId: string) => s.requests.find((r) => r.requestId === requestId);

/** The next moment at this Dutch weekday (0 Sunday .. 6 Saturday) and hour, at least an hour on. */
export function nextDutchHour(fromMs: number, weekday: number, hour: number): number {
  for (let at = Math.ceil(fromMs / HOUR) * HOUR + HOUR; ; at += HOUR) {
    const local = new Date(at + dutchOffsetMinutes(at) * MINUTE);
    if (local.getUTCDay() === weekday && local.getUTCHours() === hour) return at;
  }
}
