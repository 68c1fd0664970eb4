/**
 * Watchful waiting as a plan the casemanager changes as contacts happen: check-ins moved, added
 * and cancelled fire at their new times (or never), a contact recorded from the worklist closes
 * the running check-in and moves the next one, a victim not reached is tried again when the
 * casemanager says, the extension to six months adds the later check-ins, and a screening without
 * contact no longer ends the case as done. All in seconds of wall time.
 */
import { DAY, HOUR, open, request, useHarness } from './harness';
import {
  CM,
  dayIso,
  planned,
  reach,
  record,
  refusal,
  skipTo,
  startInWatchfulWaiting,
  statuses,
} from './checkInSteps';

const h = useHarness('wf-checkin-plan');

test('the plan: moved and added check-ins fire at their new times, a cancelled one never; bad changes are refused and change nothing', async () => {
  const c = await startInWatchfulWaiting(h);
  const start = await h.state(c.ref);
  expect(start.checkInPlan).toEqual([
    { id: 'checkin-dag-1', at: dayIso(c, 1), screening: false, status: 'gepland' },
    { id: 'checkin-dag-7', at: dayIso(c, 7), screening: false, status: 'gepland' },
    { id: 'checkin-dag-14', at: dayIso(c, 14), screening: false, status: 'gepland' },
    { id: 'checkin-dag-28', at: dayIso(c, 28), screening: true, status: 'gepland' },
  ]);
  expect(start).toMatchObject({ contacts: [], failedContacts: 0, extended: false });

  // Refused, each naming its field, and nothing changes.
  const move = (checkInId: string, at: string) =>
    ({ type: 'planning', input: { action: 'verplaatsen', checkInId, at, by: CM } }) as const;
  expect(await refusal(h, c, move('checkin-dag-99', dayIso(c, 2)))).toBe(
    'checkInId: no planned check-in checkin-dag-99',
  );
  expect(await refusal(h, c, move('checkin-dag-1', new Date(c.base - HOUR).toISOString()))).toBe(
    'at: must be in the future',
  );
  expect(await refusal(h, c, move('checkin-dag-1', 'morgen'))).toMatch(/^at: expected an ISO date-time/);
  expect((await h.state(c.ref)).checkInPlan).toEqual(start.checkInPlan);

  await record(h, c, move('checkin-dag-1', dayIso(c, 2)));
  await record(h, c, { type: 'planning', input: { action: 'toevoegen', at: dayIso(c, 3), by: CM } });
  const changed = await record(h, c, {
    type: 'planning',
    input: { action: 'annuleren', checkInId: 'checkin-dag-7', by: CM },
  });
  expect(changed.checkInPlan!.map((e) => [e.id, e.at, e.status])).toEqual([
    ['checkin-dag-1', dayIso(c, 2), 'gepland'],
    ['checkin-extra-1', dayIso(c, 3), 'gepland'],
    ['checkin-dag-7', dayIso(c, 7), 'geannuleerd'],
    ['checkin-dag-14', dayIso(c, 14), 'gepland'],
    ['checkin-dag-28', dayIso(c, 28), 'gepland'],
  ]);
  // The history says what changed, by whom.
  expect(changed.decisions.filter((d) => d.type === 'planning').map((d) => [d.by, d.value])).toEqual([
    [CM, 'verplaatsen checkin-dag-1'],
    [CM, 'toevoegen checkin-extra-1'],
    [CM, 'annuleren checkin-dag-7'],
  ]);
  // A cancelled check-in cannot be moved.
  expect(await refusal(h, c, move('checkin-dag-7', dayIso(c, 8)))).toBe(
    'checkInId: check-in checkin-dag-7 is geannuleerd: only a planned one can be moved or cancelled',
  );

  // Day 1 passes without a check-in: it was moved to day 2.
  await skipTo(h, c, 1.5);
  expect(request(await h.state(c.ref), 'checkin-dag-1')).toBeUndefined();
  const day2 = await reach(h, c, 'checkin-dag-1', 2);
  expect(Date.parse(open(day2, 'checkin-dag-1')!.requestedAt)).toBeGreaterThanOrEqual(c.base + 2 * DAY);
  await record(h, c, { type: 'contactmoment', input: { reached: true, outcome: 'gaat_goed', by: CM } });

  const extra = await reach(h, c, 'checkin-extra-1', 3);
  expect(Date.parse(open(extra, 'checkin-extra-1')!.requestedAt)).toBeGreaterThanOrEqual(c.base + 3 * DAY);
  await record(h, c, { type: 'contactmoment', input: { reached: true, outcome: 'gaat_goed', by: CM } });

  // Day 7 was cancelled: the next to start is day 14.
  const day14 = await reach(h, c, 'checkin-dag-14', 14);
  expect(request(day14, 'checkin-dag-7')).toBeUndefined();
  expect(h.partners.requestsOf(c.ref, 'checkin-dag-7')).toEqual([]);
  expect(statuses(day14)).toMatchObject({
    'checkin-dag-1': 'gedaan',
    'checkin-extra-1': 'gedaan',
    'checkin-dag-7': 'geannuleerd',
    'checkin-dag-14': 'open',
  });
});

test('a contact from the worklist closes the running check-in and moves the next; not reached plans a retry then', async () => {
  const c = await startInWatchfulWaiting(h);
  await reach(h, c, 'checkin-dag-1', 1);
  const note = 'Slaapt slecht, heeft steun van zus';
  const after = await record(h, c, {
    type: 'contactmoment',
    input: { reached: true, outcome: 'stressreactie', note, nextContactAt: dayIso(c, 4), by: CM },
  });
  // The running check-in is done, its request closed by the casemanager; day 7 moved to day 4.
  expect(request(after, 'checkin-dag-1')).toMatchObject({ status: 'acknowledged', acknowledgedBy: CM });
  expect(planned(after, 'checkin-dag-1')!.status).toBe('gedaan');
  expect(planned(after, 'checkin-dag-7')).toMatchObject({ at: dayIso(c, 4), status: 'gepland' });
  expect(after.nextCheckIn).toMatchObject({ at: dayIso(c, 4), number: 2 });
  expect(after.contacts).toEqual([
    { at: expect.any(String), by: CM, reached: true, outcome: 'stressreactie', note },
  ]);
  // The note stays in the case: the history records what happened, never how the victim is.
  const recorded = after.decisions.find((d) => d.type === 'contactmoment')!;
  expect(recorded).toMatchObject({ by: CM, requestId: 'checkin-dag-1' });
  expect(recorded.value).toBe('bereikt: stressreactie; volgend contact checkin-dag-7');
  expect(JSON.stringify(after.decisions)).not.toContain('zus');

  await reach(h, c, 'checkin-dag-7', 4);
  // Not reached: a retry is required, in the future; a refusal changes nothing.
  const notReached = { type: 'contactmoment', input: { reached: false, by: CM } } as const;
  expect(await refusal(h, c, notReached)).toBe(
    'retryAt: when the victim was not reached, say when to try again',
  );
  const retryAt = new Date(c.base + 5 * DAY + 3 * HOUR).toISOString();
  const missed = await record(h, c, { ...notReached, input: { ...notReached.input, retryAt } });
  expect(planned(missed, 'checkin-dag-7')!.status).toBe('gedaan');
  expect(planned(missed, 'checkin-poging-1')).toEqual({
    id: 'checkin-poging-1',
    at: retryAt,
    screening: false,
    status: 'gepland',
  });
  expect(missed.failedContacts).toBe(1);
  expect(missed.contacts![1]).toMatchObject({ reached: false, retryAt });

  // The retry starts at that time, not before.
  await skipTo(h, c, 5);
  expect(request(await h.state(c.ref), 'checkin-poging-1')).toBeUndefined();
  const retry = await reach(h, c, 'checkin-poging-1', 5.2);
  expect(Date.parse(open(retry, 'checkin-poging-1')!.requestedAt)).toBeGreaterThanOrEqual(
    Date.parse(retryAt),
  );
  const reached = await record(h, c, {
    type: 'contactmoment',
    input: { reached: true, outcome: 'gaat_goed', by: CM },
  });
  expect(reached.failedContacts).toBe(0);
  expect(planned(reached, 'checkin-poging-1')!.status).toBe('gedaan');
});

test('extension to six months adds the later check-ins after the last planned one, and they fire', async () => {
  const c = await startInWatchfulWaiting(h);
  const extended = await record(h, c, { type: 'verlenging', input: { by: CM } });
  expect(extended.extended).toBe(true);
  expect(extended.checkInPlan!.map((e) => [e.id, e.at, e.screening])).toEqual([
    ['checkin-dag-1', dayIso(c, 1), false],
    ['checkin-dag-7', dayIso(c, 7), false],
    ['checkin-dag-14', dayIso(c, 14), false],
    ['checkin-dag-28', dayIso(c, 28), true],
    ['checkin-dag-56', dayIso(c, 56), false],
    ['checkin-dag-91', dayIso(c, 91), false],
    ['checkin-dag-126', dayIso(c, 126), false],
    ['checkin-dag-182', dayIso(c, 182), true],
  ]);
  expect(extended.decisions.find((d) => d.type === 'verlenging')).toMatchObject({
    by: CM,
    value: 'zes maanden',
  });
  expect(await refusal(h, c, { type: 'verlenging', input: { by: CM } })).toBe(
    'the case already runs six months of watchful waiting',
  );

  for (const day of [1, 7, 14]) {
    await reach(h, c, `checkin-dag-${day}`, day);
    await record(h, c, { type: 'contactmoment', input: { reached: true, outcome: 'gaat_goed', by: CM } });
  }
  await reach(h, c, 'checkin-dag-28', 28);
  await record(h, c, {
    type: 'contactmoment',
    input: { reached: true, outcome: 'gaat_goed', screening: 'geen_aanwijzing', by: CM },
  });
  // Four weeks are no longer the end: day 56 comes.
  const day56 = await reach(h, c, 'checkin-dag-56', 56);
  expect(day56.phase).toBe('watchful_waiting');
  expect(day56.nextCheckIn).toMatchObject({ number: 5, of: 8 });
});

test('a screening without contact no longer closes the case as done: it is tried again', async () => {
  const c = await startInWatchfulWaiting(h);
  for (const day of [1, 7, 14]) {
    await reach(h, c, `checkin-dag-${day}`, day);
    await record(h, c, {
      type: 'checkin',
      input: { requestId: `checkin-dag-${day}`, outcome: 'gaat_goed', by: CM },
    });
  }
  await reach(h, c, 'checkin-dag-28', 28);
  // Reached at the screening's time, the screening must say its result.
  expect(
    await refusal(h, c, { type: 'contactmoment', input: { reached: true, outcome: 'gaat_goed', by: CM } }),
  ).toBe(
    'screening: the running check-in checkin-dag-28 is the screening: say geen_aanwijzing or ptss_vermoeden',
  );
  const noContact = await record(h, c, {
    type: 'checkin',
    input: { requestId: 'checkin-dag-28', outcome: 'geen_contact', by: CM },
  });
  expect(noContact.outcome).toBeUndefined();
  expect(noContact.failedContacts).toBe(1);
  expect(noContact.contacts!.at(-1)).toMatchObject({ by: CM, reached: false });
  expect(planned(noContact, 'checkin-poging-1')).toMatchObject({ screening: true, status: 'gepland' });

  await skipTo(h, c, 29);
  expect((await h.state(c.ref)).phase).toBe('watchful_waiting');
  await reach(h, c, 'checkin-poging-1', 30);
  await record(h, c, {
    type: 'checkin',
    input: { requestId: 'checkin-poging-1', outcome: 'gaat_goed', ptss: false, by: CM },
  });
  const result = await h.env.client.workflow.getHandle(c.ref).result();
  expect(result.outcome).toBe('afgerond');
});
