/**
 * The watchful-waiting plan as data (workflows/checkInPlan.ts): the extension counts from the last
 * check-in still to happen, the next check-in's place leaves cancelled ones out, and a run of
 * failed attempts reaches the region's maximum.
 */
import { SIX_MONTH_CHECK_INS } from '../../domain/checkIns';
import { DEFAULT_PATHWAY } from '../../regions/defaults';
import { CheckInPlanner } from '../../workflows/checkInPlan';

const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.parse('2026-03-01T09:00:00Z');
const dayIso = (days: number) => new Date(BASE + days * DAY).toISOString();

function started(max?: number): CheckInPlanner {
  const plan = new CheckInPlanner(max);
  plan.start(DEFAULT_PATHWAY.checkIns, BASE);
  return plan;
}

test('the extension follows the last check-in still planned: a screening moved to day 30 moves the later ones', () => {
  const plan = started();
  plan.move(plan.get('checkin-dag-28')!, BASE + 30 * DAY);
  plan.extend(SIX_MONTH_CHECK_INS, 28);
  expect(plan.view().slice(4)).toEqual([
    { id: 'checkin-dag-56', at: dayIso(58), screening: false, status: 'gepland' },
    { id: 'checkin-dag-91', at: dayIso(93), screening: false, status: 'gepland' },
    { id: 'checkin-dag-126', at: dayIso(128), screening: false, status: 'gepland' },
    { id: 'checkin-dag-182', at: dayIso(184), screening: true, status: 'gepland' },
  ]);
  expect(plan.extended).toBe(true);
});

test('the next check-in counts the ones that did or will happen, not the cancelled', () => {
  const plan = started();
  plan.setStatus(plan.get('checkin-dag-1')!, 'gedaan');
  plan.setStatus(plan.get('checkin-dag-7')!, 'geannuleerd');
  expect(plan.nextCheckIn()).toEqual({ at: dayIso(14), number: 2, of: 3, screening: false });
  const extra = plan.add(BASE + 10 * DAY);
  expect(extra.id).toBe('checkin-extra-1');
  expect(plan.nextCheckIn()).toEqual({ at: dayIso(10), number: 2, of: 4, screening: false });
});

test('failed attempts in a row reach the maximum; a reached contact starts the count again', () => {
  const plan = started(2);
  const miss = { at: dayIso(1), by: 'cm-1', reached: false };
  plan.recordContact(miss);
  expect(plan.tooManyFailed).toBe(false);
  plan.recordContact({ at: dayIso(1), by: 'cm-1', reached: true, outcome: 'gaat_goed' });
  plan.recordContact(miss);
  expect(plan.failedContacts).toBe(1);
  plan.recordContact(miss);
  expect(plan.tooManyFailed).toBe(true);
  expect(plan.retry(BASE + 2 * DAY, true).id).toBe('checkin-poging-1');
  expect(plan.retry(BASE + 3 * DAY, false).id).toBe('checkin-poging-2');
});
