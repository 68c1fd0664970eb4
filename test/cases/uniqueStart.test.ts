/**
 * Made-up references collide now and then: "already exists" is only believed for the same
 * submission; somebody else's case makes the service try the next candidate reference.
 */
import type { MeldingService, StartOutcome } from '../../cases/meldingService';
import { startWithFreeReference } from '../../cases/uniqueStart';
import type { CaseState } from '../../workflows/messages';

function existing(by: string, at: string, channel = 'telefoon'): CaseState {
  return {
    decisions: [{ at, by, type: 'intake', value: `${channel}; binnen_72_uur; politie: ja; medisch: ja` }],
  } as unknown as CaseState;
}

function fakeService(taken: Map<string, CaseState | undefined>): MeldingService & { started: string[] } {
  const started: string[] = [];
  return {
    started,
    async start(raw) {
      const reference = String((raw as { reference: string }).reference);
      if (taken.has(reference)) {
        const state = taken.get(reference);
        return { status: 'already_exists', reference, ...(state ? { state } : {}) } as StartOutcome;
      }
      started.push(reference);
      return { status: 'started', reference };
    },
  } as MeldingService & { started: string[] };
}

const raw = (n: number) => ({
  reference: `CSG-LIM-2026-00000${n}`,
  recordedBy: 'hulplijn-1',
  channel: 'telefoon',
});

test("somebody else's case under the first candidate: the next candidate starts", async () => {
  const service = fakeService(
    new Map([['CSG-LIM-2026-000000', existing('hulplijn-9', '2026-03-01T10:00:00Z')]]),
  );
  const outcome = await startWithFreeReference(service, raw, { referenceDerived: true });
  expect(outcome).toMatchObject({ status: 'started', reference: 'CSG-LIM-2026-000001' });
});

test('a case started before the form was opened is not this submission', async () => {
  const service = fakeService(
    new Map([['CSG-LIM-2026-000000', existing('hulplijn-1', '2026-03-01T10:00:00Z')]]),
  );
  const outcome = await startWithFreeReference(service, raw, {
    referenceDerived: true,
    notBefore: '2026-03-02T10:00:00Z',
  });
  expect(outcome.status === 'started' && outcome.reference).toBe('CSG-LIM-2026-000001');
});

test('the same submission again is the existing case; without a state the reference is trusted', async () => {
  const same = fakeService(
    new Map([['CSG-LIM-2026-000000', existing('hulplijn-1', '2026-03-02T10:00:05Z')]]),
  );
  expect(
    await startWithFreeReference(same, raw, { referenceDerived: true, notBefore: '2026-03-02T10:00:00Z' }),
  ).toMatchObject({
    status: 'already_exists',
    reference: 'CSG-LIM-2026-000000',
  });
  const unknown = fakeService(new Map([['CSG-LIM-2026-000000', undefined]]));
  expect((await startWithFreeReference(unknown, raw, { referenceDerived: true })).status).toBe(
    'already_exists',
  );
  expect(unknown.started).toEqual([]);
});

test("a caller's own reference is never replaced", async () => {
  const service = fakeService(
    new Map([['CSG-LIM-2026-000000', existing('hulplijn-9', '2026-03-01T10:00:00Z')]]),
  );
  expect((await startWithFreeReference(service, raw, { referenceDerived: false })).status).toBe(
    'already_exists',
  );
});
