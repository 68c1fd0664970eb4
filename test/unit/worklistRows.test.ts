/**
 * The worklist from the rows the cases keep in their memos: no state query for a case whose memo
 * holds its row, the state query for a case from before (no row), the same page either way, and
 * a memo that does not hold a row this code reads counts as none.
 */
import { buildWorklist, rowFromMemo, worklistCaseOf } from '../../cases/worklist';
import { caseStateOf, requestView } from '../../testkit/caseStates';
import { WORKLIST_MEMO_KEY, worklistRowOf } from '../../workflows/worklistRow';

const NOW = new Date('2026-11-30T10:00:00Z');

const KEPT = caseStateOf('CSG-LIM-2026-000001', {
  nextCheckIn: { at: '2026-12-07T10:00:00Z', number: 2, of: 4, screening: false },
  openRequests: [
    requestView({
      requestId: 'ggz_verwijzing',
      kind: 'ggz_verwijzing',
      role: 'ggz',
      dueBy: '2026-11-29T09:00:00Z',
    }),
  ],
});
const OVERDUE = caseStateOf('CSG-LIM-2026-000002', {
  openRequests: [requestView({ dueBy: '2026-11-29T10:00:00Z' })],
});
const OLD = caseStateOf('CSG-LIM-2026-000003', { phase: 'casemanager_overdracht' });

test('rows in the memos: no state query; a case without one (from before) is asked, and the page is the same', async () => {
  const asked: string[] = [];
  const states = new Map([KEPT, OVERDUE, OLD].map((s) => [s.reference, s]));
  const readState = async (reference: string) => {
    asked.push(reference);
    return states.get(reference);
  };
  const references = [KEPT.reference, OVERDUE.reference, OLD.reference];
  const rows = new Map([KEPT, OVERDUE].map((s) => [s.reference, worklistRowOf(s)]));

  const fromRows = await buildWorklist({ references, capped: false, rows }, readState, NOW);
  expect(asked).toEqual([OLD.reference]);

  asked.length = 0;
  const fromStates = await buildWorklist({ references, capped: false }, readState, NOW);
  expect(asked).toEqual(references);
  expect(fromRows).toEqual(fromStates);
  expect(fromRows.cases.map((c) => [c.reference, c.nextContact?.urgency])).toEqual([
    [OVERDUE.reference, 'te_laat'],
    [KEPT.reference, 'later'],
    [OLD.reference, undefined],
  ]);
  expect(fromRows.cases[1]).toEqual(worklistCaseOf(KEPT, NOW));
});

test('a row the staff member may not see, or of a closed case, is left out without a state query', async () => {
  const closed = caseStateOf('CSG-LIM-2026-000004', { phase: 'afgesloten' });
  const elsewhere = caseStateOf('CSG-UTR-2026-000005', { regionId: 'utrecht' });
  const rows = new Map([KEPT, closed, elsewhere].map((s) => [s.reference, worklistRowOf(s)]));
  const readState = jest.fn(async () => undefined);
  const list = await buildWorklist(
    { references: [...rows.keys()], capped: false, rows },
    readState,
    NOW,
    (row) => row.regionId === 'limburg',
  );
  expect(readState).not.toHaveBeenCalled();
  expect(list.cases.map((c) => c.reference)).toEqual([KEPT.reference]);
});

describe('the row read back from a memo', () => {
  test('a row the workflow wrote reads back as it was', () => {
    const row = worklistRowOf(KEPT);
    expect(
      rowFromMemo({ fase: 'watchful_waiting', [WORKLIST_MEMO_KEY]: JSON.parse(JSON.stringify(row)) }),
    ).toEqual(row);
  });

  test.each([
    ['no memo', undefined],
    ['a memo without a row', { fase: 'watchful_waiting' }],
    [
      'an unknown phase',
      { [WORKLIST_MEMO_KEY]: { regionId: 'limburg', phase: 'elders', waitingOnPartners: [] } },
    ],
    [
      'a request without a deadline',
      {
        [WORKLIST_MEMO_KEY]: {
          regionId: 'limburg',
          phase: 'watchful_waiting',
          waitingOnPartners: [{ requestId: 'x', kind: 'ggz_verwijzing', role: 'ggz' }],
        },
      },
    ],
    [
      'a contact without a time',
      {
        [WORKLIST_MEMO_KEY]: {
          regionId: 'limburg',
          phase: 'watchful_waiting',
          nextContact: { source: 'gepland' },
          waitingOnPartners: [],
        },
      },
    ],
  ])('%s: no row (the state query answers)', (_, memo) => {
    expect(rowFromMemo(memo)).toBeUndefined();
  });
});
