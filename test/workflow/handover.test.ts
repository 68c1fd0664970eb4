import { decide } from '../../cases/meldingClient';
import { handoverDetails } from '../../workflows/messages';
import { MINUTE, open, useHarness } from './harness';

const h = useHarness('wf-handover');

describe('casemanager handover', () => {
  test('no acknowledgement: re-notify, then the backup, then the coordinator', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
    let s = await h.until(ref, (x) => open(x, 'casemanager_overdracht') !== undefined);
    expect(s.phase).toBe('casemanager_overdracht');
    expect(open(s, 'casemanager_overdracht')).toMatchObject({ escalationLevel: 0, awaitedTier: 'primary' });

    await h.skip(15 * MINUTE + 1000);
    s = await h.until(ref, (x) => open(x, 'casemanager_overdracht')!.escalationLevel === 1);
    await h.skip(15 * MINUTE);
    s = await h.until(ref, (x) => open(x, 'casemanager_overdracht')!.escalationLevel === 2);
    expect(open(s, 'casemanager_overdracht')!.awaitedTier).toBe('backup');
    await h.skip(15 * MINUTE);
    s = await h.until(ref, (x) => open(x, 'casemanager_overdracht')!.escalationLevel === 3);
    expect(open(s, 'casemanager_overdracht')!.awaitedTier).toBe('coordinator');

    const sent = await h.untilSent(ref, 'casemanager_overdracht', 4);
    expect(sent.map((m) => [m.attempt, m.tier])).toEqual([
      [1, 'primary'],
      [2, 'primary'],
      [3, 'backup'],
      [4, 'coordinator'],
    ]);
    // The casemanager's page shows the safe contact details; the search attributes never do.
    const details = await h.env.client.workflow
      .getHandle(ref)
      .query(handoverDetails, 'casemanager_overdracht');
    expect(details!.contact?.phone).toBeDefined();

    s = await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-042' },
    });
    expect(s.requests[0]).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'cm-042' });
    s = await h.until(ref, (x) => x.phase === 'watchful_waiting');

    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-042' } });
    expect(await h.env.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'ingetrokken' });
  });
});
