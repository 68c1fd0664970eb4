/**
 * The workflow's own check on an answer through a partner link: once the handover escalated, the
 * primary's link cannot acknowledge in the backup's name (the history would name the wrong
 * person); the backup's link can, and the history names the backup.
 */
import { decide } from '../../cases/meldingClient';
import { MINUTE, open, useHarness } from './harness';

const h = useHarness('wf-link-binding');

test('an escalated handover refuses the earlier tier’s link and takes the awaited one', async () => {
  const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
  await h.until(ref, (x) => open(x, 'casemanager_overdracht') !== undefined);
  await h.skip(30 * MINUTE + 1000);
  const s = await h.until(ref, (x) => open(x, 'casemanager_overdracht')?.awaitedTier === 'backup');
  expect(open(s, 'casemanager_overdracht')).toMatchObject({ attempt: 3, awaitedFromAttempt: 3 });

  const acknowledge = (link: { tier?: 'primary' | 'backup'; attempt: number }) =>
    decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', link, by: 'partnerlink:casemanager' },
    });
  await expect(acknowledge({ tier: 'primary', attempt: 1 })).rejects.toThrow(
    /link: the request has moved on \(now awaiting backup\)/,
  );
  // A link from before tiers were signed in, sent at the primary's reminder: refused as well.
  await expect(acknowledge({ attempt: 2 })).rejects.toThrow(/link: the request has moved on/);
  const still = await h.state(ref);
  expect(open(still, 'casemanager_overdracht')?.status).toBe('open');
  expect(still.decisions.filter((d) => d.type === 'ontvangstbevestiging')).toEqual([]);

  const done = await acknowledge({ tier: 'backup', attempt: 3 });
  expect(done.decisions.filter((d) => d.type === 'ontvangstbevestiging')).toEqual([
    expect.objectContaining({ value: 'casemanager/backup', by: 'partnerlink:casemanager' }),
  ]);
});
