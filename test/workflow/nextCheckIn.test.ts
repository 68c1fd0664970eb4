/**
 * The next check-in in the case state: planned from the region's schedule as soon as watchful
 * waiting starts, moving on once a check-in is answered, and gone once the case starts closing.
 */
import { decide } from '../../cases/meldingClient';
import { DAY, open, useHarness } from './harness';

const h = useHarness('wf-next-checkin');

/** Police "nee", no medical care: only the handover stands between intake and watchful waiting. */
async function startInWatchfulWaiting(municipality = 'Maastricht'): Promise<{ ref: string; base: number }> {
  const intake = await h.intake({ municipality, wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  const before = await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  // Before watchful waiting there is no check-in to plan.
  expect(before.nextCheckIn).toBeUndefined();
  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-1' },
  });
  await h.until(ref, (s) => s.phase === 'watchful_waiting');
  return { ref, base: Date.parse(intake.receivedAt) };
}

test('day 1 is planned when watchful waiting starts; after it is answered, day 7; a withdrawal clears it', async () => {
  const { ref, base } = await startInWatchfulWaiting();
  const first = await h.until(ref, (s) => s.nextCheckIn !== undefined, 'the first plan');
  expect(first.nextCheckIn).toEqual({
    at: new Date(base + DAY).toISOString(),
    number: 1,
    of: 4,
    screening: false,
  });

  await h.skip(base + DAY - (await h.now()) + 1000);
  await h.until(ref, (s) => open(s, 'checkin-dag-1') !== undefined, 'check-in day 1');
  await decide(h.env.client, ref, {
    type: 'checkin',
    input: { requestId: 'checkin-dag-1', outcome: 'gaat_goed', by: 'cm-1' },
  });
  const second = await h.until(ref, (s) => s.nextCheckIn?.number === 2, 'the second plan');
  expect(second.nextCheckIn).toEqual({
    at: new Date(base + 7 * DAY).toISOString(),
    number: 2,
    of: 4,
    screening: false,
  });

  const withdrawn = await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
  expect(withdrawn.nextCheckIn).toBeUndefined();
  expect((await h.state(ref)).nextCheckIn).toBeUndefined();
});

test('the 6-month schedule of Gelderland-Zuid en -Midden counts eight check-ins', async () => {
  const { ref, base } = await startInWatchfulWaiting('Nijmegen');
  const s = await h.until(ref, (x) => x.nextCheckIn !== undefined, 'the first plan');
  expect(s.nextCheckIn).toEqual({
    at: new Date(base + DAY).toISOString(),
    number: 1,
    of: 8,
    screening: false,
  });
});
