/**
 * A non-acute request waits for the partner's office hours, on the time-skipping server: an
 * early GGZ referral made on a Friday evening is due on Monday morning (Limburg's GGZ is open
 * on weekdays 09:00-17:00, its first step waits an hour), and nobody is reminded or escalated to
 * over the weekend. An acute case's first care still runs around the clock.
 */
import { HOUR, nextDutchHour, open, useHarness } from './harness';
import { CM, reach, record, startInWatchfulWaiting } from './checkInSteps';

const h = useHarness('wf-office-hours');
const MINUTE = 60_000;

test('a GGZ referral on Friday at 20:00 is due Monday at 10:00 and waits the weekend out', async () => {
  const c = await startInWatchfulWaiting(h);
  await reach(h, c, 'checkin-dag-1', 1);
  await record(h, c, { type: 'contactmoment', input: { reached: true, outcome: 'stressreactie', by: CM } });
  const friday = nextDutchHour(await h.now(), 5, 20);
  await h.skip(friday - (await h.now()));
  const referred = await record(h, c, { type: 'ggz_verwijzing', input: { reason: 'stressreactie', by: CM } });
  const monday10 = nextDutchHour(friday, 1, 10);
  expect(open(referred, 'ggz_verwijzing')!.dueBy).toBe(new Date(monday10).toISOString());
  await h.untilSent(c.ref, 'ggz_verwijzing', 1);

  // Sunday evening: still the first step, nothing more sent.
  await h.skip(nextDutchHour(friday, 0, 21) - (await h.now()));
  expect(open(await h.state(c.ref), 'ggz_verwijzing')).toMatchObject({ escalationLevel: 0 });
  expect(h.partners.requestsOf(c.ref, 'ggz_verwijzing')).toHaveLength(1);

  // Monday just past 10:00: the next step goes out, due an hour of office time later.
  await h.skip(monday10 + MINUTE - (await h.now()));
  const sent = await h.untilSent(c.ref, 'ggz_verwijzing', 2);
  expect(sent).toHaveLength(2);
  // (the timer fires a few milliseconds after its deadline; the next step counts from then)
  const next = Date.parse(open(await h.state(c.ref), 'ggz_verwijzing')!.dueBy);
  expect(Math.abs(next - (monday10 + HOUR))).toBeLessThan(1000);
});

test('the acute requests of an acute case run around the clock, whatever the hour', async () => {
  const intake = await h.intake(
    { municipality: 'Maastricht', wishes: { police: 'nee', medicalCare: 'ja' } },
    2,
  );
  const ref = await h.start(intake);
  const s = await h.until(ref, (st) => open(st, 'medische_zorg') !== undefined, 'medical care asked');
  const asked = open(s, 'medische_zorg')!;
  const waited = Date.parse(asked.dueBy) - Date.parse(intake.receivedAt);
  // The first step's wait from the moment it was sent, not stretched to office hours.
  expect(waited).toBeLessThan(2 * HOUR);
});
