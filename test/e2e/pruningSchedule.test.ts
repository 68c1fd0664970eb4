/**
 * The Schedule csg-opschonen on the real dev server (the time-skipping test server has no
 * schedules): made once, found unchanged on the next worker start, brought in line when its
 * definition differs (keeping a pause ops set), and when it fires it runs the pruning workflow on
 * the worker's task queue.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createPruningActivities } from '../../activities/pruning';
import { createLogger } from '../../config/logger';
import { createDevServerEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { workflowBundle } from '../../testkit/workflowBundle';
import { ensurePruningSchedule, PRUNING_SCHEDULE_ID } from '../../workers/pruningSchedule';

jest.setTimeout(120_000);

const TASK_QUEUE = 'pruning-schedule-test';
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Installed by another test file in this process.
  }
  env = await createDevServerEnv();
});
afterAll(async () => {
  await env?.client.schedule
    .getHandle(PRUNING_SCHEDULE_ID)
    .delete()
    .catch(() => undefined);
  await env?.teardown();
});

async function scheduleIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const s of env.client.schedule.list()) ids.push(s.scheduleId);
  return ids;
}

const amsterdamTime = (date: Date) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);

test('made once; a second start changes nothing; a different definition is updated, a pause kept', async () => {
  expect(await ensurePruningSchedule(env.client, TASK_QUEUE)).toBe('created');
  expect(await ensurePruningSchedule(env.client, TASK_QUEUE)).toBe('unchanged');
  // The list is eventually consistent on the dev server: wait until it shows the Schedule.
  for (let i = 0; i < 50 && !(await scheduleIds()).includes(PRUNING_SCHEDULE_ID); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect((await scheduleIds()).filter((id) => id === PRUNING_SCHEDULE_ID)).toHaveLength(1);

  const handle = env.client.schedule.getHandle(PRUNING_SCHEDULE_ID);
  const described = await handle.describe();
  expect(described.action).toMatchObject({ workflowType: 'opschonenWorkflow', taskQueue: TASK_QUEUE });
  expect(described.policies.overlap).toBe('SKIP');
  expect(described.spec.timezone).toBe('Europe/Amsterdam');
  // Daily at a quiet Dutch hour, summer time or not.
  const next = described.info.nextActionTimes;
  expect(next.length).toBeGreaterThanOrEqual(2);
  expect(next.map(amsterdamTime)).toEqual(next.map(() => '04:15'));
  expect(next[1]!.getTime() - next[0]!.getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
  expect(next[1]!.getTime() - next[0]!.getTime()).toBeLessThanOrEqual(25 * 3600_000);

  await handle.pause('onderhoud');
  expect(await ensurePruningSchedule(env.client, 'andere-wachtrij')).toBe('updated');
  const updated = await handle.describe();
  expect(updated.action).toMatchObject({ taskQueue: 'andere-wachtrij' });
  expect(updated.state.paused).toBe(true);
  expect(await ensurePruningSchedule(env.client, 'andere-wachtrij')).toBe('unchanged');

  expect(await ensurePruningSchedule(env.client, TASK_QUEUE)).toBe('updated');
  await handle.unpause();
});

test('when it fires, the pruning workflow runs on the worker and prunes every store', async () => {
  await ensurePruningSchedule(env.client, TASK_QUEUE);
  const pruned: string[] = [];
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    dataConverter: TEST_DATA_CONVERTER,
    activities: createPruningActivities({
      stores: ['bezorglog', 'dossier'].map((name) => ({
        name,
        prune: async () => (pruned.push(name), 1),
      })),
      logger: createLogger({ level: 'silent', name: 'worker' }),
    }),
  });
  const handle = env.client.schedule.getHandle(PRUNING_SCHEDULE_ID);
  await worker.runUntil(async () => {
    await handle.trigger();
    let workflowId: string | undefined;
    for (let i = 0; i < 100 && !workflowId; i++) {
      const recent = (await handle.describe()).info.recentActions;
      workflowId = recent.at(-1)?.action.workflow.workflowId;
      if (!workflowId) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(workflowId).toMatch(/^csg-opschonen/);
    const report = await env.client.workflow.getHandle(workflowId!).result();
    expect(report).toMatchObject({ removed: { bezorglog: 1, dossier: 1 } });
  });
  expect(pruned).toEqual(['bezorglog', 'dossier']);
});
