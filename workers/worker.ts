/**
 * The worker process: environment → logger → real transports → activities → Temporal worker.
 *
 * - A bad environment stops here with the ConfigError's message (which variable, what it
 *   expects) and exit code 1; nothing starts half-configured.
 * - SIGINT/SIGTERM: the Temporal Runtime stops polling and gives running activities
 *   `shutdownGraceTime` to finish, so a send in progress is also recorded in the delivery log
 *   (the crash window is only for crashes, not for an orderly stop).
 * - The production build bundles the workflow code ahead of time; here it is bundled at start.
 */
import { resolve } from 'node:path';
import { Client } from '@temporalio/client';
import { Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { createActivities } from '../activities';
import { createEmailChannel } from '../activities/email';
import { createExperienceActivities } from '../activities/experienceInvite';
import { createSmsChannel } from '../activities/sms';
import { createCaseFileActivities } from '../activities/caseFileActivities';
import { createReportActivities } from '../activities/reportActivities';
import { createFileDeliveryLog } from '../activities/deliveryLog';
import { createDirectory } from '../activities/directory';
import { createMailSearch } from '../activities/mailSearch';
import { createMailTransport, createTwilioClient } from '../activities/transports';
import { createPruningActivities, type PrunableStore } from '../activities/pruning';
import { caseFilePrunable, deliveryLogPrunable, mailCopiesPrunable } from '../activities/prunableStores';
import { accessLogCutoff, openAccessLog } from '../accessLog';
import { openCaseFile } from '../caseFile';
import { openStaffSessionStore } from '../web/kit/sessionStore';
import { DELIVERY_LOG_RETENTION, MAIL_COPIES_RETENTION } from '../config/retention';
import { ConfigError, loadEnv, port, type Env } from '../config/env';
import { createWorkerMetrics } from '../config/metrics';
import { createLogger } from '../config/logger';
import { REGIONS } from '../regions';
import { connectTemporalWorker, temporalDataConverter } from '../config/temporal';
import { createPartnerLinks } from '../cases/links';
import { createExperienceLinks } from '../cases/experienceLinks';
import { openReportStore } from '../reporting/reportStore';
import { startMetricsServer } from './metricsServer';
import { ensurePruningSchedule, PRUNING_SCHEDULE_ID } from './pruningSchedule';
import { PinoTemporalLogger } from './temporalLogger';

/** Settings only the worker reads (the shared ones are in config/env.ts). */
const workerEnvSchema = z.object({
  /** Where the delivery log (one file per sent message step) lives; must survive restarts. */
  DELIVERY_LOG_DIR: z.string().min(1).default('.data/deliveries'),
  /** Workflows kept in memory (about 1 MB each); sleeping cases are evicted and replayed when their timer fires. */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce
    .number({ error: 'WORKER_MAX_CACHED_WORKFLOWS must be a whole number' })
    .int('WORKER_MAX_CACHED_WORKFLOWS must be a whole number')
    .min(2, 'WORKER_MAX_CACHED_WORKFLOWS must be at least 2')
    .max(5000, 'WORKER_MAX_CACHED_WORKFLOWS must be at most 5000')
    .default(250),
  /** The anonymous semester report records (SQLite); kept apart from Temporal, see docs/semester.md. */
  REPORT_DB_PATH: z.string().min(1).default('.data/semester-report.db'),
  /**
   * Where Prometheus scrapes the worker's /metrics (loopback unless the deployment opens it).
   * Unset: no metrics listener (a fixed default port would collide between workers on one host).
   */
  WORKER_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_METRICS_PORT: port('WORKER_METRICS_PORT').optional(),
  /** The Temporal SDK's own exporter, on loopback only, merged into /metrics; unset: SDK metrics off. */
  WORKER_SDK_METRICS_PORT: port('WORKER_SDK_METRICS_PORT').optional(),
});

type WorkerEnv = Env & z.infer<typeof workerEnvSchema>;

function loadWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  const problems: string[] = [];
  let shared: Env | undefined;
  try {
    shared = loadEnv(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const own = workerEnvSchema.safeParse(source);
  if (!own.success) problems.push(...own.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  if (own.success && own.data.WORKER_SDK_METRICS_PORT !== undefined) {
    if (own.data.WORKER_METRICS_PORT === undefined) {
      problems.push(
        'WORKER_SDK_METRICS_PORT: is served through /metrics, so WORKER_METRICS_PORT must be set too',
      );
    } else if (own.data.WORKER_METRICS_PORT === own.data.WORKER_SDK_METRICS_PORT) {
      problems.push('WORKER_SDK_METRICS_PORT: must differ from WORKER_METRICS_PORT');
    }
  }
  if (problems.length > 0 || !shared || !own.success) throw new ConfigError(problems);
  return { ...shared, ...own.data };
}

async function main(): Promise<void> {
  let env: WorkerEnv;
  try {
    env = loadWorkerEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger({ level: env.LOG_LEVEL, name: 'worker' });
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
      ...(env.WORKER_SDK_METRICS_PORT !== undefined
        ? {
            metrics: {
              prometheus: {
                bindAddress: `127.0.0.1:${env.WORKER_SDK_METRICS_PORT}`,
                // Prometheus conventions: counters end in _total, durations in seconds.
                countersTotalSuffix: true,
                useSecondsForDurations: true,
              },
            },
          }
        : {}),
    },
  });
  const registry = new Registry();
  const metrics = createWorkerMetrics(registry);
  const metricsServer =
    env.WORKER_METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer({
          registry,
          host: env.WORKER_METRICS_HOST,
          port: env.WORKER_METRICS_PORT,
          ...(env.WORKER_SDK_METRICS_PORT !== undefined
            ? { sdkMetricsUrl: `http://127.0.0.1:${env.WORKER_SDK_METRICS_PORT}/metrics` }
            : {}),
          logger,
        });
  const reportStore = openReportStore(resolve(env.REPORT_DB_PATH));
  // Each case's milestones, kept beyond the namespace retention (CASE_FILE_DB_PATH or, in the
  // cluster profile, CASE_FILE_DATABASE_URL); the intake service opens the same one.
  const caseFile = openCaseFile(env);

  const mailTransport = createMailTransport(env);
  // A mail server that is down at start is not fatal (activities retry), but it is worth saying.
  mailTransport.verify().then(
    () => logger.info({ smtpHost: env.SMTP_HOST, smtpPort: env.SMTP_PORT }, 'SMTP reachable'),
    (error: unknown) =>
      logger.warn(
        { smtpHost: env.SMTP_HOST, smtpPort: env.SMTP_PORT, code: (error as { code?: string }).code },
        'SMTP not reachable yet; partner email will be retried',
      ),
  );
  const deliveryLogDir = resolve(env.DELIVERY_LOG_DIR);
  // Opened for the daily pruning only: the worker sees no victim's details it would have to log,
  // and starts no session.
  const accessLog = openAccessLog(env);
  const sessions = openStaffSessionStore(env);
  /** Every store the daily pruning (Schedule csg-opschonen) runs over, each with its own term. */
  const prunable: PrunableStore[] = [
    deliveryLogPrunable(deliveryLogDir, DELIVERY_LOG_RETENTION),
    caseFilePrunable(caseFile),
    { name: 'toegangslog', prune: (now) => accessLog.pruneOlderThan(accessLogCutoff(now)) },
    { name: 'sessies', prune: (now) => sessions.pruneExpired(now) },
    ...(env.MAIL_COPIES_URL
      ? [mailCopiesPrunable({ baseUrl: env.MAIL_COPIES_URL, retention: MAIL_COPIES_RETENTION })]
      : []),
  ];
  const activities = {
    ...createPruningActivities({ stores: prunable, logger, metrics }),
    ...createReportActivities({ store: reportStore, logger, metrics }),
    ...createCaseFileActivities({ caseFile, logger }),
    ...createActivities({
      mailTransport,
      mailFrom: env.MAIL_FROM,
      twilio: createTwilioClient(env),
      smsFrom: env.TWILIO_FROM_NUMBER,
      directory: createDirectory(REGIONS),
      deliveryLog: createFileDeliveryLog({ directory: deliveryLogDir }),
      ...(env.SMTP_SEARCH_URL ? { mailSearch: createMailSearch({ baseUrl: env.SMTP_SEARCH_URL }) } : {}),
      links: createPartnerLinks({ baseUrl: env.PUBLIC_BASE_URL, secret: env.LINK_SECRET }),
      logger,
      metrics,
    }),
    // The victim's invitation to the questions about the help received, after the case ended.
    ...createExperienceActivities({
      sms: createSmsChannel({ client: createTwilioClient(env), from: env.TWILIO_FROM_NUMBER }),
      email: createEmailChannel({ transport: mailTransport, mailFrom: env.MAIL_FROM }),
      mailFrom: env.MAIL_FROM,
      deliveryLog: createFileDeliveryLog({ directory: deliveryLogDir }),
      links: createExperienceLinks({ baseUrl: env.PUBLIC_BASE_URL, secret: env.LINK_SECRET }),
      logger,
    }),
  };

  const connection = await connectTemporalWorker(env);
  try {
    const worker = await Worker.create({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      dataConverter: temporalDataConverter(env),
      workflowsPath: require.resolve('../workflows'),
      activities,
      maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
      shutdownGraceTime: '30 seconds',
    });
    // The worker runs on every profile, so it keeps the Schedule there. Beside the cases, not
    // before them, and not fatal when it cannot (a server without schedules, a missing
    // permission): the cases come first; ops see the error in the log.
    const client = new Client({
      connection,
      namespace: env.TEMPORAL_NAMESPACE,
      dataConverter: temporalDataConverter(env),
    });
    ensurePruningSchedule(client, env.TEMPORAL_TASK_QUEUE).then(
      (outcome) => logger.info({ schedule: PRUNING_SCHEDULE_ID, outcome }, 'pruning schedule in place'),
      (error: unknown) =>
        logger.error(
          { schedule: PRUNING_SCHEDULE_ID, error: error instanceof Error ? error.message : String(error) },
          'pruning schedule not in place: stores are not pruned until it is',
        ),
    );
    logger.info(
      {
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        namespace: env.TEMPORAL_NAMESPACE,
        twilioMock: env.TWILIO_API_BASE_URL !== undefined,
        deliveryLogDir,
        maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
        metrics: metricsServer ? `${env.WORKER_METRICS_HOST}:${env.WORKER_METRICS_PORT}` : 'off',
      },
      'worker running',
    );
    await worker.run(); // resolves after SIGINT/SIGTERM, once running tasks are done
    logger.info('worker stopped');
  } finally {
    mailTransport.close();
    await connection.close();
    metricsServer?.close();
    reportStore.close();
    await caseFile.close();
    await accessLog.close();
    await sessions.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
