/**
 * How a case ends or refuses: withdrawal in every phase, transfer, duplicate start, rejected
 * decisions; delivery failures raising the escalation level; search attributes for ops.
 */
import { ApplicationFailure } from '@temporalio/common';
import { DecisionRejectedError, reportDeliveryStatus, startMelding, decide } from '../../cases/meldingClient';
import type { CasePhase } from '../../domain/types';
import { handoverDetails } from '../../workflows/messages';
import { DAY, MINUTE, open, useHarness } from './harness';

const h = useHarness('wf-ending');

const result = (ref: string) => h.env.client.workflow.getHandle(ref).result();

/** Brings a fresh case (police "ja", medical "ja") into the given phase. */
async function caseIn(phase: CasePhase): Promise<string> {
  const intake = await h.intake();
  const ref = await h.start(intake);
  await h.until(ref, (s) => s.phase === 'acute_zorg');
  if (phase === 'acute_zorg') return ref;
  for (const id of ['informatief_gesprek', 'fmo', 'fmo-opsporing', 'medische_zorg']) {
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: id, by: 'partner-1' },
    });
  }
  await h.until(ref, (s) => s.phase === 'casemanager_overdracht');
  if (phase === 'casemanager_overdracht') return ref;
  await decide(h.env.client, ref, {
    type: 'ontvangstbevestiging',
    input: { requestId: 'casemanager_overdracht', by: 'cm-1' },
  });
  await h.until(ref, (s) => s.phase === 'watchful_waiting');
  if (phase === 'watchful_waiting') return ref;
  const base = Date.parse(intake.receivedAt);
  for (const day of [1, 7, 14, 28]) {
    const wait = base + day * DAY - (await h.now());
    if (wait > 0) await h.skip(wait + 1000);
    await h.until(ref, (s) => open(s, `checkin-dag-${day}`) !== undefined);
    await decide(h.env.client, ref, {
      type: 'checkin',
      input: {
        requestId: `checkin-dag-${day}`,
        outcome: 'gaat_goed',
        by: 'cm-1',
        ...(day === 28 ? { ptss: true } : {}),
      },
    });
  }
  await h.until(ref, (s) => s.phase === 'ggz_verwijzing' && open(s, 'ggz_verwijzing') !== undefined);
  return ref;
}

describe('withdrawal stops every outgoing contact, in every phase', () => {
  test.each<CasePhase>(['acute_zorg', 'casemanager_overdracht', 'watchful_waiting', 'ggz_verwijzing'])(
    'withdrawn during %s',
    async (phase) => {
      const ref = await caseIn(phase);
      const before = await h.state(ref);
      const openIds = before.openRequests.map((r) => r.requestId);
      const s = await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
      expect(s.openRequests).toEqual([]);
      expect(s.decisions.at(-1)).toMatchObject({ type: 'intrekking', by: 'cm-1' });
      expect(await result(ref)).toMatchObject({ outcome: 'ingetrokken' });
      // Every partner with an open request was told; nothing was sent after the withdrawal.
      const told = h.partners
        .noticesOf(ref)
        .filter((n) => n.notice === 'ingetrokken')
        .map((n) => n.requestId);
      expect(told).toEqual(expect.arrayContaining(openIds));
      const sentBefore = h.partners.requestsOf(ref).length;
      await h.skip(3 * DAY);
      expect(h.partners.requestsOf(ref)).toHaveLength(sentBefore);
      await expect(
        decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } }),
      ).rejects.toThrow();
    },
  );

  test('acknowledged police and FMO partners are told too, so nobody contacts the victim', async () => {
    const ref = await caseIn('casemanager_overdracht');
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
    expect(
      h.partners
        .noticesOf(ref)
        .map((n) => n.role)
        .sort(),
    ).toEqual(
      [
        'acute_medische_zorg',
        'casemanager',
        'forensisch_arts',
        'forensische_opsporing',
        'zedenpolitie',
      ].sort(),
    );
  });
});

describe('closing notices reach whoever knows of the request', () => {
  afterEach(() => {
    h.partners.onNotice = () => ({});
  });
  /** "tier:notice" for each notice about the police request, in the order sent. */
  const policeNotices = (ref: string) =>
    h.partners
      .noticesOf(ref)
      .filter((n) => n.requestId === 'informatief_gesprek')
      .map((n) => `${n.tier}:${n.notice}`);

  test('a police request that climbed to the backup: primary and backup are both told of the withdrawal', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'ja' } }));
    await h.untilSent(ref, 'informatief_gesprek', 1);
    await h.skip(2 * 60 * MINUTE + 1000);
    await h.untilSent(ref, 'informatief_gesprek', 3);
    // The backup answered late; the victim then withdraws.
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'informatief_gesprek', by: 'zeden-backup' },
    });
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
    expect(policeNotices(ref).sort()).toEqual(['backup:ingetrokken', 'primary:ingetrokken']);
  });

  test('a withdrawal notice that cannot be delivered goes to the coordinator', async () => {
    h.partners.onNotice = (n) =>
      n.tier === 'coordinator'
        ? {}
        : { deliveries: [{ channel: 'email', status: 'failed', reason: 'unknown address' }], escalate: true };
    const ref = await h.start(await h.intake({ wishes: { police: 'ja' } }));
    await h.untilSent(ref, 'informatief_gesprek', 1);
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
    expect(policeNotices(ref)).toEqual(['primary:ingetrokken', 'coordinator:ingetrokken']);
  });
});

describe('transfer to another region', () => {
  test('open requests are closed as transferred and the other region’s coordinator is notified', async () => {
    const ref = await caseIn('watchful_waiting');
    await expect(
      decide(h.env.client, ref, { type: 'overdracht', input: { toRegionId: 'atlantis', by: 'co-1' } }),
    ).rejects.toThrow(DecisionRejectedError);
    await expect(
      decide(h.env.client, ref, { type: 'overdracht', input: { toRegionId: 'limburg', by: 'co-1' } }),
    ).rejects.toThrow(/already in this region/);
    await decide(h.env.client, ref, {
      type: 'overdracht',
      input: { toRegionId: 'gelderland-zuid-midden', by: 'co-1' },
    });
    const [handover] = await h.untilSent(ref, 'regio_overdracht', 1);
    expect(handover).toMatchObject({
      regionId: 'gelderland-zuid-midden',
      role: 'coordinator',
      tier: 'coordinator',
    });
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'co-gzm' },
    });
    expect(await result(ref)).toMatchObject({ outcome: 'overgedragen' });
    const s = await h.state(ref);
    expect(s.decisions.map((d) => d.type)).toContain('overdracht');
    // The decided transfer names the receiving region like a corrected municipality does.
    expect(s).toMatchObject({ regionId: 'limburg', transferredTo: 'gelderland-zuid-midden' });
    const described = await h.env.client.workflow.getHandle(ref).describe();
    expect(
      described.typedSearchAttributes.getAll().find((p) => p.key.name === 'CsgOvergedragenNaar')?.value,
    ).toBe('gelderland-zuid-midden');
  });

  test('a transfer nobody accepts stays open and overdue instead of closing as handed over', async () => {
    const ref = await caseIn('watchful_waiting');
    await decide(h.env.client, ref, {
      type: 'overdracht',
      input: { toRegionId: 'gelderland-zuid-midden', by: 'co-1' },
    });
    await h.untilSent(ref, 'regio_overdracht', 1);
    // Far past every step of the ladder: still not handed over, visible to ops at the top level.
    await h.skip(3 * DAY);
    const s = await h.until(ref, (x) => open(x, 'regio_overdracht')?.escalationLevel !== undefined);
    expect(s.outcome).toBeUndefined();
    expect(open(s, 'regio_overdracht')).toMatchObject({ role: 'coordinator', awaitedTier: 'coordinator' });
    expect(Date.parse(open(s, 'regio_overdracht')!.dueBy)).toBeLessThan(await h.now());
    // The late answer is still taken, and then the case closes as transferred.
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'co-gzm' },
    });
    expect(await result(ref)).toMatchObject({ outcome: 'overgedragen' });
  });
});

describe('one case per melding', () => {
  test('a second start with the same reference reports the existing case', async () => {
    const intake = await h.intake();
    expect((await startMelding(h.env.client, h.taskQueue, intake)).status).toBe('started');
    expect(await startMelding(h.env.client, h.taskQueue, { ...intake, municipality: 'Venlo' })).toEqual({
      status: 'already_exists',
      reference: intake.reference,
    });
    await decide(h.env.client, intake.reference, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(intake.reference);
    // Also after the case closed: a reference is never reused.
    expect((await startMelding(h.env.client, h.taskQueue, intake)).status).toBe('already_exists');
  });

  test('an invalid intake starts nothing and names the fields', async () => {
    const intake = await h.intake({ municipality: 'Atlantis' });
    expect(await startMelding(h.env.client, h.taskQueue, intake)).toEqual({
      status: 'invalid',
      problems: [
        {
          field: 'municipality',
          code: 'custom',
          message: 'expected the name of a Dutch municipality',
        },
      ],
    });
  });
});

describe('decisions are validated', () => {
  test('a bad update is rejected with a reason and changes nothing', async () => {
    const ref = await caseIn('acute_zorg');
    const before = await h.state(ref);
    await expect(
      decide(h.env.client, ref, {
        type: 'ontvangstbevestiging',
        input: { requestId: 'bestaat-niet', by: 'x' },
      }),
    ).rejects.toThrow(/unknown request/);
    await expect(
      decide(h.env.client, ref, {
        type: 'ontvangstbevestiging',
        input: { requestId: 'fmo', by: 'Marie de Vries' },
      }),
    ).rejects.toThrow(/by: /);
    await expect(
      decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'misschien' as never, by: 'cm-1' } }),
    ).rejects.toThrow(/wish: /);
    await expect(
      decide(h.env.client, ref, { type: 'politiewens', input: { wish: 'ja', by: 'cm-1' } }),
    ).rejects.toThrow(/already "ja"/);
    expect(await h.state(ref)).toEqual(before);
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
  });
});

describe('delivery failures raise the escalation level at once', () => {
  test('a DeliveryReport with escalate: true moves to the next step without waiting', async () => {
    h.partners.onRequest = (m) =>
      m.requestId === 'casemanager_overdracht' && m.attempt === 1 ? { escalate: true } : {};
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
    const sent = await h.untilSent(ref, 'casemanager_overdracht', 2);
    expect(sent.map((m) => m.attempt)).toEqual([1, 2]);
    expect(open(await h.state(ref), 'casemanager_overdracht')!.escalationLevel).toBe(1);
    h.partners.onRequest = () => ({});
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
  });

  test('a deliveryStatus signal "undelivered" for the current attempt does the same', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
    await h.untilSent(ref, 'casemanager_overdracht', 1);
    await reportDeliveryStatus(h.env.client, ref, {
      requestId: 'casemanager_overdracht',
      attempt: 1,
      channel: 'sms',
      status: 'undelivered',
      errorCode: '30003',
    });
    await h.untilSent(ref, 'casemanager_overdracht', 2);
    expect(open(await h.state(ref), 'casemanager_overdracht')!.escalationLevel).toBe(1);
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
  });

  test('a send that keeps failing never holds the ladder: the next steps still go out on time', async () => {
    h.partners.onRequest = (m) => {
      if (m.requestId === 'casemanager_overdracht' && m.attempt === 1)
        throw new Error('SMTP 421 try again later');
      return {};
    };
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
    await h.untilSent(ref, 'casemanager_overdracht', 1);
    await h.skip(15 * MINUTE + 1000);
    const s = await h.until(ref, (x) => open(x, 'casemanager_overdracht')!.escalationLevel >= 1);
    expect(open(s, 'casemanager_overdracht')!.awaitedTier).toBe('primary');
    await h.until(ref, () =>
      h.partners.requestsOf(ref, 'casemanager_overdracht').some((m) => m.attempt === 2),
    );
    h.partners.onRequest = () => ({});
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
  });

  test('a permanent send failure escalates at once', async () => {
    h.partners.onRequest = (m) => {
      if (m.requestId === 'casemanager_overdracht' && m.attempt === 1) {
        throw ApplicationFailure.nonRetryable('unknown recipient', 'UnknownRecipient');
      }
      return {};
    };
    const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
    await h.untilSent(ref, 'casemanager_overdracht', 2);
    h.partners.onRequest = () => ({});
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
  });
});

describe('what a partner page may show', () => {
  test('handoverDetails follows consent, and is null for unknown or cancelled requests', async () => {
    const ref = await h.start(await h.intake());
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    const handle = h.env.client.workflow.getHandle(ref);
    expect((await handle.query(handoverDetails, 'casemanager_overdracht'))?.contact).toBeDefined();
    expect((await handle.query(handoverDetails, 'informatief_gesprek'))?.contact).toBeUndefined();
    await decide(h.env.client, ref, {
      type: 'toestemming',
      input: { role: 'zedenpolitie', given: true, by: 'cm-1' },
    });
    expect((await handle.query(handoverDetails, 'informatief_gesprek'))?.contact).toBeDefined();
    expect(await handle.query(handoverDetails, 'bestaat-niet')).toBeNull();
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    expect(await handle.query(handoverDetails, 'informatief_gesprek')).toBeNull();
    await result(ref);
  });
});

describe('search attributes for ops', () => {
  test('region, phase, window, awaited party, since, deadline and level; nothing personal', async () => {
    const intake = await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } });
    const ref = await h.start(intake);
    await h.until(ref, (s) => s.phase === 'casemanager_overdracht');
    const attrs = async () => {
      const d = await h.env.client.workflow.getHandle(ref).describe();
      return Object.fromEntries(d.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value]));
    };
    const a = await attrs();
    expect(a).toMatchObject({
      CsgRegion: 'limburg',
      CsgPhase: 'casemanager_overdracht',
      CsgTriageWindow: 'binnen_72_uur',
      CsgAwaitedParty: 'casemanager/primary',
      CsgEscalationLevel: 0,
    });
    expect(a.CsgAwaitedDeadline).toBeInstanceOf(Date);
    expect(a.CsgAwaitedSince).toBeInstanceOf(Date);
    const text = JSON.stringify(a);
    for (const personal of [intake.victimContact.name!, intake.victimContact.phone!, intake.municipality]) {
      expect(text).not.toContain(personal);
    }
    await h.skip(30 * MINUTE + 1000);
    await h.until(ref, (s) => open(s, 'casemanager_overdracht')!.escalationLevel === 2);
    expect(await attrs()).toMatchObject({ CsgAwaitedParty: 'casemanager/backup', CsgEscalationLevel: 2 });
    await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-1' } });
    await result(ref);
    const closed = await attrs();
    expect(closed.CsgPhase).toBe('afgesloten');
    expect(closed.CsgAwaitedParty).toBeUndefined();
  });
});
