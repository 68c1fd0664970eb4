/**
 * The pruning workflow on the time-skipping server: it runs the pruning activity once, at its own
 * time, and answers with the activity's counts; a failing store makes Temporal retry the activity.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createPruningActivities, type PrunableStore } from '../../activities/pruning';
import { createLogger } from '../../config/logger';
import { createTimeSkippingEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { workflowBundle } from '../../testkit/workflowBundle';
import { opschonenWorkflow } from '../../workflows/pruning';

const TASK_QUEUE = 'pruning-workflow-test';
let env: TestWorkflowEnvironment;
/** Each store's calls, as the times it was asked to prune at. */
const calls: Record<'bezorglog' | 'dossier', Date[]> = { bezorglog: [], dossier: [] };
let failuresLeft = 0;

const store = (name: 'bezorglog' | 'dossier', removed: number): PrunableStore => ({
  name,
  async prune(now) {
    calls[name].push(now);
    if (name === 'dossier' && failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error('database not reachable');
    }
    return removed;
  },
});

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Installed by another test file in this process.
  }
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

async function run(id: string) {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    dataConverter: TEST_DATA_CONVERTER,
    activities: createPruningActivities({
      stores: [store('bezorglog', 4), store('dossier', 2)],
      logger: createLogger({ level: 'silent', name: 'worker' }),
    }),
  });
  return worker.runUntil(
    env.client.workflow.execute(opschonenWorkflow, { workflowId: id, taskQueue: TASK_QUEUE }),
  );
}

beforeEach(() => {
  calls.bezorglog = [];
  calls.dossier = [];
});

test('runs the pruning activity once at the time it started and answers with its counts', async () => {
  const before = await env.currentTimeMs();
  const report = await run('csg-opschonen-test-1');
  const after = await env.currentTimeMs();
  expect(report.removed).toEqual({ bezorglog: 4, dossier: 2 });
  expect(calls.bezorglog).toHaveLength(1);
  expect(calls.dossier).toHaveLength(1);
  const at = new Date(report.at).getTime();
  expect(at).toBeGreaterThanOrEqual(before - 1_000);
  expect(at).toBeLessThanOrEqual(after + 1_000);
  expect(calls.dossier[0]!.toISOString()).toBe(report.at);
});

test('a store that fails is tried again against the same cutoff until it succeeds', async () => {
  failuresLeft = 2;
  const report = await run('csg-opschonen-test-2');
  expect(report.removed).toEqual({ bezorglog: 4, dossier: 2 });
  expect(calls.dossier).toHaveLength(3);
  // Every retry prunes at the run's own time, not at the moment of the retry.
  expect(new Set(calls.dossier.map((d) => d.toISOString()))).toEqual(new Set([report.at]));
});
