/**
 * The case page's decision forms: built from the domain's lists, checked by the API's schemas,
 * and every choice, consequence and refusal readable in both languages (a value added to a list
 * without its words fails here, not on a page).
 */
import { translator, type Lang } from '../../i18n';
import {
  CASE_PAGE_DECISION_NAMES,
  fieldsOf,
  parseCaseAction,
  type CasePageDecision,
} from '../../web/caseDecisions';
import { problemText } from '../../web/decisionProblems';
import { effectsOf } from '../../web/views/decisionConfirmPage';
import type { CaseState } from '../../workflows/messages';

const LANGS: Lang[] = ['nl', 'en'];

/** Every combination of one choice per field of a decision (typed-in fields left empty). */
function everyChoice(name: CasePageDecision): Array<Record<string, string>> {
  let combos: Array<Record<string, string>> = [{}];
  for (const field of fieldsOf(name)) {
    const choices = field.choices;
    if (!choices) continue;
    combos = combos.flatMap((combo) => choices.map((choice) => ({ ...combo, [field.name]: choice })));
  }
  return combos;
}

const state = {
  reference: 'CSG-LIM-2026-000001',
  regionId: 'limburg',
  policeWish: 'twijfel',
  triage: { forensicPartner: 'forensisch_arts' },
  openRequests: [{ kind: 'fmo' }],
  decisions: [],
} as unknown as CaseState;

test.each(LANGS)('%s: every choice, field and consequence of every form has its words', (lang) => {
  const t = translator(lang);
  const missing: string[] = [];
  const check = (key: string) => {
    if (t(key) === key) missing.push(key);
  };
  for (const name of CASE_PAGE_DECISION_NAMES) {
    for (const field of fieldsOf(name)) {
      check(field.label ?? `casePage.fields.${field.name}`);
      check(field.problem ?? `casePage.problems.${field.name}`);
      if (field.placeholder) check(field.placeholder);
      for (const choice of field.choices ?? []) if (field.words) check(field.words(choice));
    }
    for (const values of everyChoice(name)) {
      for (const effect of effectsOf(t, name, values, state)) {
        if (/casePage\.|\{\{/.test(effect)) missing.push(`${name} ${JSON.stringify(values)}: ${effect}`);
      }
    }
  }
  expect(missing).toEqual([]);
});

test('consent is offered for partners outside the CSG only', () => {
  const roles = fieldsOf('toestemming').find((f) => f.name === 'role')!.choices;
  expect(roles).toContain('zedenpolitie');
  expect(roles).not.toContain('casemanager');
  expect(roles).not.toContain('coordinator');
});

test('a form becomes the decision of the table, by the signed-in staff member', () => {
  expect(parseCaseAction('toestemming', { role: 'zedenpolitie', given: 'false' }, 'helpline-017')).toEqual({
    ok: true,
    action: {
      kind: 'decision',
      decision: { type: 'toestemming', input: { role: 'zedenpolitie', given: false, by: 'helpline-017' } },
    },
  });
  expect(parseCaseAction('intrekking', {}, 'helpline-017')).toEqual({
    ok: true,
    action: { kind: 'decision', decision: { type: 'intrekking', input: { by: 'helpline-017' } } },
  });
  expect(parseCaseAction('sluiting', { reason: 'zorg_elders' }, 'ops')).toEqual({
    ok: true,
    action: { kind: 'ops', action: { type: 'sluiting', input: { reason: 'zorg_elders', by: 'ops' } } },
  });
});

test('the schema names each wrong or missing field once', () => {
  const wrong = parseCaseAction('toestemming', { role: 'buurman', given: 'misschien' }, 'helpline-017');
  expect(wrong.ok).toBe(false);
  expect(!wrong.ok && wrong.problems.map((p) => p.field)).toEqual(['role', 'given']);
  const none = parseCaseAction('politiewens', {}, 'helpline-017');
  expect(!none.ok && none.problems.map((p) => p.field)).toEqual(['wish']);
});

test.each([
  [
    { field: 'wish', message: 'the police wish is already "ja"' },
    'Dit is al de huidige wens over de politie',
  ],
  [{ field: 'role', message: 'the CSG itself needs no separate consent' }, 'geen aparte toestemming nodig'],
  [{ field: '(besluit)', message: 'the melding is already withdrawn' }, 'De melding is al ingetrokken.'],
  [{ field: '(besluit)', message: 'the case is closing or closed (ingetrokken)' }, 'is afgesloten'],
  [{ field: '(melding)', message: 'the case is closed (COMPLETED)' }, 'is afgesloten'],
  [{ field: 'by', message: 'expected the pseudonymous id' }, 'weigerde dit besluit (by)'],
])('the refusal %j reads in Dutch as "%s"', (problem, text) => {
  expect(problemText(translator('nl'), problem, 'refusal')).toContain(text);
});

describe('the check-in forms', () => {
  const now = new Date('2026-03-02T12:00:00Z');

  test('a reached contact with the next contact in Dutch time becomes the contact decision', () => {
    expect(
      parseCaseAction(
        'contactmoment',
        {
          reached: 'true',
          outcome: 'stressreactie',
          screening: 'ptss_vermoeden',
          note: 'Slaapt slecht',
          nextDatum: '09-03-2026',
          nextTijd: '10:30',
          retryDatum: '03-03-2026',
        },
        'cm-017',
        now,
      ),
    ).toEqual({
      ok: true,
      action: {
        kind: 'decision',
        decision: {
          type: 'contactmoment',
          input: {
            reached: true,
            outcome: 'stressreactie',
            screening: 'ptss_vermoeden',
            note: 'Slaapt slecht',
            nextContactAt: '2026-03-09T10:30:00+01:00',
            by: 'cm-017',
          },
        },
      },
    });
  });

  test('not reached needs a retry in the future, named by its date field', () => {
    const missing = parseCaseAction('contactmoment', { reached: 'false' }, 'cm-017', now);
    expect(!missing.ok && missing.problems.map((p) => p.field)).toEqual(['retryDatum']);
    const past = parseCaseAction(
      'contactmoment',
      { reached: 'false', retryDatum: '01-03-2026', retryTijd: '09:00' },
      'cm-017',
      now,
    );
    expect(!past.ok && past.problems.map((p) => p.field)).toEqual(['retryDatum']);
    const badTime = parseCaseAction(
      'contactmoment',
      { reached: 'false', retryDatum: '03-03-2026', retryTijd: '9 uur' },
      'cm-017',
      now,
    );
    expect(!badTime.ok && badTime.problems.map((p) => p.field)).toEqual(['retryTijd']);
    // The outcome of a "reached" answer given before switching to "not reached" is left out.
    const retry = parseCaseAction(
      'contactmoment',
      { reached: 'false', outcome: 'gaat_goed', retryDatum: '03-03-2026', retryTijd: '09:00' },
      'cm-017',
      now,
    );
    expect(retry.ok && retry.action).toMatchObject({
      decision: { input: { reached: false, retryAt: '2026-03-03T09:00:00+01:00' } },
    });
    expect(retry.ok && retry.action.kind === 'decision' && 'outcome' in retry.action.decision.input).toBe(
      false,
    );
  });

  test("the plan's three forms become the one planning decision", () => {
    const moved = parseCaseAction(
      'planning_verplaatsen',
      { checkInId: 'checkin-dag-14', planDatum: '20-03-2026', planTijd: '11:00' },
      'cm-017',
      now,
    );
    expect(moved).toEqual({
      ok: true,
      action: {
        kind: 'decision',
        decision: {
          type: 'planning',
          input: {
            action: 'verplaatsen',
            checkInId: 'checkin-dag-14',
            at: '2026-03-20T11:00:00+01:00',
            by: 'cm-017',
          },
        },
      },
    });
    const cancelled = parseCaseAction('planning_annuleren', { checkInId: 'checkin-extra-1' }, 'cm-017', now);
    expect(cancelled.ok && cancelled.action).toMatchObject({
      decision: { type: 'planning', input: { action: 'annuleren', checkInId: 'checkin-extra-1' } },
    });
    const bad = parseCaseAction(
      'planning_toevoegen',
      { planDatum: '32-13-2026', planTijd: '11:00' },
      'cm-017',
      now,
    );
    expect(!bad.ok && bad.problems.map((p) => p.field)).toEqual(['planDatum']);
  });
});
