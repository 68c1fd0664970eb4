/**
 * Key rotation under a running case: a melding started while key A sealed payloads goes on after
 * key B becomes the newest (the worker and clients restarted with both keys): the worker reads the
 * intake sealed with A, new payloads are sealed with B, and the whole history replays with both
 * keys but not without A.
 */
import type { Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { temporalDataConverter } from '../../config/temporal';
import { getCaseState, startMelding, decide } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { createTimeSkippingEnv } from '../../testkit/temporal';
import { workflowBundle } from '../../testkit/workflowBundle';
import { PartnerDouble } from './harness';

const keyA = Buffer.alloc(32, 0x3a);
const keyB = Buffer.alloc(32, 0x3b);
const onlyA = temporalDataConverter({
  PAYLOAD_KEYS: { currentKeyId: 'rot-a', keys: new Map([['rot-a', keyA]]) },
});
const aThenB = temporalDataConverter({
  PAYLOAD_KEYS: {
    currentKeyId: 'rot-b',
    keys: new Map([
      ['rot-a', keyA],
      ['rot-b', keyB],
    ]),
  },
});
const onlyB = temporalDataConverter({
  PAYLOAD_KEYS: { currentKeyId: 'rot-b', keys: new Map([['rot-b', keyB]]) },
});

const keyIdOf = (p: Payload | temporal.api.common.v1.IPayload | null | undefined) =>
  p?.metadata?.['encryption-key-id'] ? Buffer.from(p.metadata['encryption-key-id']).toString() : undefined;

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process.
  }
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

async function withWorker<T>(dataConverter: typeof onlyA, run: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'key-rotation',
    workflowBundle: await workflowBundle(),
    activities: new PartnerDouble(),
    dataConverter,
    // Each worker stands for a restarted process: no cached workflow, so no sticky queue that
    // would hold the next task for the stopped worker.
    maxCachedWorkflows: 0,
  });
  return worker.runUntil(run());
}

test('a case started under key A runs on and decodes after key B becomes the newest', async () => {
  const clientA = new Client({ connection: env.connection, dataConverter: onlyA });
  const clientAB = new Client({ connection: env.connection, dataConverter: aThenB });
  const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = intake.reference;

  await withWorker(onlyA, async () => {
    expect((await startMelding(clientA, 'key-rotation', intake)).status).toBe('started');
    for (;;) {
      const s = await getCaseState(clientA, ref);
      if (s.openRequests.some((r) => r.requestId === 'casemanager_overdracht')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  // Rotation: every process restarts with A and B, B sealing new payloads.
  const state = await withWorker(aThenB, async () => {
    await decide(clientAB, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-rot' },
    });
    return getCaseState(clientAB, ref);
  });
  expect(state.phase).toBe('watchful_waiting');

  const history = await clientAB.workflow.getHandle(ref).fetchHistory();
  const events = history.events ?? [];
  expect(keyIdOf(events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0])).toBe('rot-a');
  const update = events.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  expect(
    keyIdOf(
      update?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads?.[0],
    ),
  ).toBe('rot-b');

  // The whole history replays with both keys; without key A the case could not be read at all.
  const bundle = await workflowBundle();
  await Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: aThenB }, history, ref);
  // The reason (which names the missing key) is a failure message, so it is itself sealed.
  await expect(
    Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: onlyB }, history, ref),
  ).rejects.toThrow(/Replay failed.*Encoded failure/);
});
