/**
 * The system under fault, as production runs it: the Temporal dev server on a SQLite file, the
 * worker and intake service as their own processes, the development SMTP server (maildev, its own
 * process too, with the message search the worker asks after a crash) and the Twilio contract
 * mock (with its fault-injecting proxy), all on free ports in one temp directory. Each piece can
 * be killed and restarted on its own, which is what the scenarios do to it.
 */
import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnEntry, type RunningEntry } from '../../testkit/entryProcess';
import { freePort, startScript, waitForPort } from '../../testkit/processes';
import { startMaildev, type Maildev } from '../../testkit/maildev';
import { processEnv } from '../../testkit/processEnv';
import { TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { startTwilioMock, type TwilioMock } from '../../testkit/twilioMock';

export const TASK_QUEUE = 'csg-faults';

export interface Stack {
  dir: string;
  deliveryDir: string;
  smtp: Maildev;
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
  const [smtp, twilio] = await Promise.all([startMaildev(join(dir, 'mail')), startTwilioMock()]);
  const [port, uiPort, intakePort] = [await freePort(), await freePort(), await freePort()];
  const startServer = () => startScript('scripts/temporal-dev-server.sh', [db, String(port), String(uiPort)]);
  let server = startServer();
  await waitForPort(port, 60_000);

  const env = processEnv(
    {
      temporalAddress: `127.0.0.1:${port}`,
      taskQueue: TASK_QUEUE,
      smtpPort: smtp.smtpPort,
      twilioBaseUrl: twilio.baseUrl,
      dir,
      intakePort,
    },
    { SMTP_SEARCH_URL: smtp.webUrl },
  );
  const deliveryDir = env.DELIVERY_LOG_DIR;
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
      intake = spawnEntry('web/main.ts', env);
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
