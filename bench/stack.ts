/**
 * The system under measurement, started as production runs it: the Temporal server (the dev
 * server, or the real server on PostgreSQL for `--profile cluster`), the real worker processes
 * with the real activities, a real SMTP server and the Twilio contract mock. Each on free ports
 * and in a temporary folder, removed at the end.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { generatePayloadKey } from '../config/payloadCodec';
import { loadTemporalSettings, temporalDataConverter } from '../config/temporal';
import { processEnv } from '../testkit/processEnv';
import { spawnEntry, type RunningEntry } from '../testkit/entryProcess';
import { freePort, startScript, waitForPort } from '../testkit/processes';
import { startSmtpServer, type TestSmtpServer } from '../testkit/smtpServer';
import { startTwilioMock } from '../testkit/twilioMock';

const run = promisify(execFile);

export type Profile = 'dev' | 'cluster';

export interface Stack {
  client: Client;
  taskQueue: string;
  smtp: TestSmtpServer;
  workers: RunningEntry[];
  /** Resident memory (MiB) of the worker processes and of the Temporal server side. */
  rss(): { workersMiB: number; serverMiB: number };
  stop(): Promise<void>;
}

/** Resident set size of a process and all its descendants, from /proc (Linux). */
function treeRssKiB(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    for (const child of children ? children.split(/\s+/) : []) total += treeRssKiB(Number(child));
  } catch {
    // The process ended meanwhile.
  }
  return total;
}

/** PostgreSQL's processes (the cluster profile): the postmaster's pid is in its data folder. */
function postgresPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** Whether nothing listens on a local port (a listen that succeeds and is closed again). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A frontend port for the cluster whose derived ports (scripts/cluster/temporal.sh: the other
 * services above it, membership 300 below) are all free and below 32768: the server stores
 * membership ports in a PostgreSQL smallint.
 */
async function clusterPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 21_000 + Math.floor(Math.random() * 10_000);
    const needed = [0, 1, 2, 6, 10, -300, -299, -298, -294].map((d) => base + d);
    const free = await Promise.all(needed.map(portFree));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free port range for the cluster below 32768');
}

export async function startStack(options: { profile: Profile; workers: number }): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'csg-bench-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user and must reach its folder
  const [smtp, twilio] = await Promise.all([startSmtpServer(), startTwilioMock()]);
  const port = options.profile === 'cluster' ? await clusterPort() : await freePort();
  const stops: Array<() => Promise<unknown>> = [];
  let serverPids: () => number[];
  let serverOutput: () => string;

  if (options.profile === 'dev') {
    const server = startScript('scripts/temporal-dev-server.sh', [
      join(dir, 'temporal.db'),
      String(port),
      String(await freePort()),
    ]);
    stops.push(() => server.stop());
    serverPids = () => [server.pid];
    serverOutput = () => server.output.join('');
  } else {
    const pgPort = await freePort();
    await run('bash', ['scripts/cluster/install.sh']);
    await run('bash', ['scripts/cluster/postgres.sh', 'start', join(dir, 'pg'), String(pgPort)]);
    stops.push(() => run('bash', ['scripts/cluster/postgres.sh', 'stop', join(dir, 'pg')]));
    await run('bash', ['scripts/cluster/temporal.sh', 'schema', dir, String(pgPort)]);
    const server = startScript('scripts/cluster/temporal.sh', ['server', dir, String(port), String(pgPort)]);
    stops.unshift(() => server.stop());
    serverOutput = () => server.output.join('');
    serverPids = () => [server.pid, postgresPid(join(dir, 'pg')) ?? 0].filter(Boolean);
  }
  try {
    await waitForPort(port, 120_000).catch((error: Error) => {
      throw new Error(`${error.message}; server output:\n${serverOutput().slice(-3000)}`);
    });
    if (options.profile === 'cluster') {
      await run('bash', ['scripts/cluster/temporal.sh', 'setup', String(port), 'default', '30']);
    }
  } catch (error) {
    for (const stop of stops) await stop().catch(() => undefined);
    await Promise.all([smtp.stop(), twilio.stop()]);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  // A fresh key for this run: the benchmark encrypts every payload, as production does.
  const payloadKeys = `bench:${generatePayloadKey()}`;
  const taskQueue = 'csg-bench';
  const env = processEnv(
    {
      temporalAddress: `127.0.0.1:${port}`,
      taskQueue,
      smtpPort: smtp.port,
      twilioBaseUrl: twilio.baseUrl,
      dir,
    },
    {
      PAYLOAD_KEYS: payloadKeys,
      // Bounded cache: memory must stay flat however many cases are open.
      WORKER_MAX_CACHED_WORKFLOWS: '250',
    },
  );
  const workers = Array.from({ length: options.workers }, () => spawnEntry('workers/worker.ts', env));
  const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
  const client = new Client({
    connection,
    dataConverter: temporalDataConverter(loadTemporalSettings({ PAYLOAD_KEYS: payloadKeys })),
  });

  return {
    client,
    taskQueue,
    smtp,
    workers,
    rss: () => ({
      workersMiB: workers.reduce((sum, w) => sum + treeRssKiB(w.pid), 0) / 1024,
      serverMiB: serverPids().reduce((sum, pid) => sum + treeRssKiB(pid), 0) / 1024,
    }),
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      await connection.close();
      for (const stop of stops) await stop().catch(() => undefined);
      await Promise.all([smtp.stop(), twilio.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
