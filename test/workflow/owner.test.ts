/**
 * The casemanager owns the case: whoever accepts the handover is its owner, in the case state and
 * in the CsgCasemanager search attribute a worklist asks "my cases" by.
 */
import { decide } from '../../cases/meldingClient';
import type { CaseState } from '../../workflows/messages';
import { CsgCasemanager, CsgDeliveryFailed } from '../../workflows/searchAttributes';
import { DAY, HOUR, open, useHarness } from './harness';

const h = useHarness('wf-owner');

/** Police "nee", no medical care: only the handover stands between intake and watchful waiting. */
async function startAtHandover(): Promise<{ ref: string; base: number }> {
  const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
  const ref = await h.start(intake);
  await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
  return { ref, base: Date.parse(intake.receivedAt) };
}

/** A case in watchful waiting owned by `owner`, who accepted the handover. */
async function ownedBy(owner: string): Promise<{ ref: string; base: number }> {
  const started = await startAtHandover();
  await decide(h.env.client, started.ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: owner },
  });
  await h.until(started.ref, (s) => s.phase === 'watchful_waiting');
  return started;
}

/** Moves the server clock to just after the check-in of `day` and waits until it is open. */
async function reachCheckIn(ref: string, base: number, day: number): Promise<CaseState> {
  const wait = base + day * DAY - (await h.now());
  if (wait > 0) await h.skip(wait + 1000);
  return h.until(ref, (s) => open(s, `checkin-dag-${day}`) !== undefined, `check-in day ${day}`);
}

const sentTo = (ref: string, requestId: string) =>
  h.partners.requestsOf(ref, requestId).map((m) => [m.tier, m.addressee]);

async function ownerAttribute(ref: string): Promise<unknown> {
  const described = await h.env.client.workflow.getHandle(ref).describe();
  return described.typedSearchAttributes.get(CsgCasemanager);
}

describe('the owner of the case', () => {
  test('the casemanager who acknowledges the handover owns the case', async () => {
    const { ref } = await startAtHandover();
    expect((await h.state(ref)).casemanager).toBeUndefined();
    expect(await ownerAttribute(ref)).toBeUndefined();

    const s = await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-lim' },
    });
    expect(s.casemanager).toBe('cm-lim');
    await h.until(ref, (x) => x.phase === 'watchful_waiting');
    expect(await ownerAttribute(ref)).toBe('cm-lim');
  });

  test('an answer through the partner link names nobody: the case stays without an owner', async () => {
    const { ref } = await startAtHandover();
    const s = await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'partnerlink:casemanager' },
    });
    expect(s.casemanager).toBeUndefined();
    expect(await ownerAttribute(ref)).toBeUndefined();
  });
});

describe('check-ins go to the owner first', () => {
  afterEach(() => {
    h.partners.onRequest = () => ({});
  });

  test("the check-in goes to the owner's own address; the owner's answer closes it", async () => {
    const { ref, base } = await ownedBy('cm-lim');
    const s = await reachCheckIn(ref, base, 1);
    expect(open(s, 'checkin-dag-1')).toMatchObject({ awaitedTier: 'owner', addressee: 'cm-lim' });
    const [sent] = await h.untilSent(ref, 'checkin-dag-1', 1);
    expect(sent).toMatchObject({ tier: 'owner', addressee: 'cm-lim', role: 'casemanager' });
    // The owner's absence is judged by the case's own clock: the step was asked at day 1.
    expect(Date.parse(sent!.askedAt!)).toBeGreaterThanOrEqual(base + DAY);

    await decide(h.env.client, ref, {
      type: 'checkin',
      input: { requestId: 'checkin-dag-1', outcome: 'gaat_goed', by: 'partnerlink:casemanager:cm-lim' },
    });
    await h.skip(3 * DAY);
    // Answered by the owner: the on-call casemanager was never asked.
    expect(sentTo(ref, 'checkin-dag-1')).toEqual([['owner', 'cm-lim']]);
  });

  test('the owner is absent that day: the on-call casemanager is asked at once', async () => {
    h.partners.onRequest = (m) =>
      m.tier === 'owner' ? { deliveries: [], ownerUnavailable: 'absent', note: 'owner absent' } : {};
    const { ref, base } = await ownedBy('cm-lim');
    await reachCheckIn(ref, base, 1);
    const s = await h.until(ref, (x) => open(x, 'checkin-dag-1')?.awaitedTier === 'primary', 'on call asked');
    expect(open(s, 'checkin-dag-1')!.addressee).toBeUndefined();
    // No time passed and the owner's reminder was skipped: straight to the on-call casemanager.
    expect(sentTo(ref, 'checkin-dag-1')).toEqual([
      ['owner', 'cm-lim'],
      ['primary', undefined],
    ]);
    // Being away is no delivery failure for ops.
    const described = await h.env.client.workflow.getHandle(ref).describe();
    expect(described.typedSearchAttributes.get(CsgDeliveryFailed)).toBe(false);

    await h.skip(DAY + HOUR);
    await h.until(ref, (x) => open(x, 'checkin-dag-1')?.awaitedTier === 'coordinator', 'coordinator asked');
    expect(sentTo(ref, 'checkin-dag-1').map(([tier]) => tier)).toEqual(['owner', 'primary', 'coordinator']);
  });

  test('an owner missing from the staff directory: on call at once, and ops see a failed delivery', async () => {
    h.partners.onRequest = (m) => (m.tier === 'owner' ? { deliveries: [], ownerUnavailable: 'unknown' } : {});
    const { ref, base } = await ownedBy('cm-lim');
    await reachCheckIn(ref, base, 1);
    await h.until(ref, (x) => open(x, 'checkin-dag-1')?.awaitedTier === 'primary', 'on call asked');
    const described = await h.env.client.workflow.getHandle(ref).describe();
    expect(described.typedSearchAttributes.get(CsgDeliveryFailed)).toBe(true);
  });

  test('the owner does not answer: their reminder, then the on-call casemanager, then the coordinator', async () => {
    const { ref, base } = await ownedBy('cm-lim');
    await reachCheckIn(ref, base, 1);
    await h.skip(DAY + HOUR);
    let s = await h.until(ref, (x) => open(x, 'checkin-dag-1')!.escalationLevel === 1);
    expect(open(s, 'checkin-dag-1')).toMatchObject({ awaitedTier: 'owner', addressee: 'cm-lim' });
    await h.skip(DAY);
    s = await h.until(ref, (x) => open(x, 'checkin-dag-1')!.escalationLevel === 2);
    expect(open(s, 'checkin-dag-1')!.awaitedTier).toBe('primary');
    await h.skip(DAY);
    s = await h.until(ref, (x) => open(x, 'checkin-dag-1')!.escalationLevel === 3);
    expect(open(s, 'checkin-dag-1')!.awaitedTier).toBe('coordinator');
    expect(sentTo(ref, 'checkin-dag-1')).toEqual([
      ['owner', 'cm-lim'],
      ['owner', 'cm-lim'],
      ['primary', undefined],
      ['coordinator', undefined],
    ]);
    // Nobody answered: the check-in lapses at day 7, and everyone asked hears it, the owner at
    // their own address.
    await reachCheckIn(ref, base, 7);
    await h.until(
      ref,
      () => h.partners.noticesOf(ref).filter((n) => n.requestId === 'checkin-dag-1').length === 3,
      'lapse notices',
    );
    expect(
      h.partners
        .noticesOf(ref)
        .filter((n) => n.requestId === 'checkin-dag-1')
        .map((n) => [n.notice, n.tier, n.addressee])
        // The notices go out side by side: in any order.
        .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual([
      ['vervallen', 'coordinator', undefined],
      ['vervallen', 'owner', 'cm-lim'],
      ['vervallen', 'primary', undefined],
    ]);
  });
});

describe('the coordinator hands the case to another casemanager', () => {
  test('later check-ins, and the reminder of the one running, go to the new owner; the history says who and why', async () => {
    const { ref, base } = await ownedBy('cm-lim');
    await reachCheckIn(ref, base, 1);
    await h.untilSent(ref, 'checkin-dag-1', 1);

    const s = await decide(h.env.client, ref, {
      type: 'eigenaar',
      input: { casemanager: 'cm-017', reason: 'afwezigheid', by: 'coord-lim' },
    });
    expect(s.casemanager).toBe('cm-017');
    expect(s.decisions.at(-1)).toMatchObject({
      type: 'eigenaar',
      by: 'coord-lim',
      value: 'cm-lim → cm-017; reden: afwezigheid',
    });
    expect(await ownerAttribute(ref)).toBe('cm-017');

    // The running check-in's reminder goes to the new owner.
    await h.skip(DAY + HOUR);
    await h.until(ref, (x) => open(x, 'checkin-dag-1')?.addressee === 'cm-017', 'reminder to cm-017');
    expect(sentTo(ref, 'checkin-dag-1')).toEqual([
      ['owner', 'cm-lim'],
      ['owner', 'cm-017'],
    ]);
    // So does the next check-in.
    await reachCheckIn(ref, base, 7);
    const [next] = await h.untilSent(ref, 'checkin-dag-7', 1);
    expect(next).toMatchObject({ tier: 'owner', addressee: 'cm-017' });
  });

  test('an unowned case gets its owner the same way', async () => {
    const { ref } = await startAtHandover();
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'partnerlink:casemanager' },
    });
    const s = await decide(h.env.client, ref, {
      type: 'eigenaar',
      input: { casemanager: 'cm-lim', reason: 'werkverdeling', by: 'coord-lim' },
    });
    expect(s.casemanager).toBe('cm-lim');
    expect(s.decisions.at(-1)!.value).toBe('- → cm-lim; reden: werkverdeling');
  });

  test('an unknown casemanager, the owner again, a reason not on the list: refused, nothing changes', async () => {
    const { ref } = await ownedBy('cm-lim');
    const refusal = (input: { casemanager: string; reason: string }) =>
      decide(h.env.client, ref, {
        type: 'eigenaar',
        input: { ...input, by: 'coord-lim' } as never,
      }).then(
        () => 'accepted',
        (error: Error) => error.message,
      );
    expect(await refusal({ casemanager: 'cm-999', reason: 'werkverdeling' })).toMatch(
      /casemanager: "cm-999" is not in any region's staff directory/,
    );
    expect(await refusal({ casemanager: 'cm-lim', reason: 'werkverdeling' })).toMatch(
      /casemanager: "cm-lim" already owns the case/,
    );
    expect(await refusal({ casemanager: 'cm-017', reason: 'zomaar' })).toMatch(/reason: expected one of/);
    // Past the case client (which fills in the directories): the workflow still refuses.
    const handle = h.env.client.workflow.getHandle(ref);
    await expect(
      handle.executeUpdate('changeOwner', {
        args: [{ casemanager: 'cm-017', reason: 'werkverdeling', by: 'coord-lim' }],
      }),
    ).rejects.toMatchObject({
      cause: {
        message: expect.stringMatching(
          /casemanager: "cm-017" is not a casemanager in the staff directory of limburg/,
        ),
      },
    });
    const s = await h.state(ref);
    expect(s.casemanager).toBe('cm-lim');
    expect(s.decisions.some((d) => d.type === 'eigenaar')).toBe(false);
  });

  test("a casemanager only of another region's directory is refused, naming the field", async () => {
    const intake = await h.intake({
      municipality: 'Nijmegen',
      wishes: { police: 'nee', medicalCare: 'nee' },
    });
    const ref = await h.start(intake);
    await h.until(ref, (s) => open(s, 'casemanager_overdracht') !== undefined);
    await expect(
      decide(h.env.client, ref, {
        type: 'eigenaar',
        input: { casemanager: 'cm-lim', reason: 'werkverdeling', by: 'coord-gzm' },
      }),
    ).rejects.toThrow(
      /casemanager: "cm-lim" is not a casemanager in the staff directory of gelderland-zuid-midden/,
    );
  });
});
