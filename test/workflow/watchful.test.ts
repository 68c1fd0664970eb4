/**
 * Watchful waiting: check-ins from the region's schedule, a missed check-in climbing its ladder,
 * the screening with and without PTSS, and the 6-month variant, all in seconds of wall time.
 */
import { decide } from '../../cases/meldingClient';
import { handoverDetails, type CaseState } from '../../workflows/messages';
import { DAY, HOUR, open, request, useHarness } from './harness';

const h = useHarness('wf-watchful');

/**
 * Police "nee", no medical care: only the handover stands between intake and watchful waiting.
 * `by` accepts the handover: a staff id owns the case, the partner link leaves it unowned.
 */
async function startInWatchfulWaiting(
  municipality = 'Maastricht',
  by = 'cm-1',
): Promise<{ ref: string; base: number }> {
  const intake = await h.intake({ municipality, wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by },
  });
  await h.until(ref, (s) => s.phase === 'watchful_waiting');
  return { ref, base: Date.parse(intake.receivedAt) };
}

/** Moves the server clock to just after the check-in of `day` and waits until it is open. */
async function reachCheckIn(ref: string, base: number, day: number): Promise<CaseState> {
  const wait = base + day * DAY - (await h.now());
  if (wait > 0) await h.skip(wait + 1000);
  return h.until(ref, (s) => open(s, `checkin-dag-${day}`) !== undefined, `check-in day ${day}`);
}

async function answerAll(ref: string, base: number, days: number[], screeningPtss: Record<number, boolean>) {
  for (const day of days) {
    const s = await reachCheckIn(ref, base, day);
    expect(s.phase).toBe('watchful_waiting');
    const ptss = screeningPtss[day];
    await decide(h.env.client, ref, {
      type: 'checkin',
      input: {
        requestId: `checkin-dag-${day}`,
        outcome: ptss ? 'stressreactie' : 'gaat_goed',
        by: 'cm-1',
        ...(ptss !== undefined ? { ptss } : {}),
      },
    });
  }
}

describe('watchful waiting', () => {
  test('four weeks of check-ins (day 1, 7, 14, 28 screening) without PTSS: afgerond', async () => {
    const { ref, base } = await startInWatchfulWaiting();
    await answerAll(ref, base, [1, 7, 14, 28], { 28: false });
    const result = await h.env.client.workflow.getHandle(ref).result();
    expect(result.outcome).toBe('afgerond');
    // Four weeks of workflow time went by (the test server skipped them).
    expect(Date.parse(result.closedAt) - base).toBeGreaterThanOrEqual(28 * DAY);
    const s = await h.state(ref);
    expect(s.phase).toBe('afgesloten');
    expect(s.decisions.filter((d) => d.type === 'checkin').map((d) => d.value)).toEqual([
      'gaat_goed',
      'gaat_goed',
      'gaat_goed',
      'gaat_goed; ptss: nee',
    ]);
    // Each check-in reminded the casemanager once, through the partner routine.
    expect(
      h.partners
        .requestsOf(ref)
        .filter((m) => m.kind === 'checkin')
        .map((m) => m.requestId),
    ).toEqual(['checkin-dag-1', 'checkin-dag-7', 'checkin-dag-14', 'checkin-dag-28']);
  });

  test('a missed check-in: reminder, then escalation to the coordinator; it lapses when the next one starts', async () => {
    // An unowned case: the on-call ladder (owner.test.ts has the owner's).
    const { ref, base } = await startInWatchfulWaiting('Maastricht', 'partnerlink:casemanager');
    await reachCheckIn(ref, base, 1);
    await h.skip(DAY + HOUR);
    let s = await h.until(ref, (x) => open(x, 'checkin-dag-1')!.escalationLevel === 1);
    expect(open(s, 'checkin-dag-1')!.awaitedTier).toBe('primary');
    await h.skip(DAY);
    s = await h.until(ref, (x) => open(x, 'checkin-dag-1')!.escalationLevel === 2);
    expect(open(s, 'checkin-dag-1')!.awaitedTier).toBe('coordinator');
    expect((await h.untilSent(ref, 'checkin-dag-1', 3)).map((m) => m.tier)).toEqual([
      'primary',
      'primary',
      'coordinator',
    ]);
    s = await reachCheckIn(ref, base, 7);
    expect(request(s, 'checkin-dag-1')!.status).toBe('cancelled');
    await h.until(ref, () =>
      h.partners.noticesOf(ref).some((n) => n.requestId === 'checkin-dag-1' && n.notice === 'vervallen'),
    );
    // The case goes on: the rest of the schedule still runs.
    await answerAll(ref, base, [7, 14, 28], { 28: false });
    expect((await h.env.client.workflow.getHandle(ref).result()).outcome).toBe('afgerond');
  });

  test('a screening that points to PTSS ends in a referral to the GGZ partner: verwezen_ggz', async () => {
    const { ref, base } = await startInWatchfulWaiting();
    await answerAll(ref, base, [1, 7, 14, 28], { 28: true });
    let s = await h.until(ref, (x) => open(x, 'ggz_verwijzing') !== undefined);
    expect(s.phase).toBe('ggz_verwijzing');
    expect(open(s, 'ggz_verwijzing')!.role).toBe('ggz');
    const [referral] = await h.untilSent(ref, 'ggz_verwijzing', 1);
    expect(referral!.kind).toBe('ggz_verwijzing');
    // Without consent for the GGZ the referral's page shows no personal details.
    const details = await h.env.client.workflow.getHandle(ref).query(handoverDetails, 'ggz_verwijzing');
    expect(details).toMatchObject({ kind: 'ggz_verwijzing', role: 'ggz' });
    expect(details!.contact).toBeUndefined();
    s = await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'ggz_verwijzing', by: 'ggz-intake-2' },
    });
    expect((await h.env.client.workflow.getHandle(ref).result()).outcome).toBe('verwezen_ggz');
  });

  test('the 6-month variant (Gelderland-Zuid en -Midden): eight check-ins, two screenings', async () => {
    const { ref, base } = await startInWatchfulWaiting('Nijmegen');
    expect((await h.state(ref)).regionId).toBe('gelderland-zuid-midden');
    await answerAll(ref, base, [1, 7, 14, 28, 56, 91, 126, 182], { 28: false, 182: false });
    const result = await h.env.client.workflow.getHandle(ref).result();
    expect(result.outcome).toBe('afgerond');
    expect(Date.parse(result.closedAt) - base).toBeGreaterThanOrEqual(182 * DAY);
  });

  test('check-in outcomes are validated: the screening must state PTSS, an ordinary check-in may not', async () => {
    const { ref, base } = await startInWatchfulWaiting();
    await reachCheckIn(ref, base, 1);
    await expect(
      decide(h.env.client, ref, {
        type: 'checkin',
        input: {
          requestId: 'checkin-dag-1',
          outcome: 'gaat_goed',
          ptss: true,
          by: 'cm-1',
        },
      }),
    ).rejects.toThrow(/ptss: only a screening/);
    await expect(
      decide(h.env.client, ref, {
        type: 'checkin',
        input: {
          requestId: 'checkin-dag-1',
          outcome: 'prima' as never,
          by: 'cm-1',
        },
      }),
    ).rejects.toThrow(/outcome: expected one of/);
    await answerAll(ref, base, [1, 7, 14], {});
    await reachCheckIn(ref, base, 28);
    await expect(
      decide(h.env.client, ref, {
        type: 'checkin',
        input: {
          requestId: 'checkin-dag-28',
          outcome: 'gaat_goed',
          by: 'cm-1',
        },
      }),
    ).rejects.toThrow(/the screening must say/);
    expect(open(await h.state(ref), 'checkin-dag-28')).toBeDefined();
    await answerAll(ref, base, [28], { 28: false });
    expect((await h.env.client.workflow.getHandle(ref).result()).outcome).toBe('afgerond');
  });
});
