/**
 * The partners' tasks on the casemanager's worklist: the row keeps the tasks under way (not final,
 * not cancelled), the next appointment first, codes and times only (never the place); it reads back
 * from the memo as written; and the page lists each task's state and appointment, in each language.
 */
import { translator, type Lang } from '../../i18n';
import { rowFromMemo, worklistCaseOf } from '../../cases/worklist';
import { caseStateOf, requestView } from '../../testkit/caseStates';
import { worklistPage } from '../../web/views/worklistPage';
import { WORKLIST_MEMO_KEY, worklistRowOf } from '../../workflows/worklistRow';

const NOW = new Date('2026-03-14T08:00:00Z');
const at = '2026-03-14T09:00:00Z';

const state = caseStateOf('CSG-LIM-2026-000321', {
  requests: [
    requestView({
      requestId: 'informatief_gesprek',
      kind: 'informatief_gesprek',
      role: 'zedenpolitie',
      task: { state: 'aangevraagd', declines: [], updatedAt: at },
    }),
    requestView({
      requestId: 'fmo-1',
      kind: 'fmo',
      role: 'forensisch_arts',
      status: 'acknowledged',
      task: {
        state: 'gepland',
        appointment: { at: '2026-03-15T13:30:00Z', place: 'Polikliniek Maastricht' },
        declines: [],
        updatedAt: at,
      },
    }),
    requestView({
      requestId: 'medische_zorg',
      kind: 'medische_zorg',
      role: 'acute_medische_zorg',
      status: 'acknowledged',
      task: { state: 'uitgevoerd', outcome: 'afgerond', declines: [], updatedAt: at },
    }),
    requestView({
      requestId: 'ggz_verwijzing',
      kind: 'ggz_verwijzing',
      role: 'ggz',
      status: 'cancelled',
      task: { state: 'aangevraagd', declines: [], updatedAt: at },
    }),
  ],
});

test('the row keeps the tasks under way, the next appointment first, without the place', () => {
  const row = worklistRowOf(state);
  expect(row.tasks).toEqual([
    {
      requestId: 'fmo-1',
      kind: 'fmo',
      role: 'forensisch_arts',
      state: 'gepland',
      appointmentAt: '2026-03-15T13:30:00Z',
    },
    {
      requestId: 'informatief_gesprek',
      kind: 'informatief_gesprek',
      role: 'zedenpolitie',
      state: 'aangevraagd',
    },
  ]);
  expect(JSON.stringify(row)).not.toContain('Polikliniek');
  expect(rowFromMemo({ [WORKLIST_MEMO_KEY]: JSON.parse(JSON.stringify(row)) })).toEqual(row);
  // A case that kept its row before the tasks (the workflow's patch) writes the row as it did.
  expect(worklistRowOf(state, { tasks: false })).not.toHaveProperty('tasks');
  expect(worklistRowOf(caseStateOf('CSG-LIM-2026-000322'))).not.toHaveProperty('tasks');
});

test('a memo with a task this code does not read is no row (the state query answers)', () => {
  const row = worklistRowOf(state);
  const bad = { ...row, tasks: [{ ...row.tasks![0]!, state: 'misschien' }] };
  expect(rowFromMemo({ [WORKLIST_MEMO_KEY]: bad })).toBeUndefined();
});

function taskRows(lang: Lang): string[] {
  const page = worklistPage({
    staffId: 'cm-017',
    csrfToken: 'x',
    worklist: { cases: [worklistCaseOf(state, NOW)], capped: false },
    ui: { t: translator(lang), lang, switchHref: '/' },
  });
  const table = /<table[^>]*id="taken">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
  return [...table.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)]
    .flatMap((m) => [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)])
    .map((m) =>
      m[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

test.each([
  [
    'nl',
    [
      'CSG-LIM-2026-000321 Forensisch-medisch onderzoek (FMO) forensisch arts Gepland 15-03-2026, 14:30',
      'CSG-LIM-2026-000321 Informatief gesprek met de zedenpolitie zedenpolitie Aangevraagd —',
    ],
  ],
  [
    'en',
    [
      'CSG-LIM-2026-000321 Forensic medical examination (FMO) forensic doctor Scheduled 15-03-2026, 14:30',
      'CSG-LIM-2026-000321 Informative interview with the sexual offences police sexual offences police Requested —',
    ],
  ],
] as const)('the worklist lists each task with its state and appointment (%s)', (lang, expected) => {
  expect(taskRows(lang)).toEqual(expected);
});

test('no tasks under way: a sentence instead of a table', () => {
  const page = worklistPage({
    staffId: 'cm-017',
    csrfToken: 'x',
    worklist: { cases: [worklistCaseOf(caseStateOf('CSG-LIM-2026-000322'), NOW)], capped: false },
    ui: { t: translator('nl'), lang: 'nl', switchHref: '/' },
  });
  expect(page).toContain('<p class="utrecht-paragraph" id="taken">Er lopen geen taken bij partners.</p>');
});
