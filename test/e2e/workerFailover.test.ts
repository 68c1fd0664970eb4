/**
 * Several worker processes share one task queue, as a cluster deployment runs them. Both take
 * part in a burst of meldingen; then one is killed (SIGKILL) while it holds cases in its cache.
 * Every case goes on with the survivor: the casemanager's acknowledgement of each reaches its
 * workflow, and a new burst is handled too. On the dev server in `npm test`; on the real Temporal
 * server with PostgreSQL in `npm run test:cluster` (CSG_TEST_TEMPORAL_ADDRESS).
 */
import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCaseState, startMelding, decide } from '../../cases/meldingClient';
import { spawnEntry, type RunningEntry } from '../../testkit/entryProcess';
import { buildIntake } from '../../testkit/meldingFixtures';
import { freePort, startScript, waitForPort } from '../../testkit/processes';
import { startSmtpServer, type TestSmtpServer } from '../../testkit/smtpServer';
import { processEnv } from '../../testkit/processEnv';
import { TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { startTwilioMock, type TwilioMock } from '../../testkit/twilioMock';

jest.setTimeout(240_000);

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'csg-failover-'));
let server: ReturnType<typeof startScript> | undefined;
let smtp: TestSmtpServer | undefined;
let twilio: TwilioMock | undefined;
let connection: Connection | undefined;
const workers: RunningEntry[] = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await connection?.close();
  await server?.stop();
  await Promise.all([smtp?.stop(), twilio?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

test('a worker killed while holding cases: every case goes on with the other worker', async () => {
  [smtp, twilio] = await Promise.all([startSmtpServer(), startTwilioMock()]);
  let address = process.env.CSG_TEST_TEMPORAL_ADDRESS;
  if (!address) {
    const [port, uiPort] = [await freePort(), await freePort()];
    server = startScript('scripts/temporal-dev-server.sh', [
      join(dir, 'temporal.db'),
      String(port),
      String(uiPort),
    ]);
    await waitForPort(port, 60_000);
    address = `127.0.0.1:${port}`;
  }
  const taskQueue = `failover-${Date.now()}`;
  // One delivery log on shared storage (the run's folder), as the worker processes of one deployment share it.
  const env = () =>
    processEnv({
      temporalAddress: address!,
      taskQueue,
      smtpPort: smtp!.port,
      twilioBaseUrl: twilio!.baseUrl,
      dir,
    });
  workers.push(spawnEntry('workers/worker.ts', env()), spawnEntry('workers/worker.ts', env()));
  connection = await Connection.connect({ address });
  const client = new Client({ connection, dataConverter: TEST_DATA_CONVERTER });

  const handoverMailed = (reference: string) =>
    smtp!.messages.some((m) => m.subject?.includes(reference) && m.subject.includes('casemanager'));
  const burst = async (count: number) => {
    const refs: string[] = [];
    for (let i = 0; i < count; i++) {
      const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
      expect((await startMelding(client, taskQueue, intake)).status).toBe('started');
      refs.push(intake.reference);
    }
    await eventually(`handover mails for ${count} meldingen`, async () =>
      refs.every(handoverMailed) ? true : undefined,
    );
    return refs;
  };

  const first = await burst(8);
  // Both workers took part: each has cases in its cache now (sticky to it).
  const [victim, survivor] = workers;
  await victim!.kill();

  const second = await burst(4);
  for (const reference of [...first, ...second]) {
    await decide(client, reference, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-failover' },
    });
    const state = await eventually(`${reference} in watchful waiting`, async () => {
      const s = await getCaseState(client, reference);
      return s.phase === 'watchful_waiting' ? s : undefined;
    });
    expect(state.requests.find((r) => r.requestId === 'casemanager_overdracht')?.status).toBe('acknowledged');
  }
  // Lost: none. Every melding got its handover mail, and none got it twice.
  for (const reference of [...first, ...second]) {
    const mails = smtp!.messages.filter(
      (m) =>
        m.subject?.includes(reference) &&
        m.subject.includes('casemanager') &&
        !m.subject.includes('Herinnering'),
    );
    expect(mails).toHaveLength(1);
  }
  expect(survivor!.output()).not.toMatch(/"level":(50|60)/);
});
