/**
 * `/metrics` of the worker and of the intake service, each run as its own process as in
 * production, against the Temporal dev server, on free ports. One acute melding is started
 * through the API; its partner messages cannot be delivered (no mail server, the SMS provider
 * unreachable), which is exactly what the failed-deliveries series must show.
 */
import { PARTNER_ROLES } from '../../domain/vocabulary';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { spawnEntry, type RunningEntry } from '../../testkit/entryProcess';
import { freePort, startScript, waitForPort } from '../../testkit/processes';
import { processEnv, testStaffBearer } from '../../testkit/processEnv';

jest.setTimeout(180_000);

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    const value = await probe().catch((error: unknown) => ((last = error), undefined));
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${String(last)})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The value of one sample line, e.g. `name{a="b"} 3`; undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics on the worker and the intake service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csg-metrics-'));
  let server: ReturnType<typeof startScript> | undefined;
  let worker: RunningEntry | undefined;
  let intake: RunningEntry | undefined;
  afterAll(async () => {
    await Promise.all([intake?.stop(), worker?.stop()]);
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the named series answer, the intake only with its token', async () => {
    const [temporalPort, uiPort, intakePort, metricsPort, sdkPort, deadPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    server = startScript('scripts/temporal-dev-server.sh', [
      join(dir, 'temporal.db'),
      String(temporalPort),
      String(uiPort),
    ]);
    await waitForPort(temporalPort, 60_000);
    const token = 'metrics-test-token-0123456789abcdef';
    const env = processEnv(
      {
        temporalAddress: `127.0.0.1:${temporalPort}`,
        taskQueue: 'e2e-metrics',
        // Nothing listens here: every send fails and is retried (transient), as when SMTP is down.
        smtpPort: deadPort,
        twilioBaseUrl: `http://127.0.0.1:${deadPort}`,
        dir,
        intakePort,
      },
      {
        WORKER_METRICS_PORT: String(metricsPort),
        WORKER_SDK_METRICS_PORT: String(sdkPort),
        METRICS_TOKEN: token,
      },
    );
    worker = spawnEntry('workers/worker.ts', env);
    intake = spawnEntry('web/main.ts', env);
    await Promise.all([waitForPort(intakePort, 60_000), waitForPort(metricsPort, 60_000)]);

    const basic = await testStaffBearer(`http://127.0.0.1:${intakePort}`);
    const receivedAt = new Date();
    const started = await fetch(`http://127.0.0.1:${intakePort}/api/meldingen`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'chat',
        callerRole: 'slachtoffer',
        incidentTime: { kind: 'exact', at: new Date(receivedAt.getTime() - 5 * 3600_000).toISOString() },
        victimAge: { kind: 'years', years: 22 },
        municipality: 'Maastricht',
        onlineComponent: false,
        immediateDanger: false,
        gender: 'vrouw',
        earlierSexualAbuse: 'nee',
        wishes: { police: 'nee', medicalCare: 'ja' },
        contactPreferences: { safeToCall: true, safeToText: true, safeToEmail: false },
        victimContact: {},
        receivedAt: receivedAt.toISOString(),
      }),
    });
    expect(started.status).toBe(201);

    // The worker: our series and the Temporal SDK's, on one endpoint.
    const workerMetrics = () =>
      fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((r) => (r.ok ? r.text() : undefined));
    const workerText = await eventually('failed deliveries and SDK series on the worker', async () => {
      const text = await workerMetrics();
      if (!text) return undefined;
      const failed = sample(text, 'csg_deliveries_failed_total{channel="email",kind="transient"}') ?? 0;
      const slots = text.includes('temporal_worker_task_slots_available{');
      const latency = text.includes('temporal_workflow_task_schedule_to_start_latency_bucket{');
      return failed >= 1 && slots && latency ? text : undefined;
    });
    expect(
      sample(workerText, 'csg_deliveries_failed_total{channel="sms",kind="transient"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(workerText).toContain('# TYPE csg_escalations_total counter');
    expect(workerText).toContain('# TYPE csg_report_records_written_total counter');
    expect(workerText).toMatch(/^csg_worker_process_cpu_seconds_total /m);
    expect(workerText).toMatch(/temporal_worker_task_slots_available\{[^}]*worker_type="WorkflowWorker"/);

    // The worker made the pruning Schedule; run once now, each store's count is on /metrics.
    const connection = await Connection.connect({ address: `127.0.0.1:${temporalPort}` });
    try {
      const schedule = new Client({ connection }).schedule.getHandle('csg-opschonen');
      await eventually('the pruning schedule', () => schedule.describe());
      await schedule.trigger();
      const pruned = await eventually('the pruning counts on the worker', async () => {
        const text = await workerMetrics();
        return text && sample(text, 'csg_pruned_total{store="dossier"}') !== undefined ? text : undefined;
      });
      // Nothing is past its retention yet: zero, but each store's series is there.
      expect(sample(pruned, 'csg_pruned_total{store="bezorglog"}')).toBe(0);
      expect(sample(pruned, 'csg_pruned_total{store="dossier"}')).toBe(0);
    } finally {
      await connection.close();
    }

    // The intake: refused without the token, figures with it.
    const intakeMetrics = (auth?: string) =>
      fetch(`http://127.0.0.1:${intakePort}/metrics`, auth ? { headers: { authorization: auth } } : {});
    expect((await intakeMetrics()).status).toBe(401);
    expect((await intakeMetrics('Bearer wrong-token-0123456789abcdefgh')).status).toBe(401);
    expect((await intakeMetrics(basic)).status).toBe(401);
    const intakeText = await eventually('the open request on the intake', async () => {
      const text = await (await intakeMetrics(`Bearer ${token}`)).text();
      const open = [...text.matchAll(/^csg_requests_open\{role="[a-z0-9_]+"\} (\d+)$/gm)].map((m) =>
        Number(m[1]),
      );
      // The melding waits for one party first (visibility is eventually consistent: poll).
      return open.reduce((a, b) => a + b, 0) === 1 ? text : undefined;
    });
    expect(sample(intakeText, 'csg_meldingen_started_total{channel="chat",region="limburg"}')).toBe(1);
    const overdue = [...intakeText.matchAll(/^csg_requests_overdue\{role="[a-z0-9_]+"\} (\d+)$/gm)];
    // One series per partner role, every role however many the directory knows.
    expect(overdue).toHaveLength(PARTNER_ROLES.length);
    expect(overdue.every((m) => m[1] === '0')).toBe(true);
    expect(intakeText).not.toContain('csg_visibility_query_errors_total 1');
    // Codes and counts only: the reference appears nowhere.
    const { reference } = (await started.json()) as { reference: string };
    expect(intakeText).not.toContain(reference);
    expect(workerText).not.toContain(reference);
  });
});
