/**
 * When the victim cannot be reached, or needs the GGZ before the screening: after the region's
 * number of failed contact attempts in a row (default 3) the coordinator decides (close, keep
 * trying, another route) instead of the case closing by itself; an early GGZ referral ends
 * watchful waiting once the GGZ confirms.
 */
import { decide } from '../../cases/meldingClient';
import type { FailedContactDecision } from '../../domain/vocabulary';
import { DAY, HOUR, open, request, useHarness } from './harness';
import {
  CM,
  planned,
  reach,
  record,
  refusal,
  startInWatchfulWaiting,
  statuses,
  type CaseInWaiting,
} from './checkInSteps';

const h = useHarness('wf-failed-contacts');
const COORDINATOR = 'coord-1';

/** Three attempts that do not reach the victim: the case asks the coordinator. */
async function missThreeTimes(c: CaseInWaiting): Promise<void> {
  await reach(h, c, 'checkin-dag-1', 1);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const retryAt = new Date(c.base + DAY + attempt * HOUR).toISOString();
    await record(h, c, { type: 'contactmoment', input: { reached: false, retryAt, by: CM } });
  }
}

async function besluit(c: CaseInWaiting, value: FailedContactDecision) {
  return record(h, c, { type: 'contactpogingen', input: { besluit: value, by: COORDINATOR } });
}

test('after three failed attempts the coordinator is asked and the plan waits; "blijven_proberen" goes on', async () => {
  const c = await startInWatchfulWaiting(h);
  await reach(h, c, 'checkin-dag-1', 1);
  // Nobody asked yet: no decision to take.
  expect(
    await refusal(h, c, { type: 'contactpogingen', input: { besluit: 'sluiten', by: COORDINATOR } }),
  ).toBe('besluit: no decision is asked (the victim was not missed too often in a row)');
  await missThreeTimes(c);
  const asked = await h.until(
    c.ref,
    (s) => open(s, 'contactpogingen') !== undefined,
    'the coordinator asked',
  );
  expect(asked.failedContacts).toBe(3);
  expect(open(asked, 'contactpogingen')).toMatchObject({ role: 'coordinator', awaitedTier: 'coordinator' });
  const sent = await h.untilSent(c.ref, 'contactpogingen', 1);
  expect(sent[0]).toMatchObject({ kind: 'contactpogingen', tier: 'coordinator' });

  // The retries wait for the decision: none starts meanwhile, and the case does not close.
  await h.skip(2 * DAY);
  const waiting = await h.state(c.ref);
  expect(waiting.phase).toBe('watchful_waiting');
  expect(statuses(waiting)).toMatchObject({ 'checkin-poging-1': 'gepland' });
  expect(request(waiting, 'checkin-poging-1')).toBeUndefined();
  // The link's plain acknowledgement is no answer to it.
  await expect(
    decide(h.env.client, c.ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'contactpogingen', by: COORDINATOR },
    }),
  ).rejects.toThrow(/decideAfterFailedContacts/);

  const decided = await besluit(c, 'blijven_proberen');
  expect(decided.failedContacts).toBe(0);
  expect(request(decided, 'contactpogingen')).toMatchObject({
    status: 'acknowledged',
    acknowledgedBy: COORDINATOR,
  });
  expect(decided.decisions.at(-1)).toMatchObject({
    type: 'contactpogingen',
    by: COORDINATOR,
    value: 'blijven_proberen',
  });
  // The plan goes on: the retry, overdue by now, starts.
  await h.until(c.ref, (s) => open(s, 'checkin-poging-1') !== undefined, 'the retry');
});

test('"sluiten" closes the case as gesloten, recorded as the coordinator\'s decision', async () => {
  const c = await startInWatchfulWaiting(h);
  await missThreeTimes(c);
  await h.until(c.ref, (s) => open(s, 'contactpogingen') !== undefined, 'the coordinator asked');
  await besluit(c, 'sluiten');
  const result = await h.env.client.workflow.getHandle(c.ref).result();
  expect(result.outcome).toBe('gesloten');
  const s = await h.state(c.ref);
  expect(s.decisions.filter((d) => d.type === 'contactpogingen').map((d) => [d.by, d.value])).toEqual([
    [COORDINATOR, 'sluiten'],
  ]);
  expect(s.openRequests).toEqual([]);
  // Nothing planned happens any more.
  expect(Object.values(statuses(s))).not.toContain('gepland');
});

test('"andere_route" resets the count and goes on with the plan; a check-in answered "geen_contact" through its request counts too', async () => {
  const c = await startInWatchfulWaiting(h);
  await missThreeTimes(c);
  await h.until(c.ref, (s) => open(s, 'contactpogingen') !== undefined, 'the coordinator asked');
  const decided = await besluit(c, 'andere_route');
  expect(decided.failedContacts).toBe(0);
  expect(decided.decisions.at(-1)).toMatchObject({ type: 'contactpogingen', value: 'andere_route' });
  await h.skip(2 * HOUR);
  await h.until(c.ref, (s) => open(s, 'checkin-poging-1') !== undefined, 'the plan goes on');
  // A check-in answered "geen contact" through its request is a failed attempt as well.
  const missed = await record(h, c, {
    type: 'checkin',
    input: { requestId: 'checkin-poging-1', outcome: 'geen_contact', by: CM },
  });
  expect(missed.failedContacts).toBe(1);
  expect(missed.contacts!.at(-1)).toMatchObject({ reached: false, by: CM });
});

test('the victim reached while the coordinator is asked: the question lapses and the plan goes on', async () => {
  const c = await startInWatchfulWaiting(h);
  await missThreeTimes(c);
  await h.until(c.ref, (s) => open(s, 'contactpogingen') !== undefined, 'the coordinator asked');
  await record(h, c, { type: 'contactmoment', input: { reached: true, outcome: 'gaat_goed', by: CM } });
  const s = await h.until(c.ref, (x) => request(x, 'contactpogingen')?.status === 'cancelled', 'the lapse');
  expect(s.failedContacts).toBe(0);
  // The notice goes out beside the flow.
  for (let waited = 0; h.partners.noticesOf(c.ref).length === 0 && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(h.partners.noticesOf(c.ref).map((n) => [n.requestId, n.notice])).toEqual([
    ['contactpogingen', 'vervallen'],
  ]);
  expect(
    await refusal(h, c, { type: 'contactpogingen', input: { besluit: 'sluiten', by: COORDINATOR } }),
  ).toMatch(/^besluit: no decision is asked/);
  await h.skip(2 * HOUR);
  await h.until(c.ref, (x) => open(x, 'checkin-poging-1') !== undefined, 'the plan goes on');
});

test('early GGZ referral: refused before the handover; after it, the referral starts now and watchful waiting ends', async () => {
  // Before the casemanager has the case, there is nobody to refer.
  const intake = await h.intake({
    municipality: 'Maastricht',
    wishes: { police: 'nee', medicalCare: 'nee' },
  });
  const early = { ref: await h.start(intake), base: Date.parse(intake.receivedAt) };
  await h.until(early.ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  expect(
    await refusal(h, early, { type: 'ggz_verwijzing', input: { reason: 'wens_slachtoffer', by: CM } }),
  ).toBe('the case is not yet handed over to a casemanager');

  const c = await startInWatchfulWaiting(h);
  await reach(h, c, 'checkin-dag-1', 1);
  await record(h, c, { type: 'contactmoment', input: { reached: true, outcome: 'stressreactie', by: CM } });
  expect(await refusal(h, c, { type: 'ggz_verwijzing', input: { reason: 'boos' as never, by: CM } })).toBe(
    'reason: expected one of stressreactie, ptss_vermoeden, wens_slachtoffer',
  );
  const referred = await record(h, c, { type: 'ggz_verwijzing', input: { reason: 'stressreactie', by: CM } });
  expect(open(referred, 'ggz_verwijzing')).toMatchObject({ role: 'ggz', kind: 'ggz_verwijzing' });
  expect(referred.decisions.at(-1)).toMatchObject({ type: 'ggz_verwijzing', by: CM, value: 'stressreactie' });
  const ggz = await h.until(c.ref, (s) => s.phase === 'ggz_verwijzing', 'the referral phase');
  // The rest of the plan lapses; no check-in starts any more.
  expect(planned(ggz, 'checkin-dag-7')!.status).toBe('vervallen');
  expect(ggz.nextCheckIn).toBeUndefined();
  expect(await refusal(h, c, { type: 'ggz_verwijzing', input: { reason: 'stressreactie', by: CM } })).toBe(
    'the case is already referred to the GGZ',
  );
  await decide(h.env.client, c.ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'ggz_verwijzing', by: 'ggz-1' },
  });
  const result = await h.env.client.workflow.getHandle(c.ref).result();
  expect(result.outcome).toBe('verwezen_ggz');
  expect(h.partners.requestsOf(c.ref, 'checkin-dag-7')).toEqual([]);
});

test('a contact whose screening points to PTSS starts the referral as the day-28 screening does', async () => {
  const c = await startInWatchfulWaiting(h);
  await reach(h, c, 'checkin-dag-1', 1);
  await record(h, c, {
    type: 'contactmoment',
    input: { reached: true, outcome: 'stressreactie', screening: 'ptss_vermoeden', by: CM },
  });
  const s = await h.until(c.ref, (x) => open(x, 'ggz_verwijzing') !== undefined, 'the referral');
  expect(s.phase).toBe('ggz_verwijzing');
  expect(s.contacts!.at(-1)).toMatchObject({ screening: 'ptss_vermoeden' });
});
