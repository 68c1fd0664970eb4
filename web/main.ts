/**
 * The intake service process: environment → logger → Temporal connection → listen. A bad
 * environment stops here with the ConfigError's message (which variable, what it expects), exit 1.
 */
import { Registry } from 'prom-client';
import { ConfigError, loadEnv, type Env } from '../config/env';
import { loadStaffAccounts, type LocalAccount } from '../config/accountFile';
import { createIntakeMetrics, registerCaseGauges } from '../config/metrics';
import { createLogger } from '../config/logger';
import { connectTemporalClient } from '../config/temporal';
import { buildServer } from './server';
import { openStaffSessionStore } from './kit/sessionStore';
import { accessLogOfPrivacy, createCasePrivacy, openErasureStore } from '../cases/privacy';
import { openAccessLog } from '../accessLog';
import { openCaseFile } from '../caseFile';
import { oidcSettings } from '../config/oidcEnv';
import { openExperienceStore } from '../reporting/experienceStore';

async function main(): Promise<void> {
  let env: Env;
  let accounts: LocalAccount[];
  try {
    env = loadEnv();
    accounts = loadStaffAccounts(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'intake' });
  const { client, close: closeTemporal } = await connectTemporalClient(env);
  const sessions = openStaffSessionStore(env);
  const erasures = openErasureStore(env.PRIVACY_DB_PATH);
  // The case page shows a case Temporal has deleted from it; export and erasure reach it too.
  const caseFile = openCaseFile(env);
  // Who saw which case: the pages, the API, the partner links and the privacy actions write here.
  const accessLog = openAccessLog(env);
  // The victims' answers about the help received: region, semester and codes only.
  const experience = openExperienceStore(env.EXPERIENCE_DB_PATH);
  const registry = new Registry();
  const counters = createIntakeMetrics(registry);
  registerCaseGauges(registry, client);
  const app = await buildServer({
    client,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    config: env,
    accounts,
    logger,
    sessions,
    caseFile,
    oidc: oidcSettings(env),
    metrics: { registry, counters, token: env.METRICS_TOKEN },
    privacy: createCasePrivacy({
      caseFile,
      client,
      deliveryLogDir: env.DELIVERY_LOG_DIR,
      ...(env.MAIL_COPIES_URL ? { mailCopiesUrl: env.MAIL_COPIES_URL } : {}),
      erasures,
      receiptKey: env.BLIND_INDEX_KEY,
      accessLog: accessLogOfPrivacy(accessLog),
    }),
    accessLog,
    experience,
  });

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'intake service stopping');
    await app.close();
    await closeTemporal();
    await sessions.close();
    erasures.close();
    await caseFile.close();
    await accessLog.close();
    experience.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: env.INTAKE_HOST, port: env.INTAKE_PORT });
  logger.info(
    { host: env.INTAKE_HOST, port: env.INTAKE_PORT, taskQueue: env.TEMPORAL_TASK_QUEUE },
    'intake service listening',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `intake service failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
