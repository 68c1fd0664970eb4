/**
 * The tasks on the case page, in each language: each task's state (with its outcome or reason once
 * final), the appointment's date, time and place where there is one, and who declined why; a
 * cancelled request and a request without a task (a case from before tasks) are not listed.
 */
import { translator, type Lang } from '../../i18n';
import { caseStateOf, requestView } from '../../testkit/caseStates';
import { casePage } from '../../web/views/casePage';
import { taskStepWords } from '../../web/views/taskSection';
import type { CaseState } from '../../workflows/messages';

const state: CaseState = caseStateOf('CSG-LIM-2026-000123', {
  requests: [
    requestView({
      requestId: 'fmo-1',
      kind: 'fmo',
      role: 'forensisch_arts',
      status: 'acknowledged',
      task: {
        state: 'gepland',
        appointment: { at: '2026-03-14T13:30:00Z', place: 'Polikliniek Maastricht' },
        declines: [
          {
            tier: 'primary',
            reason: 'geen_capaciteit',
            at: '2026-03-14T09:40:00Z',
            by: 'partnerlink:forensisch_arts',
          },
        ],
        updatedAt: '2026-03-14T10:00:00Z',
      },
    }),
    requestView({
      requestId: 'medische_zorg',
      kind: 'medische_zorg',
      role: 'acute_medische_zorg',
      status: 'acknowledged',
      task: {
        state: 'niet_uitgevoerd',
        notDoneReason: 'niet_verschenen',
        declines: [],
        updatedAt: '2026-03-15T10:00:00Z',
      },
    }),
    requestView({
      requestId: 'informatief_gesprek',
      kind: 'informatief_gesprek',
      role: 'zedenpolitie',
      status: 'open',
      task: { state: 'aangevraagd', declines: [], updatedAt: '2026-03-14T09:00:00Z' },
    }),
    requestView({
      requestId: 'ggz_verwijzing',
      kind: 'ggz_verwijzing',
      role: 'ggz',
      status: 'cancelled',
      task: { state: 'aangevraagd', declines: [], updatedAt: '2026-03-14T09:00:00Z' },
    }),
    requestView({ requestId: 'casemanager_overdracht', kind: 'casemanager_overdracht', role: 'casemanager' }),
  ],
});

/** The task table's rows as text, one line each. */
function rows(lang: Lang, of = state): string[] {
  const page = casePage({
    state: of,
    staffId: 'cm-017',
    csrfToken: 'x',
    mayDecide: () => false,
    ui: { t: translator(lang), lang, switchHref: '/' },
  });
  const table = /<table[^>]*id="taken">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
  return [...table.matchAll(/<tr id="taak-[^"]+">([\s\S]*?)<\/tr>/g)].map((m) =>
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
      'Forensisch-medisch onderzoek (FMO) forensisch arts Gepland 14-03-2026, 14:30 Polikliniek Maastricht dienstdoende: Geen capaciteit (14-03-2026, 10:40) 14-03-2026, 11:00',
      'Medische zorg acute medische zorg Niet uitgevoerd: Slachtoffer niet verschenen — — 15-03-2026, 11:00',
      'Informatief gesprek met de zedenpolitie zedenpolitie Aangevraagd — — 14-03-2026, 10:00',
    ],
  ],
  [
    'en',
    [
      'Forensic medical examination (FMO) forensic doctor Scheduled 14-03-2026, 14:30 Polikliniek Maastricht person on duty: No capacity (14-03-2026, 10:40) 14-03-2026, 11:00',
      'Medical care acute medical care Not done: The victim did not come — — 15-03-2026, 11:00',
      'Informative interview with the sexual offences police sexual offences police Requested — — 14-03-2026, 10:00',
    ],
  ],
] as const)('the tasks in %s', (lang, expected) => {
  expect(rows(lang)).toEqual(expected);
});

test('a case without tasks has no task section', () => {
  const page = casePage({
    state: caseStateOf('CSG-LIM-2026-000124', {
      requests: [requestView({ requestId: 'fmo-1', kind: 'fmo', role: 'forensisch_arts' })],
    }),
    staffId: 'cm-017',
    csrfToken: 'x',
    mayDecide: () => false,
    ui: { t: translator('nl'), lang: 'nl', switchHref: '/' },
  });
  expect(page).not.toContain('id="taken"');
});

test.each([
  [
    'afwijzen: geen_capaciteit',
    'nl',
    'Forensisch-medisch onderzoek (FMO) (forensisch arts): Afgewezen: Geen capaciteit',
  ],
  ['plannen', 'nl', 'Forensisch-medisch onderzoek (FMO) (forensisch arts): Gepland'],
  ['uitgevoerd: afgerond', 'en', 'Forensic medical examination (FMO) (forensic doctor): Done: Completed'],
  [
    'niet_uitgevoerd: niet_verschenen',
    'en',
    'Forensic medical examination (FMO) (forensic doctor): Not done: The victim did not come',
  ],
  ['iets: anders', 'nl', 'iets: anders'],
] as const)('a task step %s in the timeline (%s)', (value, lang, words) => {
  expect(
    taskStepWords(
      translator(lang),
      {
        at: '2026-03-14T10:00:00Z',
        by: 'partnerlink:forensisch_arts',
        type: 'taak',
        value,
        requestId: 'fmo-1',
      },
      state,
    ),
  ).toBe(words);
});
