/**
 * The scoped case client (cases/access.ts) for a case Temporal no longer holds: it falls back to
 * the case file on "not found" only (a Temporal that fails is an error, not an archived case),
 * applies the region and role rules to the file's last state exactly as to a live one, shows the
 * victim's details only to a role that may see them, and records nothing on an archived case.
 */
import { scopedService, type CaseServices } from '../../cases/access';
import { caseFromFile } from '../../cases/caseFromFile';
import type { Staff } from '../../domain/access';
import { archivedCaseRecords } from '../../testkit/caseFileRecords';
import { caseStateOf } from '../../testkit/caseStates';
import { buildIntake } from '../../testkit/meldingFixtures';

const intake = buildIntake({ victimContact: { name: 'Wilhelmina Kortenhoeven', phone: '+31611100011' } });
const ARCHIVED = intake.reference;
const LIVE = 'CSG-LIM-2026-000777';
const BROKEN = 'CSG-LIM-2026-000666';

function doubles() {
  const calls: string[] = [];
  const cases: CaseServices = {
    meldingen: {
      async start() {
        throw new Error('not used');
      },
      async state(reference) {
        calls.push(`state ${reference}`);
        if (reference === BROKEN) throw new Error('14 UNAVAILABLE: connection refused');
        return reference === LIVE ? caseStateOf(LIVE) : undefined;
      },
      async handoverDetails(reference) {
        calls.push(`details ${reference}`);
        return undefined;
      },
      async decide(reference) {
        calls.push(`decide ${reference}`);
        return { status: 'not_found' };
      },
      async deliveryStatus() {
        throw new Error('not used');
      },
    },
    ops: {
      async act(reference) {
        calls.push(`act ${reference}`);
        return { status: 'not_found' };
      },
      async history() {
        return undefined;
      },
    },
    stuck: async () => [],
    find: async () => [],
    async caseFile(reference) {
      calls.push(`file ${reference}`);
      return reference === ARCHIVED
        ? caseFromFile(archivedCaseRecords(intake, { correctedPhone: '+31622200022' }))
        : reference === BROKEN
          ? caseFromFile(archivedCaseRecords(intake, { correctedPhone: '+31600000000' }))
          : undefined;
    },
  };
  return { cases, calls };
}

const staff = (role: Staff['role'], regions: Staff['regions'] = ['limburg']): Staff => ({
  id: `${role}-1`,
  role,
  regions,
});

test('a case Temporal does not know is read from the case file, as of its last record', async () => {
  const { cases, calls } = doubles();
  const read = await scopedService(cases, staff('casemanager')).state(ARCHIVED);
  expect(read).toMatchObject({
    status: 'ok',
    state: { reference: ARCHIVED, phase: 'afgesloten', outcome: 'afgerond' },
    archivedAt: '2026-03-02T14:00:00.000Z',
  });
  expect(calls).toEqual([`state ${ARCHIVED}`, `file ${ARCHIVED}`]);
});

test('a live case is not read from the file; a case in neither is not found', async () => {
  const { cases, calls } = doubles();
  const scoped = scopedService(cases, staff('casemanager'));
  const live = await scoped.state(LIVE);
  expect(live.status).toBe('ok');
  expect(live).not.toHaveProperty('archivedAt');
  expect(await scoped.archived(LIVE)).toEqual({ status: 'not_found' });
  expect(await scoped.state('CSG-LIM-2026-000555')).toEqual({ status: 'not_found' });
  expect(calls).not.toContain(`file ${LIVE}`);
});

test('another error of Temporal is not an archived case: it fails, the file is not asked', async () => {
  const { cases, calls } = doubles();
  await expect(scopedService(cases, staff('casemanager')).state(BROKEN)).rejects.toThrow(/UNAVAILABLE/);
  expect(calls).not.toContain(`file ${BROKEN}`);
});

test('the region comes from the archived state: another region’s staff find nothing', async () => {
  const { cases } = doubles();
  const elsewhere = scopedService(cases, staff('casemanager', ['gelderland-zuid-midden']));
  expect(await elsewhere.state(ARCHIVED)).toEqual({ status: 'not_found' });
  expect(await elsewhere.archived(ARCHIVED)).toEqual({ status: 'not_found' });
});

test('the details only for a role that may see them; the timeline for every reader', async () => {
  const { cases } = doubles();
  const cm = await scopedService(cases, staff('casemanager')).archived(ARCHIVED);
  if (cm.status !== 'ok') throw new Error(cm.status);
  expect(cm.archived.details?.victimContact).toMatchObject({
    name: 'Wilhelmina Kortenhoeven',
    phone: '+31622200022',
  });
  expect(cm.archived.timeline).toHaveLength(7);
  for (const role of ['ops', 'privacy'] as const) {
    const read = await scopedService(cases, staff(role)).archived(ARCHIVED);
    if (read.status !== 'ok') throw new Error(read.status);
    expect(read.archived).not.toHaveProperty('details');
    expect(read.archived.timeline).toHaveLength(7);
  }
});

test('nothing is recorded on an archived case: not found, and Temporal is not asked to', async () => {
  const { cases, calls } = doubles();
  const scoped = scopedService(cases, staff('coordinator'));
  expect(
    await scoped.decide(ARCHIVED, {
      type: 'casusoverleg',
      input: { flagged: true, note: 'bespreken', by: 'x' },
    }),
  ).toEqual({ status: 'not_found' });
  expect(await scoped.act(ARCHIVED, { type: 'sluiting', input: { reason: 'zorg_elders', by: 'x' } })).toEqual(
    {
      status: 'not_found',
    },
  );
  expect(await scoped.currentDetails(ARCHIVED)).toEqual({ status: 'not_found' });
  expect(calls.filter((c) => /^(decide|act|details)/.test(c))).toEqual([]);
});
