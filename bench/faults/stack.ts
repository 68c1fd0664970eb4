/**
 * The system under fault, as production runs it: the Temporal dev server on a SQLite file, the
 * worker and intake service as their own processes, a real SMTP server and the Twilio contract
 * mock (with its fault-injecting proxy), all on free ports in one temp directory. Each piece can
 * be killed and restarted on its own, which is what the scenarios do to it.
 */
import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEntry, type RunningEntry } from '../../test/helpers/entryProcess';
import { freePort, startScript, waitForPort } from '../../test/helpers/processes';
import { startSmtpServer, type TestSmtpServer } from '../../test/helpers/smtpServer';
import { TEST_DATA_CONVERTER, TEST_PAYLOAD_KEYS_ENV } from '../../test/helpers/temporal';
import { startTwilioMock, type TwilioMock } from '../../test/helpers/twilioMock';

export const TASK_QUEUE = 'csg-faults';
export const STAFF = 'helpline-017:helpline-wachtwoord-1';

export interface Stack {
  dir: string;
  deliveryDir: string;
  smtp: TestSmtpServer;
  twilio: TwilioMock;
  client: Client;
  intakeUrl: string;
  worker(): RunningEntry;
  startWorker(): RunningEntry;
  startIntake(): Promise<RunningEntry>;
  intake(): RunningEntry | undefined;
  /** Stops the dev server with `signal` and starts it again on the same SQLite file and port. */
  restartServer(signal: NodeJS.Signals, downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'csg-faults-'));
  const db = join(dir, 'temporal.db');
  const deliveryDir = join(dir, 'deliveries');
  const [smtp, twilio] = await Promise.all([startSmtpServer(), startTwilioMock()]);
  const [port, uiPort, intakePort] = [await freePort(), await freePort(), await freePort()];
  const startServer = () => startScript('scripts/temporal-dev-server.sh', [db, String(port), String(uiPort)]);
  let server = startServer();
  await waitForPort(port, 60_000);

  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_ENV,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
    TWILIO_AUTH_TOKEN: 'faults-twilio-token',
    TWILIO_FROM_NUMBER: '+3197010000000',
    TWILIO_API_BASE_URL: twilio.baseUrl,
    PUBLIC_BASE_URL: `http://127.0.0.1:${intakePort}`,
    LINK_SECRET: 'faults-link-secret-0123456789abcdef',
    STAFF_ACCOUNTS: STAFF,
    SESSION_SECRET: 'faults-session-secret-0123456789abcdef',
    INTAKE_PORT: String(intakePort),
    DELIVERY_LOG_DIR: deliveryDir,
  };
  let worker = spawnEntry('workers/worker.ts', env);
  let intake: RunningEntry | undefined;
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, dataConverter: TEST_DATA_CONVERTER });

  return {
    dir,
    deliveryDir,
    smtp,
    twilio,
    client,
    intakeUrl: env.PUBLIC_BASE_URL,
    worker: () => worker,
    startWorker: () => (worker = spawnEntry('workers/worker.ts', env)),
    async startIntake() {
      intake = spawnEntry('intake/main.ts', env);
      await waitForPort(intakePort, 60_000);
      return intake;
    },
    intake: () => intake,
    async restartServer(signal, downMs) {
      await server.stop(signal);
      await new Promise((r) => setTimeout(r, downMs));
      server = startServer();
      await waitForPort(port, 60_000);
    },
    async stop() {
      await Promise.all([intake?.stop(), worker.stop()]);
      await connection.close();
      await server.stop();
      await Promise.all([smtp.stop(), twilio.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a value; the scenarios wait on outcomes, never on fixed sleeps. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 120_000,
  everyMs = 500,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
