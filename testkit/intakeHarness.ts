/**
 * The intake service on a real Temporal dev server with a worker running the real melding
 * workflow and activity doubles that record each partner message (with its signed action link),
 * as the notification activities would send it.
 */
import type { IntakeMetricsDeps } from '../web/metricsRoute';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { MeldingActivities, PartnerLinks, PartnerRequestMessage } from '../activities/types';
import { createCaseFileActivities, type CaseFileActivities } from '../activities/caseFileActivities';
import { createReportActivities, type ReportActivities } from '../activities/reportActivities';
import type { CaseFile } from '../caseFile';
import { openReportStore, type ReportStore } from '../reporting/reportStore';
import type { PrivacyService } from '../cases/privacy';
import type { OidcSettings } from '../config/oidcEnv';
import type { AccessLog } from '../accessLog';
import { createLogger, type Logger } from '../config/logger';
import { createPartnerLinks } from '../cases/links';
import { buildServer, type IntakeConfig } from '../web/server';
import { openTestCaseFile } from './caseFile';
import { createDevServerEnv, TEST_BLIND_INDEX_KEY, TEST_DATA_CONVERTER } from './temporal';
import {
  acceptReplayedCodes,
  seedTestSessions,
  testAccounts,
  testBearer,
  type TestStaffSpec,
} from './staffAccounts';
import { openStaffSessionStore } from '../web/kit/sessionStore';
import { staffOfAccounts } from '../config/accountFile';
import { createTotpReplayGuard } from '../web/kit/localLogin';
import { workflowBundle } from './workflowBundle';

/** The service's settings and, as test text, its accounts (testkit/staffAccounts.ts makes them local accounts). */
export type TestIntakeConfig = IntakeConfig & TestStaffSpec;

export const TEST_CONFIG: TestIntakeConfig = {
  PUBLIC_BASE_URL: 'http://intake.test',
  LINK_SECRET: 'test-link-secret-0123456789abcdef-0123456789',
  STAFF_ACCOUNTS:
    'helpline-017:helpline-wachtwoord-1,helpline-018:helpline-wachtwoord-2,cm-017:casemanager-wachtwoord-1,ops:ops-wachtwoord-123',
  OPS_STAFF_IDS: 'ops',
  // The national helpline (two colleagues), a casemanager for every region; ops from OPS_STAFF_IDS.
  STAFF_ROLES: 'helpline-017=helpline@alle,helpline-018=helpline@alle,cm-017=casemanager@alle',
  SESSION_SECRET: 'test-session-secret-0123456789abcdef-012345',
  TWILIO_AUTH_TOKEN: 'test-twilio-auth-token',
  BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY,
};

/** The API as the national helpline (a Bearer session of helpline-017). */
export const AS_HELPLINE = testBearer('helpline-017');
/** Another helpline colleague: a case started by somebody else. */
export const AS_HELPLINE_COLLEAGUE = testBearer('helpline-018');
/** A casemanager serving every region: acknowledgements and check-ins. */
export const AS_CASEMANAGER = testBearer('cm-017');

export interface SentRequest {
  message: PartnerRequestMessage;
  actionUrl: string;
}

/** Activity doubles: every request "sent" by email, its action link kept for the test to follow. */
export function recordingActivities(
  links: PartnerLinks,
  sent: SentRequest[],
  reportStore: ReportStore = openReportStore(':memory:'),
  caseFile: CaseFile = openTestCaseFile(),
): MeldingActivities & ReportActivities & CaseFileActivities {
  return {
    // Each case's milestones, into the case file the test reads (and the web service, if handed it).
    ...createCaseFileActivities({
      caseFile,
      logger: createLogger({ level: 'silent', name: 'intake-test-case-file' }),
    }),
    // A case that ends writes its anonymous semester record; here into a store of the test's own.
    ...createReportActivities({
      store: reportStore,
      logger: createLogger({ level: 'silent', name: 'intake-test-report' }),
    }),
    async sendPartnerRequest(message) {
      const actionUrl = links.actionUrl({
        meldingRef: message.meldingRef,
        requestId: message.requestId,
        attempt: message.attempt,
        tier: message.tier,
        expiresAt: new Date(Date.parse(message.dueBy) + 24 * 3600_000),
      });
      sent.push({ message, actionUrl });
      return {
        requestId: message.requestId,
        attempt: message.attempt,
        deliveries: [{ channel: 'email', status: 'sent' }],
        escalate: false,
      };
    },
    async sendPartnerNotice(notice) {
      return {
        requestId: notice.requestId,
        attempt: 0,
        deliveries: [{ channel: 'email', status: 'sent' }],
        escalate: false,
      };
    },
  };
}

export interface IntakeHarness {
  env: TestWorkflowEnvironment;
  client: Client;
  app: FastifyInstance;
  taskQueue: string;
  sent: SentRequest[];
  /** The case file the worker writes; the one handed in, else one in memory (closed by `stop`). */
  caseFile: CaseFile;
  stop(): Promise<void>;
}

/**
 * One dev server per test file; `withWorker: false` for suites that must show nothing ran; a
 * `clock` for suites that move the service's time (login throttle windows); a `logger` for
 * suites that read what the service logged.
 */
export async function startIntakeHarness(
  options: {
    withWorker?: boolean;
    taskQueue?: string;
    publicBaseUrl?: string;
    clock?: () => Date;
    logger?: Logger;
    /** Prometheus registry, counters and token for /metrics. */
    metrics?: IntakeMetricsDeps;
    /** Settings over TEST_CONFIG, e.g. more accounts with their roles. */
    config?: Partial<TestIntakeConfig>;
    /** Refuse a TOTP code used before, as production does; suites that log in often leave it off. */
    refuseReplayedCodes?: boolean;
    /** The semester report store the cases that end write to; one in memory when left out. */
    reportStore?: ReportStore;
    /**
     * The case file the worker writes and the case page falls back to for a case Temporal no
     * longer holds; one in memory when left out.
     */
    caseFile?: CaseFile;
    /** The privacy officer's service over the harness's client and case file; no privacy pages when left out. */
    privacy?: (client: Client, caseFile: CaseFile) => PrivacyService;
    /** Login through an identity provider (testkit/oidcProvider.ts starts one). */
    oidc?: OidcSettings;
    /** The access log the pages, the API and the partner page write to (accessLog/); none when left out. */
    accessLog?: AccessLog;
  } = {},
): Promise<IntakeHarness> {
  const env = await createDevServerEnv();
  const taskQueue = options.taskQueue ?? `intake-test-${Math.random().toString(36).slice(2, 8)}`;
  const sent: SentRequest[] = [];
  const config: TestIntakeConfig = {
    ...TEST_CONFIG,
    PUBLIC_BASE_URL: options.publicBaseUrl ?? TEST_CONFIG.PUBLIC_BASE_URL,
    ...options.config,
  };
  const links = createPartnerLinks({ baseUrl: config.PUBLIC_BASE_URL, secret: config.LINK_SECRET });
  const caseFile = options.caseFile ?? openTestCaseFile();
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  if (options.withWorker !== false) {
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await workflowBundle(),
      dataConverter: TEST_DATA_CONVERTER,
      activities: recordingActivities(links, sent, options.reportStore, caseFile),
      maxCachedWorkflows: 50,
    });
    running = worker.run();
  }
  const client = env.client as unknown as Client;
  const accounts = await testAccounts(config);
  // The API's AS_HELPLINE, AS_CASEMANAGER, ... name these sessions.
  const sessions = openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' });
  await seedTestSessions(sessions, staffOfAccounts(accounts).values());
  const app = await buildServer({
    client,
    taskQueue,
    config,
    accounts,
    sessions,
    totpReplays: options.refuseReplayedCodes ? createTotpReplayGuard() : acceptReplayedCodes,
    logger: options.logger ?? createLogger({ level: 'silent', name: 'intake-test' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.privacy ? { privacy: options.privacy(client, caseFile) } : {}),
    caseFile,
    ...(options.oidc ? { oidc: options.oidc } : {}),
    ...(options.accessLog ? { accessLog: options.accessLog } : {}),
  });
  return {
    env,
    client,
    app,
    taskQueue,
    sent,
    caseFile,
    async stop() {
      await app.close();
      await sessions.close();
      worker?.shutdown();
      await running;
      await env.teardown();
      if (!options.caseFile) await caseFile.close();
    },
  };
}

/** The path of a link made for PUBLIC_BASE_URL, for `inject`. */
export function pathOf(url: string): string {
  return new URL(url).pathname;
}
