/**
 * Ops actions on a stuck case, on the time-skipping server: re-send a request,
 * re-assign the casemanager handover, close with a reason; each refused for a wrong request id,
 * a closed case or a missing reason, with nothing changed; each in the case history with who.
 */
import { decide } from '../../cases/meldingClient';
import { createOpsService, type OpsOutcome, type OpsService } from '../../cases/opsService';
import { caseHistory, type HistoryEntry } from '../../workflows/opsMessages';
import { MINUTE, open, useHarness } from './harness';

const h = useHarness('wf-ops-actions');
let ops: OpsService;
// After the harness's own: a test that follows a wedged server talks to the fresh one.
beforeEach(() => {
  ops = createOpsService(h.env.client);
});

const HANDOVER = 'casemanager_overdracht';

/** An acute case waiting only for its casemanager handover (no police, no medical care). */
async function handoverCase(): Promise<string> {
  const ref = await h.start(await h.intake({ wishes: { police: 'nee', medicalCare: 'nee' } }));
  await h.until(ref, (s) => s.phase === 'casemanager_overdracht');
  await h.untilSent(ref, HANDOVER, 1);
  return ref;
}

const history = (ref: string) => h.env.client.workflow.getHandle(ref).query(caseHistory);

function expectRejected(outcome: OpsOutcome, field: string, message: RegExp) {
  expect(outcome.status).toBe('rejected');
  if (outcome.status !== 'rejected') return;
  expect(outcome.problems).toEqual([{ field, message: expect.stringMatching(message) }]);
}

/** A refusal changes nothing: same state, same history, no new sends. */
async function expectUnchanged(
  ref: string,
  refuse: () => Promise<OpsOutcome>,
  field: string,
  message: RegExp,
) {
  const before = {
    state: await h.state(ref),
    history: await history(ref),
    sent: h.partners.requestsOf(ref).length,
  };
  expectRejected(await refuse(), field, message);
  expect(await h.state(ref)).toEqual(before.state);
  expect(await history(ref)).toEqual(before.history);
  expect(h.partners.requestsOf(ref)).toHaveLength(before.sent);
}

const opsEntries = (entries: HistoryEntry[]) => entries.filter((e) => e.kind === 'ops');

describe('resendRequest', () => {
  test('notifies the awaited tier again now, with a fresh deadline, and records who', async () => {
    const ref = await handoverCase();
    await h.skip(5 * MINUTE);
    const before = open(await h.state(ref), HANDOVER)!;

    const outcome = await ops.act(ref, { type: 'herinnering', input: { requestId: HANDOVER, by: 'ops' } });
    expect(outcome.status).toBe('ok');
    const sent = await h.untilSent(ref, HANDOVER, 2);
    expect(sent.map((m) => [m.attempt, m.tier])).toEqual([
      [1, 'primary'],
      [2, 'primary'],
    ]);
    const after = open(await h.state(ref), HANDOVER)!;
    expect(Date.parse(after.dueBy) - Date.parse(before.dueBy)).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(after.escalationLevel).toBe(0);
    expect(opsEntries(await history(ref))).toEqual([
      expect.objectContaining({
        by: 'ops',
        type: 'herinnering',
        value: 'casemanager/primary',
        requestId: HANDOVER,
      }),
    ]);
  });

  test('a request whose ladder ran out is sent again to its last tier', async () => {
    const ref = await handoverCase();
    await h.skip(80 * MINUTE);
    await h.untilSent(ref, HANDOVER, 4);
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    expect(open(await h.state(ref), HANDOVER)).toMatchObject({ awaitedTier: 'coordinator' });

    expect(
      (await ops.act(ref, { type: 'herinnering', input: { requestId: HANDOVER, by: 'ops' } })).status,
    ).toBe('ok');
    const sent = await h.untilSent(ref, HANDOVER, 5);
    expect(sent[4]).toMatchObject({ attempt: 5, tier: 'coordinator' });
  });

  test('refused: unknown request id, missing id, answered request, missing who; nothing changes', async () => {
    const ref = await handoverCase();
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'herinnering', input: { requestId: 'fmo-99', by: 'ops' } }),
      'requestId',
      /unknown request "fmo-99"/,
    );
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'herinnering', input: { requestId: '', by: 'ops' } }),
      'requestId',
      /expected the id of an open request/,
    );
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'herinnering', input: { requestId: HANDOVER, by: '' } }),
      'by',
      /pseudonymous id/,
    );
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: HANDOVER, by: 'cm-042' },
    });
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'herinnering', input: { requestId: HANDOVER, by: 'ops' } }),
      'requestId',
      /already acknowledged/,
    );
  });
});

describe('reassignHandover', () => {
  test('gives the handover to the backup casemanager now; the ladder goes on from there', async () => {
    const ref = await handoverCase();
    const outcome = await ops.act(ref, { type: 'toewijzing', input: { toTier: 'backup', by: 'ops' } });
    expect(outcome.status).toBe('ok');
    const sent = await h.untilSent(ref, HANDOVER, 2);
    expect(sent[1]).toMatchObject({ attempt: 2, tier: 'backup' });
    expect(open(await h.state(ref), HANDOVER)).toMatchObject({ awaitedTier: 'backup', escalationLevel: 2 });
    // The backup does not answer either: the coordinator is next, as on the ladder.
    await h.skip(15 * MINUTE + 1000);
    expect((await h.untilSent(ref, HANDOVER, 3))[2]).toMatchObject({ tier: 'coordinator' });
    expect(opsEntries(await history(ref))).toEqual([
      expect.objectContaining({
        by: 'ops',
        type: 'toewijzing',
        value: 'casemanager/primary → casemanager/backup',
      }),
    ]);
  });

  test('refused: unknown tier, the tier already awaited, an answered handover; nothing changes', async () => {
    const ref = await handoverCase();
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'toewijzing', input: { toTier: 'coordinator' as 'backup', by: 'ops' } }),
      'toTier',
      /expected one of primary, backup/,
    );
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'toewijzing', input: { toTier: 'primary', by: 'ops' } }),
      'toTier',
      /already awaits the primary casemanager/,
    );
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: HANDOVER, by: 'cm-042' },
    });
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'toewijzing', input: { toTier: 'backup', by: 'ops' } }),
      '(besluit)',
      /handover is already acknowledged/,
    );
  });
});

describe('closeCase', () => {
  test('refused without a reason or with one not on the list; nothing changes', async () => {
    const ref = await handoverCase();
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'sluiting', input: { by: 'ops' } as never }),
      'reason',
      /a reason is required, one of dubbele_melding/,
    );
    await expectUnchanged(
      ref,
      () => ops.act(ref, { type: 'sluiting', input: { reason: 'weet ik niet' as never, by: 'ops' } }),
      'reason',
      /expected one of dubbele_melding/,
    );
    expect((await h.env.client.workflow.getHandle(ref).describe()).status.name).toBe('RUNNING');
  });

  test('closes the case: open requests stop, partners hear it lapsed, later actions are refused', async () => {
    const ref = await h.start(await h.intake({ wishes: { police: 'ja', medicalCare: 'nee' } }));
    await h.until(ref, (s) => s.phase === 'acute_zorg');
    const outcome = await ops.act(ref, {
      type: 'sluiting',
      input: { reason: 'dubbele_melding', by: 'ops' },
    });
    expect(outcome.status).toBe('ok');
    const result = await h.env.client.workflow.getHandle(ref).result();
    expect(result).toMatchObject({ outcome: 'gesloten' });
    const notices = h.partners.noticesOf(ref);
    expect(notices.map((n) => n.notice)).toEqual(expect.arrayContaining(['vervallen']));
    expect(new Set(notices.map((n) => n.requestId))).toEqual(
      new Set([HANDOVER, 'informatief_gesprek', 'fmo', 'fmo-opsporing']),
    );

    const entries = await history(ref);
    expect(opsEntries(entries)).toEqual([
      expect.objectContaining({ by: 'ops', type: 'sluiting', value: 'dubbele_melding' }),
    ]);
    // Once in the history (as the ops action), and in the case state's decisions for the case page.
    expect(entries.filter((e) => e.type === 'sluiting')).toHaveLength(1);
    expect((await h.state(ref)).decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ by: 'ops', type: 'sluiting', value: 'dubbele_melding' }),
      ]),
    );
    const again = await ops.act(ref, { type: 'herinnering', input: { requestId: HANDOVER, by: 'ops' } });
    expectRejected(again, '(melding)', /the case is closed/);
    expect(await history(ref)).toEqual(entries);
  });
});

describe('a closed case', () => {
  test('every action is refused as closed, and the history stays as it was', async () => {
    const ref = await handoverCase();
    await ops.act(ref, { type: 'sluiting', input: { reason: 'onterecht_aangemaakt', by: 'ops' } });
    await h.env.client.workflow.getHandle(ref).result();
    const entries = await history(ref);
    for (const action of [
      { type: 'herinnering', input: { requestId: HANDOVER, by: 'ops' } },
      { type: 'toewijzing', input: { toTier: 'backup', by: 'ops' } },
      { type: 'sluiting', input: { reason: 'dubbele_melding', by: 'ops' } },
    ] as const) {
      expectRejected(await ops.act(ref, action), '(melding)', /the case is closed/);
    }
    expect(await history(ref)).toEqual(entries);
  });

  test('a case closing after a withdrawal refuses ops actions in its validator', async () => {
    const ref = await handoverCase();
    // The withdrawal's notices wait for this activity double, so the case stays "closing".
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const original = h.partners.sendPartnerNotice;
    h.partners.sendPartnerNotice = async (n) => {
      if (n.meldingRef === ref) await held;
      return original(n);
    };
    try {
      await decide(h.env.client, ref, { type: 'intrekking', input: { by: 'cm-042' } });
      const refused = await ops.act(ref, {
        type: 'sluiting',
        input: { reason: 'dubbele_melding', by: 'ops' },
      });
      expectRejected(refused, '(besluit)', /the case is closing or closed \(ingetrokken\)/);
    } finally {
      release();
      h.partners.sendPartnerNotice = original;
    }
    expect(await h.env.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'ingetrokken' });
  });
});

describe('a transfer nobody accepts', () => {
  test('ops re-send it to the other region, then close the case; the transfer request stops', async () => {
    const ref = await handoverCase();
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: HANDOVER, by: 'cm-042' },
    });
    await h.until(ref, (s) => s.phase === 'watchful_waiting');
    await decide(h.env.client, ref, {
      type: 'overdracht',
      input: { toRegionId: 'gelderland-zuid-midden', by: 'co-1' },
    });
    await h.untilSent(ref, 'regio_overdracht', 1);

    const resent = await ops.act(ref, {
      type: 'herinnering',
      input: { requestId: 'regio_overdracht', by: 'ops' },
    });
    expect(resent.status).toBe('ok');
    expect((await h.untilSent(ref, 'regio_overdracht', 2))[1]).toMatchObject({
      regionId: 'gelderland-zuid-midden',
      tier: 'coordinator',
      attempt: 2,
    });
    expect(
      (await ops.act(ref, { type: 'sluiting', input: { reason: 'zorg_elders', by: 'ops' } })).status,
    ).toBe('ok');
    expect(await h.env.client.workflow.getHandle(ref).result()).toMatchObject({ outcome: 'gesloten' });
    expect(h.partners.noticesOf(ref)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          requestId: 'regio_overdracht',
          notice: 'vervallen',
          regionId: 'gelderland-zuid-midden',
        }),
      ]),
    );
  });
});

describe('case history', () => {
  test('who decided what, when: intake, escalations by the workflow, acknowledgement, ops actions', async () => {
    const ref = await handoverCase();
    await h.skip(15 * MINUTE + 1000);
    await h.untilSent(ref, HANDOVER, 2);
    await ops.act(ref, { type: 'toewijzing', input: { toTier: 'backup', by: 'ops' } });
    await decide(h.env.client, ref, {
      type: 'ontvangstbevestiging',
      input: { requestId: HANDOVER, by: 'cm-042' },
    });

    const entries = (await ops.history(ref))!;
    expect(entries.map((e) => [e.kind, e.type, e.by, e.value])).toEqual([
      ['besluit', 'intake', 'hulplijn-017', expect.stringContaining('binnen_72_uur')],
      ['besluit', 'fmo_aanbod', 'workflow', 'niet_gewenst'],
      ['escalatie', 'escalatie', 'workflow', 'casemanager/primary niveau 1'],
      ['ops', 'toewijzing', 'ops', 'casemanager/primary → casemanager/backup'],
      ['escalatie', 'escalatie', 'workflow', 'casemanager/backup niveau 2'],
      ['besluit', 'ontvangstbevestiging', 'cm-042', 'casemanager/backup'],
    ]);
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Codes and ids only: the victim's details never reach the history.
    expect(JSON.stringify(entries)).not.toMatch(/Voorbeeld|\+316|slachtoffer@/);
    expect(await ops.history('CSG-LIM-2026-999999')).toBeUndefined();
  });
});
