/**
 * A decision sent with an update id reaches Temporal under that id (Temporal then answers a repeat
 * with the first result instead of applying it twice); without one, Temporal picks its own.
 */
import { decide, type HasWorkflowClient } from '../../cases/meldingClient';
import type { CaseState } from '../../workflows/messages';

function recordingClient() {
  const calls: Array<{ name: string; options: { args: unknown[]; updateId?: string } }> = [];
  const client = {
    workflow: {
      getHandle: () => ({
        executeUpdate: async (update: { name: string }, options: { args: unknown[]; updateId?: string }) => {
          calls.push({ name: update.name, options });
          return { reference: 'CSG-LIM-2026-000001' } as CaseState;
        },
      }),
    },
  } as unknown as HasWorkflowClient;
  return { client, calls };
}

const acknowledge = {
  type: 'ontvangstbevestiging',
  input: { requestId: 'fmo-1', by: 'partnerlink:forensisch_arts' },
} as const;

test('the update id given is the update id sent', async () => {
  const { client, calls } = recordingClient();
  await decide(client, 'CSG-LIM-2026-000001', acknowledge, {
    updateId: '0b6f4a52-6a51-4a6f-9d0e-2f7c1b7d2a10',
  });
  expect(calls).toEqual([
    {
      name: 'acknowledgeRequest',
      options: { args: [acknowledge.input], updateId: '0b6f4a52-6a51-4a6f-9d0e-2f7c1b7d2a10' },
    },
  ]);
});

test('without an update id none is set (callers that never repeat stay as they were)', async () => {
  const { client, calls } = recordingClient();
  await decide(client, 'CSG-LIM-2026-000001', acknowledge);
  expect(calls[0]!.options).toEqual({ args: [acknowledge.input] });
});
