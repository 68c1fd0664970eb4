/**
 * The workflow's own check on an answer through a partner link: once the handover escalated, the
 * primary's link cannot acknowledge in the backup's name (the history would name the wrong
 * person); the backup's link can, and the history names the backup. Once the case changes owner,
 * the former owner's check-in link cannot record the outcome.
 */
import { decide } from '../../cases/meldingClient';
import { DAY, MINUTE, open, useHarness } from './harness';

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

test('after a change of owner the former owner’s check-in link cannot record the outcome', async () => {
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (x) => open(x, 'casemanager_overdracht') !== undefined);
  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-lim' },
  });
  await h.until(ref, (x) => x.phase === 'watchful_waiting');
  await h.skip(Date.parse(intake.receivedAt) + DAY - (await h.now()) + 1000);
  const s = await h.until(ref, (x) => open(x, 'checkin-dag-1')?.addressee === 'cm-lim', 'check-in day 1');
  const sent = { tier: 'owner' as const, attempt: open(s, 'checkin-dag-1')!.attempt! };

  await decide(h.env.client, ref, {
    type: 'eigenaar',
    input: { casemanager: 'cm-017', reason: 'afwezigheid', by: 'coord-lim' },
  });
  const record = (addressee: string) =>
    decide(h.env.client, ref, {
      type: 'checkin',
      input: {
        requestId: 'checkin-dag-1',
        link: { ...sent, addressee },
        outcome: 'gaat_goed',
        by: `partnerlink:casemanager:${addressee}`,
      },
    });
  await expect(record('cm-lim')).rejects.toThrow(/link: the request has moved on/);
  expect(open(await h.state(ref), 'checkin-dag-1')?.status).toBe('open');
});
