/**
 * The casemanager's worklist without a server: the next due contact of a case (a running check-in
 * before the plan), today and overdue by the Dutch calendar day, the requests waiting on partners,
 * the order, the cap's flag, at most eight state queries at once, and the scoping: only a
 * casemanager has one, and a case outside their regions is left out; a coordinator sees a
 * casemanager's, in the coordinator's regions.
 */
import { scopedService, type CaseServices } from '../../cases/access';
import {
  buildWorklist,
  mapLimited,
  nextContactOf,
  urgencyOf,
  worklistCaseOf,
  WORKLIST_CONCURRENCY,
} from '../../cases/worklist';
import type { MeldingService } from '../../cases/meldingService';
import { caseStateOf, requestView } from '../../testkit/caseStates';
import type { CaseState } from '../../workflows/messages';

const NOW = new Date('2026-11-30T10:00:00Z'); // Monday 30 November, 11:00 in the Netherlands

describe('today and overdue, by the Dutch calendar day', () => {
  test.each([
    ['2026-11-30T09:59:00Z', 'te_laat'], // a minute ago
    ['2026-11-28T10:00:00Z', 'te_laat'],
    ['2026-11-30T22:59:00Z', 'vandaag'], // 23:59 in the Netherlands
    ['2026-11-30T23:00:00Z', 'later'], // midnight in the Netherlands: tomorrow
  ])('%s is %s', (at, urgency) => {
    expect(urgencyOf(at, NOW)).toBe(urgency);
  });
});

describe('the next due contact', () => {
  test('a running check-in comes before the plan, which may still name it', () => {
    const state = caseStateOf('CSG-LIM-2026-000001', {
      openRequests: [requestView({ dueBy: '2026-11-30T08:00:00Z' })],
      nextCheckIn: { at: '2026-11-29T08:00:00Z', number: 2, of: 4, screening: false },
    });
    expect(nextContactOf(state, NOW)).toEqual({
      at: '2026-11-30T08:00:00Z',
      source: 'open',
      urgency: 'te_laat',
    });
  });

  test('without one running, the planned check-in; none planned, none', () => {
    const planned = caseStateOf('CSG-LIM-2026-000001', {
      nextCheckIn: { at: '2026-12-07T10:00:00Z', number: 4, of: 4, screening: true },
    });
    expect(nextContactOf(planned, NOW)).toEqual({
      at: '2026-12-07T10:00:00Z',
      source: 'gepland',
      number: 4,
      of: 4,
      screening: true,
      urgency: 'later',
    });
    expect(nextContactOf(caseStateOf('CSG-LIM-2026-000002'), NOW)).toBeUndefined();
  });

  test("the requests waiting on partners, soonest first; the casemanager's own check-in is not one", () => {
    const row = worklistCaseOf(
      caseStateOf('CSG-LIM-2026-000001', {
        phase: 'acute_zorg',
        openRequests: [
          requestView({ requestId: 'checkin-1' }),
          requestView({
            requestId: 'fmo',
            kind: 'fmo',
            role: 'forensisch_arts',
            dueBy: '2026-12-01T10:00:00Z',
          }),
          requestView({
            requestId: 'politie',
            kind: 'informatief_gesprek',
            role: 'zedenpolitie',
            dueBy: '2026-11-30T09:00:00Z',
          }),
        ],
      }),
      NOW,
    );
    expect(row.waitingOnPartners).toEqual([
      {
        requestId: 'politie',
        kind: 'informatief_gesprek',
        role: 'zedenpolitie',
        dueBy: '2026-11-30T09:00:00Z',
        overdue: true,
      },
      {
        requestId: 'fmo',
        kind: 'fmo',
        role: 'forensisch_arts',
        dueBy: '2026-12-01T10:00:00Z',
        overdue: false,
      },
    ]);
  });
});

test('the worklist: by the next due contact, overdue first, no contact last; closed and unreadable cases left out', async () => {
  const states: Record<string, CaseState | undefined> = {
    'CSG-LIM-2026-000001': caseStateOf('CSG-LIM-2026-000001', {
      nextCheckIn: { at: '2026-12-07T10:00:00Z', number: 2, of: 4, screening: false },
    }),
    'CSG-LIM-2026-000002': caseStateOf('CSG-LIM-2026-000002', { phase: 'casemanager_overdracht' }),
    'CSG-LIM-2026-000003': caseStateOf('CSG-LIM-2026-000003', {
      openRequests: [requestView({ dueBy: '2026-11-29T10:00:00Z' })],
    }),
    'CSG-LIM-2026-000004': caseStateOf('CSG-LIM-2026-000004', { phase: 'afgesloten' }),
    'CSG-LIM-2026-000005': undefined,
  };
  const list = await buildWorklist(
    { references: Object.keys(states).concat('CSG-LIM-2026-000006'), capped: true },
    async (reference) => {
      if (reference === 'CSG-LIM-2026-000006') throw new Error('query timed out');
      return states[reference];
    },
    NOW,
  );
  expect(list.capped).toBe(true);
  expect(list.cases.map((c) => [c.reference, c.nextContact?.urgency])).toEqual([
    ['CSG-LIM-2026-000003', 'te_laat'],
    ['CSG-LIM-2026-000001', 'later'],
    ['CSG-LIM-2026-000002', undefined],
  ]);
});

test('at most WORKLIST_CONCURRENCY state queries at once, answers in order', async () => {
  let running = 0;
  let most = 0;
  const items = Array.from({ length: 30 }, (_, i) => i);
  const out = await mapLimited(items, WORKLIST_CONCURRENCY, async (i) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 2));
    running--;
    return i * 2;
  });
  expect(out).toEqual(items.map((i) => i * 2));
  expect(most).toBe(WORKLIST_CONCURRENCY);
});

describe('scoped: whose worklist, which regions', () => {
  const states: Record<string, CaseState> = {
    'CSG-LIM-2026-000001': caseStateOf('CSG-LIM-2026-000001'),
    'CSG-UTR-2026-000001': caseStateOf('CSG-UTR-2026-000001', { regionId: 'utrecht' }),
  };
  const asked: Array<{ staffId: string; regions?: readonly string[] }> = [];
  const cases = {
    meldingen: { state: async (reference: string) => states[reference] } as unknown as MeldingService,
    owned: async (staffId: string, regions?: readonly string[]) => {
      asked.push({ staffId, ...(regions ? { regions } : {}) });
      return { references: Object.keys(states), capped: false };
    },
  } as unknown as CaseServices;

  test("a casemanager's own cases, only in their regions; the regions go to the visibility query too", async () => {
    const outcome = await scopedService(cases, {
      id: 'cm-lim',
      role: 'casemanager',
      regions: ['limburg'],
    }).worklist(NOW);
    expect(outcome.status === 'ok' && outcome.worklist.cases.map((c) => c.reference)).toEqual([
      'CSG-LIM-2026-000001',
    ]);
    expect(asked.at(-1)).toEqual({ staffId: 'cm-lim', regions: ['limburg'] });
  });

  test("a coordinator sees a casemanager's cases in the coordinator's regions only; a bad id changes nothing", async () => {
    const coordinator = scopedService(cases, { id: 'coord-lim', role: 'coordinator', regions: ['limburg'] });
    const outcome = await coordinator.worklistOf('cm-017', NOW);
    expect(outcome.status === 'ok' && outcome.worklist.cases.map((c) => c.reference)).toEqual([
      'CSG-LIM-2026-000001',
    ]);
    expect(asked.at(-1)).toEqual({ staffId: 'cm-017', regions: ['limburg'] });
    const before = asked.length;
    expect(await coordinator.worklistOf("x' OR 'a'='a", NOW)).toMatchObject({
      status: 'invalid',
      problems: [{ field: 'casemanager' }],
    });
    expect(asked.length).toBe(before);
    for (const role of ['casemanager', 'ops', 'helpline'] as const) {
      expect(
        await scopedService(cases, { id: 'x1', role, regions: 'alle' }).worklistOf('cm-017', NOW),
      ).toEqual({
        status: 'forbidden',
        reason: 'role',
        action: 'werklijst_collega',
      });
    }
  });

  test.each(['coordinator', 'ops', 'helpline'] as const)(
    'a %s has none: forbidden, nothing asked',
    async (role) => {
      const before = asked.length;
      const outcome = await scopedService(cases, { id: 'x1', role, regions: 'alle' }).worklist(NOW);
      expect(outcome).toEqual({ status: 'forbidden', reason: 'role', action: 'werklijst' });
      expect(asked.length).toBe(before);
    },
  );
});
