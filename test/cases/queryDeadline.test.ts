/**
 * How the service tells "the case did not answer in time" (503, try again) from a genuine failure
 * (500). gRPC reports a call whose deadline fired as DEADLINE_EXCEEDED, and now and then as
 * CANCELLED; seen as a 500 in one full-suite run in a few. A client double delivers each shape
 * at a chosen moment, so the rule is tested without waiting ten seconds for a real deadline.
 */
import type { Client } from '@temporalio/client';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { CaseUnavailableError, createMeldingService } from '../../cases/meldingService';

function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

/** A client whose query fails with `error` after `elapsedMs` of (mocked) time. */
function clientFailingWith(error: Error, elapsedMs: number): Client {
  let now = 1_000_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const handle = {
    query: async () => {
      now += elapsedMs;
      throw error;
    },
  };
  return {
    withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn(),
    workflow: { getHandle: () => handle },
  } as unknown as Client;
}

const wrapped = (code: number, details: string) =>
  new ServiceError('Failed to query Workflow', { cause: grpcError(code, details) });

/** gRPC status codes (the numbers are fixed by the gRPC protocol). */
const status = { CANCELLED: 1, DEADLINE_EXCEEDED: 4, INTERNAL: 13 };

afterEach(() => jest.restoreAllMocks());

test.each([
  [
    'DEADLINE_EXCEEDED from the client deadline',
    wrapped(status.DEADLINE_EXCEEDED, 'Deadline exceeded'),
    10_000,
  ],
  ['DEADLINE_EXCEEDED from the server', wrapped(status.DEADLINE_EXCEEDED, 'query timed out'), 9_000],
  ['CANCELLED once the deadline has passed', wrapped(status.CANCELLED, 'Call cancelled'), 10_000],
])('%s: the case is unavailable (503)', async (_label, error, elapsed) => {
  const service = createMeldingService(clientFailingWith(error, elapsed), 'q');
  await expect(service.state('CSG-LIM-2026-000001')).rejects.toBeInstanceOf(CaseUnavailableError);
});

test.each([
  [
    'CANCELLED before the deadline (something else ended the call)',
    wrapped(status.CANCELLED, 'Call cancelled'),
    2_000,
  ],
  ['an internal error', wrapped(status.INTERNAL, 'boom'), 10_000],
])('%s: a genuine failure, not hidden as a 503', async (_label, error, elapsed) => {
  const service = createMeldingService(clientFailingWith(error, elapsed), 'q');
  const failure = await service.state('CSG-LIM-2026-000001').catch((e: unknown) => e);
  expect(failure).toBe(error);
});

describe('a decision sent with an update id', () => {
  /** A client whose update fails with `error`; it counts the deadlines set around it. */
  function updatingClient(error: Error) {
    const deadlines: number[] = [];
    const handle = {
      executeUpdate: async () => {
        throw error;
      },
    };
    const client = {
      withDeadline: <T>(deadline: number, fn: () => Promise<T>) => {
        deadlines.push(deadline);
        return fn();
      },
      workflow: { getHandle: () => handle },
    } as unknown as Client;
    return { client, deadlines };
  }
  const decision = {
    type: 'ontvangstbevestiging',
    input: { requestId: 'fmo', by: 'partnerlink:forensisch_arts' },
  } as const;

  test('waits within a deadline, and no answer in time reads as unavailable (sent again, it is the same)', async () => {
    const { client, deadlines } = updatingClient(
      new WorkflowUpdateRPCTimeoutOrCancelledError('Timeout or cancellation waiting for update', {
        cause: grpcError(status.DEADLINE_EXCEEDED, 'Deadline exceeded'),
      }),
    );
    const service = createMeldingService(client, 'q');
    await expect(
      service.decide('CSG-LIM-2026-000001', decision, { updateId: '0b6f4a52-6a51-4a6f-9d0e-2f7c1b7d2a10' }),
    ).rejects.toBeInstanceOf(CaseUnavailableError);
    expect(deadlines).toHaveLength(1);
  });

  test('without an update id no deadline is set: a second send could not be told from a retry', async () => {
    const failure = grpcError(status.INTERNAL, 'boom');
    const { client, deadlines } = updatingClient(failure);
    const service = createMeldingService(client, 'q');
    await expect(service.decide('CSG-LIM-2026-000001', decision)).rejects.toBe(failure);
    expect(deadlines).toEqual([]);
  });
});
