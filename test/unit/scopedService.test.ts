/**
 * The scoped case client (cases/access.ts) over a recording double of the case client: a refusal
 * (role or region) asks nothing of the case that could change it, a case in another region is
 * "not found" exactly like one that does not exist, and what is recorded names the signed-in
 * staff member, whatever the caller put in `by`.
 */
import { scopedService, type CaseServices } from '../../cases/access';
import type { Staff } from '../../domain/access';
import type { Decision } from '../../domain/decisions';
import type { CaseState } from '../../workflows/messages';
import type { StuckRequest } from '../../cases/stuck';
import type { FoundMelding } from '../../cases/find';

const LIMBURG_CASE = 'CSG-LIM-2026-000001';
const GZM_CASE = 'CSG-GZM-2026-000002';
/** A Limburg case transferred to Gelderland-Zuid en -Midden. */
const TRANSFERRED_CASE = 'CSG-LIM-2026-000003';

function doubles() {
  const calls: string[] = [];
  const stateOf = (reference: string, regionId: string) => ({ reference, regionId }) as CaseState;
  const states: Record<string, CaseState> = {
    [LIMBURG_CASE]: stateOf(LIMBURG_CASE, 'limburg'),
    [GZM_CASE]: stateOf(GZM_CASE, 'gelderland-zuid-midden'),
    [TRANSFERRED_CASE]: {
      ...stateOf(TRANSFERRED_CASE, 'limburg'),
      transferredTo: 'gelderland-zuid-midden',
    },
  };
  /** The regions each list was asked for (undefined: all). */
  const asked: Array<readonly string[] | undefined> = [];
  const stuck = (reference: string, regionId: string) => ({ reference, regionId }) as StuckRequest;
  const cases: CaseServices = {
    async find(_query, regions) {
      calls.push('find');
      asked.push(regions);
      return [
        { reference: LIMBURG_CASE, regionId: 'limburg', phase: 'triage', open: true },
        { reference: GZM_CASE, regionId: 'gelderland-zuid-midden', phase: 'triage', open: true },
        {
          reference: TRANSFERRED_CASE,
          regionId: 'limburg',
          transferredTo: 'gelderland-zuid-midden',
          phase: 'afgesloten',
          open: false,
        },
      ] as FoundMelding[];
    },
    meldingen: {
      async start(raw) {
        calls.push(`start ${String((raw as Record<string, unknown>).municipality)}`);
        return { status: 'started', reference: 'CSG-X' };
      },
      async state(reference) {
        calls.push(`state ${reference}`);
        return states[reference];
      },
      async handoverDetails() {
        throw new Error('not used');
      },
      async decide(reference, decision) {
        calls.push(`decide ${reference} ${decision.type} by ${decision.input.by}`);
        return { status: 'ok', state: states[reference]! };
      },
      async deliveryStatus() {
        throw new Error('not used');
      },
    },
    ops: {
      async act(reference, action) {
        calls.push(`act ${reference} ${action.type} by ${action.input.by}`);
        return { status: 'ok', state: states[reference]! };
      },
      async history(reference) {
        calls.push(`history ${reference}`);
        return [];
      },
    },
    stuck: async (_now, regions) => {
      asked.push(regions);
      return [
        stuck(LIMBURG_CASE, 'limburg'),
        stuck(GZM_CASE, 'gelderland-zuid-midden'),
        { ...stuck(TRANSFERRED_CASE, 'limburg'), transferredTo: 'gelderland-zuid-midden' },
      ];
    },
  };
  return { cases, calls, asked, changes: () => calls.filter((c) => !/^(state|history) /.test(c)) };
}

const cmLimburg: Staff = { id: 'cm-lim', role: 'casemanager', regions: ['limburg'] };
const helpline: Staff = { id: 'helpline', role: 'helpline', regions: 'alle' };
const consent = (by: string): Decision => ({
  type: 'toestemming',
  input: { role: 'zedenpolitie', given: true, by },
});

test('a case in another region is not found, like a case that does not exist, and nothing is sent to it', async () => {
  const { cases, changes } = doubles();
  const scoped = scopedService(cases, cmLimburg);
  expect(await scoped.state(GZM_CASE)).toEqual({ status: 'not_found' });
  expect(await scoped.state('CSG-LIM-2026-999999')).toEqual({ status: 'not_found' });
  expect(await scoped.history(GZM_CASE)).toEqual({ status: 'not_found' });
  expect(await scoped.decide(GZM_CASE, consent('cm-lim'))).toEqual({ status: 'not_found' });
  expect(changes()).toEqual([]);
  expect(await scoped.state(LIMBURG_CASE)).toMatchObject({ status: 'ok', state: { regionId: 'limburg' } });
});

test('an action the role may not take is forbidden before the case is even looked at', async () => {
  const { cases, calls } = doubles();
  const scoped = scopedService(cases, cmLimburg);
  expect(
    await scoped.decide(LIMBURG_CASE, { type: 'overdracht', input: { toRegionId: 'x', by: 'cm-lim' } }),
  ).toEqual({ status: 'forbidden', reason: 'role', action: 'besluit.overdracht' });
  expect(
    await scoped.act(LIMBURG_CASE, { type: 'sluiting', input: { reason: 'zorg_elders', by: 'cm-lim' } }),
  ).toMatchObject({ status: 'forbidden', reason: 'role' });
  expect(await scoped.start({ municipality: 'Maastricht' })).toMatchObject({
    status: 'forbidden',
    reason: 'role',
  });
  expect(await scoped.stuck(new Date())).toMatchObject({ status: 'forbidden' });
  expect(calls).toEqual([]);
});

test('what is recorded names the signed-in staff member, not the `by` the caller sent', async () => {
  const { cases, changes } = doubles();
  await scopedService(cases, cmLimburg).decide(LIMBURG_CASE, consent('somebody-else'));
  expect(changes()).toEqual([`decide ${LIMBURG_CASE} toestemming by cm-lim`]);
});

test("a start must lie in the staff member's regions; an unknown municipality is left to the intake's checks", async () => {
  const { cases, changes } = doubles();
  const regional: Staff = { id: 'helpline-lim', role: 'helpline', regions: ['limburg'] };
  expect(await scopedService(cases, regional).start({ municipality: 'Nijmegen' })).toEqual({
    status: 'forbidden',
    reason: 'region',
    action: 'starten',
  });
  expect(changes()).toEqual([]);
  expect(await scopedService(cases, regional).start({ municipality: 'Maastricht' })).toMatchObject({
    status: 'started',
  });
  await scopedService(cases, regional).start({ municipality: 'Atlantis' });
  await scopedService(cases, helpline).start({ municipality: 'Nijmegen' });
  expect(changes()).toEqual(['start Maastricht', 'start Atlantis', 'start Nijmegen']);
});

test("the stuck list shows only the staff member's regions", async () => {
  const { cases } = doubles();
  const opsLimburg: Staff = { id: 'ops-lim', role: 'ops', regions: ['limburg'] };
  expect(await scopedService(cases, opsLimburg).stuck(new Date())).toEqual({
    status: 'ok',
    stuck: [
      { reference: LIMBURG_CASE, regionId: 'limburg' },
      { reference: TRANSFERRED_CASE, regionId: 'limburg', transferredTo: 'gelderland-zuid-midden' },
    ],
  });
});

test("a search finds only cases in the staff member's regions; a role that may not search finds nothing", async () => {
  const { cases, calls } = doubles();
  const found = await scopedService(cases, cmLimburg).find({ phone: '0612345678' });
  expect(found).toEqual({
    status: 'ok',
    found: [
      { reference: LIMBURG_CASE, regionId: 'limburg', phase: 'triage', open: true },
      expect.objectContaining({ reference: TRANSFERRED_CASE }),
    ],
  });
  const ops: Staff = { id: 'ops', role: 'ops', regions: 'alle' };
  calls.length = 0;
  expect(await scopedService(cases, ops).find({ phone: '0612345678' })).toMatchObject({
    status: 'forbidden',
    action: 'zoeken',
  });
  expect(calls).toEqual([]);
});

describe('a case transferred to another region lies in both regions', () => {
  const coordGzm: Staff = { id: 'coord-gzm', role: 'coordinator', regions: ['gelderland-zuid-midden'] };
  // No third region ships yet; the rules only compare ids, so a stand-in id shows the boundary.
  const cmElsewhere: Staff = { id: 'cm-utr', role: 'casemanager', regions: ['utrecht'] };

  test("the receiving region's staff read it and may decide on it; the old region's still read it; a third region's get not found", async () => {
    const { cases, changes } = doubles();
    expect(await scopedService(cases, coordGzm).state(TRANSFERRED_CASE)).toMatchObject({
      status: 'ok',
      state: { regionId: 'limburg', transferredTo: 'gelderland-zuid-midden' },
    });
    expect(await scopedService(cases, cmLimburg).state(TRANSFERRED_CASE)).toMatchObject({ status: 'ok' });
    expect(await scopedService(cases, cmElsewhere).state(TRANSFERRED_CASE)).toEqual({ status: 'not_found' });
    expect(await scopedService(cases, cmElsewhere).decide(TRANSFERRED_CASE, consent('cm-utr'))).toEqual({
      status: 'not_found',
    });
    await scopedService(cases, coordGzm).decide(TRANSFERRED_CASE, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'regio_overdracht', by: 'x' },
    });
    expect(changes()).toEqual([`decide ${TRANSFERRED_CASE} ontvangstbevestiging by coord-gzm`]);
    // A case of the old region that was not transferred stays out of the receiving region's sight.
    expect(await scopedService(cases, coordGzm).state(LIMBURG_CASE)).toEqual({ status: 'not_found' });
  });

  test("the lists ask Temporal for the staff member's regions only, and keep a transferred case of the receiving region", async () => {
    const { cases, asked } = doubles();
    const found = await scopedService(cases, coordGzm).find({ phone: '0612345678' });
    expect(found).toMatchObject({
      status: 'ok',
      found: [
        { reference: GZM_CASE },
        { reference: TRANSFERRED_CASE, transferredTo: 'gelderland-zuid-midden' },
      ],
    });
    const opsGzm: Staff = { id: 'ops-gzm', role: 'ops', regions: ['gelderland-zuid-midden'] };
    const stuck = await scopedService(cases, opsGzm).stuck(new Date());
    expect(stuck).toMatchObject({
      status: 'ok',
      stuck: [{ reference: GZM_CASE }, { reference: TRANSFERRED_CASE }],
    });
    expect(await scopedService(cases, cmElsewhere).find({ phone: '0612345678' })).toEqual({
      status: 'ok',
      found: [],
    });
    await scopedService(cases, helpline).find({ phone: '0612345678' });
    expect(asked).toEqual([['gelderland-zuid-midden'], ['gelderland-zuid-midden'], ['utrecht'], undefined]);
  });
});

test('a melding is started as recorded by the staff member, whatever recordedBy the caller gave', async () => {
  const { cases } = doubles();
  const given: unknown[] = [];
  const recording: CaseServices = {
    ...cases,
    meldingen: {
      ...cases.meldingen,
      start: async (raw) => {
        given.push(raw);
        return { status: 'started', reference: 'CSG-X' };
      },
    },
  };
  await scopedService(recording, helpline).start({ municipality: 'Maastricht', recordedBy: 'cm-lim' });
  expect(given).toEqual([{ municipality: 'Maastricht', recordedBy: 'helpline' }]);
});

test('one scoped service reads a case once for all its checks, and afresh after a decision', async () => {
  const { cases, calls } = doubles();
  const scoped = scopedService(cases, cmLimburg);
  const stateReads = () => calls.filter((c) => c === `state ${LIMBURG_CASE}`).length;
  await scoped.state(LIMBURG_CASE);
  await scoped.history(LIMBURG_CASE);
  await scoped.state(LIMBURG_CASE);
  expect(stateReads()).toBe(1);
  await scoped.decide(LIMBURG_CASE, consent('cm-lim'));
  await scoped.state(LIMBURG_CASE);
  expect(stateReads()).toBe(2);
  // Another request (another scoped service) reads for itself.
  await scopedService(cases, cmLimburg).state(LIMBURG_CASE);
  expect(stateReads()).toBe(3);
});
