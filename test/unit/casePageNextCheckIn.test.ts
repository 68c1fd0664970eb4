/**
 * The next check-in on the case page, in each language: its date, how many days away in Dutch
 * calendar days, which of the plan it is, the screening named as such; none once the case ends.
 */
import { translator, type Lang } from '../../i18n';
import { caseStateOf } from '../../testkit/caseStates';
import { casePage } from '../../web/views/casePage';
import type { CaseState, NextCheckIn } from '../../workflows/messages';

const NOW = new Date('2026-11-30T10:00:00Z'); // Monday 30 November, 11:00 in the Netherlands

function stateWith(
  nextCheckIn: NextCheckIn | undefined,
  phase: CaseState['phase'] = 'watchful_waiting',
): CaseState {
  return caseStateOf('CSG-LIM-2026-000123', { phase, ...(nextCheckIn ? { nextCheckIn } : {}) });
}

/** The "what happens next" line of the planned check-in, as text; undefined when the page has none. */
function plannedLine(state: CaseState, lang: Lang): string | undefined {
  const page = casePage({
    state,
    staffId: 'cm-017',
    csrfToken: 'x',
    mayDecide: () => false,
    now: NOW,
    ui: { t: translator(lang), lang, switchHref: '/' },
  });
  const li = /<li id="volgend-contactmoment">([\s\S]*?)<\/li>/.exec(page)?.[1];
  return li?.replace(/\s+/g, ' ').trim();
}

test.each([
  [
    'nl',
    { at: '2026-12-07T10:00:00Z', number: 2, of: 4, screening: false },
    'Volgend contactmoment: 07-12-2026, 11:00, over 7 dagen. Contactmoment 2 van 4.',
  ],
  [
    'en',
    { at: '2026-12-01T09:00:00Z', number: 1, of: 4, screening: false },
    'Next check-in: 01-12-2026, 10:00, in 1 day. Check-in 1 of 4.',
  ],
  [
    'nl',
    { at: '2026-11-30T22:30:00Z', number: 4, of: 4, screening: true },
    'Volgend contactmoment: 30-11-2026, 23:30, vandaag. Contactmoment 4 van 4: de screening.',
  ],
  [
    'en',
    { at: '2026-12-28T10:00:00Z', number: 4, of: 8, screening: true },
    'Next check-in: 28-12-2026, 11:00, in 28 days. Check-in 4 of 8: the screening.',
  ],
] as const)('%s: %j', (lang, planned, line) => {
  expect(plannedLine(stateWith(planned), lang)).toBe(line);
});

test('no planned check-in line without a plan in the state (a closed case has none)', () => {
  expect(plannedLine(stateWith(undefined, 'afgesloten'), 'nl')).toBeUndefined();
  expect(plannedLine(stateWith(undefined), 'en')).toBeUndefined();
});
