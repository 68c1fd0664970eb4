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

function doubles() {
  const calls: string[] = [];
  const stateOf = (reference: string, regionId: string) => ({ reference, regionId }) as CaseState;
  const states: Record<string, CaseState> = {
    [LIMBURG_CASE]: stateOf(LIMBURG_CASE, 'limburg'),
    [GZM_CASE]: stateOf(GZM_CASE, 'gelderland-zuid-midden'),
  };
  const stuck = (reference: string, regionId: string) => ({ reference, regionId }) as StuckRequest;
  const cases: CaseServices = {
    async find() {
      calls.push('find');
      return [
        { reference: LIMBURG_CASE, regionId: 'limburg', phase: 'triage', open: true },
        { reference: GZM_CASE, regionId: 'gelderland-zuid-midden', phase: 'triage', open: true },
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
    stuck: async () => [stuck(LIMBURG_CASE, 'limburg'), stuck(GZM_CASE, 'gelderland-zuid-midden')],
  };
  return { cases, calls, changes: () => calls.filter((c) => !/^(state|history) /.test(c)) };
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
    stuck: [{ reference: LIMBURG_CASE, regionId: 'limburg' }],
  });
});

test("a search finds only cases in the staff member's regions; a role that may not search finds nothing", async () => {
  const { cases, calls } = doubles();
  const found = await scopedService(cases, cmLimburg).find({ phone: '0612345678' });
  expect(found).toEqual({
    status: 'ok',
    found: [{ reference: LIMBURG_CASE, regionId: 'limburg', phase: 'triage', open: true }],
  });
  const ops: Staff = { id: 'ops', role: 'ops', regions: 'alle' };
  calls.length = 0;
  expect(await scopedService(cases, ops).find({ phone: '0612345678' })).toMatchObject({
    status: 'forbidden',
    action: 'zoeken',
  });
  expect(calls).toEqual([]);
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
