/**
 * The problems of a refused case-page decision in the reader's words: the schema's problems and
 * the workflow's refusals name their field, the catalogue has the text (web/caseDecisions.ts has
 * the forms).
 */
import { CORRECTION_MESSAGES } from '../domain/corrections';
import type { IntakeProblem } from '../domain/intakeSchema';
import type { Translate } from '../i18n';
import { CASE_PAGE_DECISION_NAMES, fieldsOf, formFieldOf, type CasePageDecision } from './caseDecisions';

const FORM_FIELDS = new Set(
  CASE_PAGE_DECISION_NAMES.flatMap((name) => fieldsOf(name).map((field) => field.name)),
);

/** The catalogue key of a field's problem: the form's own, or the case page's by the field's name. */
function fieldProblemKey(decision: CasePageDecision | undefined, field: string): string {
  const own = decision ? fieldsOf(decision).find((f) => f.name === field)?.problem : undefined;
  return own ?? `casePage.problems.${field}`;
}

/** The check-ins' refusals by the case (workflows/checkInDecisions.ts), by their wording. */
const CHECK_IN_REFUSALS: Array<[RegExp, string]> = [
  [/not in watchful waiting/, 'notWatchful'],
  [/runs the fixed check-ins/, 'fixedPlan'],
  [/already runs six months/, 'extended'],
  [/already referred to the GGZ/, 'referred'],
  [/not yet handed over/, 'notHandedOver'],
  [/no decision is asked/, 'noBesluit'],
  [/is the screening/, 'screeningDue'],
];

/** The second ring's refusals by the case (workflows/secondRing.ts), by their wording. */
const SECOND_RING_REFUSALS: Array<[RegExp, string]> = [
  [/no consent recorded|withdrew the consent/, 'consent'],
  [/names no/, 'noPartner'],
  [/already under way/, 'alreadyOpen'],
];

/** The messages of a correction that changes only the fields given and was given none. */
const NOTHING_GIVEN = new Set<string>([
  CORRECTION_MESSAGES.contactNothing,
  CORRECTION_MESSAGES.channelsNothing,
  CORRECTION_MESSAGES.languageNothing,
]);

/** The fields of the corrections whose schema messages are English: their catalogue key. */
export function correctionProblemKey(field: string, message = ''): string | undefined {
  if (NOTHING_GIVEN.has(message)) return 'casePage.problems.nothingGiven';
  return [
    'victimAge',
    'dateOfBirth',
    'municipality',
    'name',
    'phone',
    'email',
    'language',
    'reason',
  ].includes(field)
    ? `casePage.problems.${field}`
    : undefined;
}

/**
 * A problem in the reader's language. The schema's problems and the workflow's refusals name
 * their field; the catalogue has a text for each field these forms have, and for the refusals a
 * case gives whatever the field (already withdrawn, closed). The workflow's own wording is English
 * and for programs; a person reads the catalogue's.
 */
export function problemText(
  t: Translate,
  problem: IntakeProblem,
  stage: 'form' | 'refusal',
  decision?: CasePageDecision,
): string {
  const field = decision ? formFieldOf(decision, problem.field) : problem.field;
  if (NOTHING_GIVEN.has(problem.message)) return t('casePage.problems.nothingGiven');
  if (stage === 'form') {
    return FORM_FIELDS.has(field) ? t(fieldProblemKey(decision, field)) : t('casePage.problems.form');
  }
  if (decision === 'medische_wens' && field === 'wish') return t('casePage.refusals.medicalWish');
  const secondRing = SECOND_RING_REFUSALS.find(([pattern]) => pattern.test(problem.message));
  if (decision === 'tweede_ring' && secondRing) return t(`tweedeRing.refusals.${secondRing[1]}`);
  if (field === 'wish' || field === 'role' || field === 'toRegionId') return t(`casePage.refusals.${field}`);
  if (/already withdrawn/.test(problem.message)) return t('casePage.refusals.withdrawn');
  const checkIn = CHECK_IN_REFUSALS.find(([pattern]) => pattern.test(problem.message));
  if (checkIn) return t(`contactmomenten.refusals.${checkIn[1]}`);
  if (/\bclos(ed|ing)\b/.test(problem.message)) return t('casePage.refusals.closed');
  // A correction the case refuses (a date after the intake, a municipality no region serves).
  if (FORM_FIELDS.has(field)) return t(fieldProblemKey(decision, field));
  return t('casePage.refusals.other', { field });
}
