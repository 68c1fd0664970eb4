/**
 * A failure's message and stack trace never reach the Temporal server readable: an activity that
 * fails with a message quoting case data leaves, in the raw history the server stores, an encoded
 * failure sealed by the payload codec; the client (with the key) still reads the message.
 */
import { Client } from '@temporalio/client';
import { ApplicationFailure, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { startMelding } from '../../cases/meldingClient';
import { buildIntake } from '../../testkit/meldingFixtures';
import { createTimeSkippingEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { workflowBundle } from '../../testkit/workflowBundle';
import { PartnerDouble } from './harness';

const SECRET = 'onbereikbaar op +31612345678 (Fenna Planted)';
const TASK_QUEUE = 'failure-encoding';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Already installed in this process.
  }
  env = await createTimeSkippingEnv();
});
afterAll(() => env?.teardown());

test('an activity failure is stored with its message encoded and encrypted, not in clear', async () => {
  const partners = new PartnerDouble();
  partners.onRequest = () => {
    throw ApplicationFailure.nonRetryable(SECRET, 'OntvangerOnbereikbaar');
  };
  const client = new Client({ connection: env.connection, dataConverter: TEST_DATA_CONVERTER });
  const intake = buildIntake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await workflowBundle(),
    activities: partners,
    dataConverter: TEST_DATA_CONVERTER,
  });

  const failed = await worker.runUntil(async () => {
    expect((await startMelding(client, TASK_QUEUE, intake)).status).toBe('started');
    for (;;) {
      const history = await client.workflow.getHandle(intake.reference).fetchHistory();
      const event = history.events?.find((e) => e.activityTaskFailedEventAttributes);
      if (event) return { history, failure: event.activityTaskFailedEventAttributes!.failure! };
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  // What the server stores: the whole raw history, as bytes, holds neither message nor stack.
  const raw = Buffer.from(temporal.api.history.v1.History.encode(failed.history).finish());
  for (const clear of [SECRET, '+31612345678', 'Fenna', 'OntvangerOnbereikbaar: ']) {
    expect(raw.includes(clear)).toBe(false);
  }
  expect(failed.failure.message).toBe('Encoded failure');
  expect(failed.failure.stackTrace ?? '').toBe('');
  const sealed = failed.failure.encodedAttributes as Payload;
  expect(Buffer.from(sealed.metadata!.encoding!).toString()).toBe('binary/encrypted');

  // Whoever holds the key reads it back: the codec opens it and the converter restores the message.
  const [opened] = await TEST_DATA_CONVERTER.payloadCodecs![0]!.decode([sealed]);
  expect(JSON.parse(Buffer.from(opened!.data!).toString()).message).toBe(SECRET);
});
