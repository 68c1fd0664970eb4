/**
 * The check-ins' forms, in the case page's "Contactmomenten" section: record a contact (reached or
 * not), change the plan (add, move, cancel), extend to six months, refer to the GGZ, and the
 * coordinator's besluit after failed contacts. Times are typed in Dutch date and time fields.
 */
import type { IntakeProblem } from '../domain/intakeSchema';
import {
  CONTACT_OUTCOMES,
  FAILED_CONTACT_DECISIONS,
  GGZ_REFERRAL_REASONS,
  SCREENING_RESULTS,
} from '../domain/vocabulary';
import {
  BOOLEAN_CHOICES,
  localTime,
  type BodyOf,
  type DecisionField,
  type DecisionFormValues,
  type PageDecision,
} from './decisionFields';

/** A time the staff member types for a contact to come: Dutch date and time, in the future. */
function futureTime(
  values: DecisionFormValues,
  date: string,
  time: string,
  now: Date,
  problems: IntakeProblem[],
): string | undefined {
  const iso = localTime(values, date, time, now, problems);
  if (iso === undefined || Date.parse(iso) > now.getTime()) return iso;
  problems.push({ field: date, message: 'expected a moment in the future' });
  return undefined;
}

/**
 * A contact as the form has it: reached with its outcome (and maybe the next contact), or not
 * reached with the moment to try again. The fields of the other answer are hidden and left out.
 */
const contactBody: BodyOf = (values, now) => {
  const problems: IntakeProblem[] = [];
  const reached = values.reached === 'true' ? true : values.reached === 'false' ? false : values.reached;
  const body: Record<string, unknown> = { reached, note: values.note };
  if (reached === true) {
    body.outcome = values.outcome;
    body.screening = values.screening;
    if (values.nextDatum !== undefined || values.nextTijd !== undefined)
      body.nextContactAt = futureTime(values, 'nextDatum', 'nextTijd', now, problems);
  } else if (reached === false) {
    body.retryAt = futureTime(values, 'retryDatum', 'retryTijd', now, problems);
  }
  return { body, problems, covered: ['nextContactAt', 'retryAt'] };
};

/** The plan's forms: one decision (`planning`), its action fixed by the form. */
const planBody =
  (action: 'toevoegen' | 'verplaatsen' | 'annuleren'): BodyOf =>
  (values, now) => {
    const problems: IntakeProblem[] = [];
    const body: Record<string, unknown> = { action };
    if (action !== 'toevoegen') body.checkInId = values.checkInId;
    if (action !== 'annuleren') body.at = futureTime(values, 'planDatum', 'planTijd', now, problems);
    return { body, problems, covered: ['at'] };
  };

/** A date and time to type, as the intake's incident time: only shown while `reached` is so. */
const when = (name: string, reached?: 'true' | 'false', optional = false): DecisionField => ({
  name,
  input: 'text',
  label: `contactmomenten.fields.${name}`,
  problem: `contactmomenten.problems.${name}`,
  ...(reached ? { reached } : {}),
  ...(optional ? { optional: true as const } : {}),
});

/** The planned check-in to move or cancel: the choices are the case's own (caseDecisionForms). */
const CHECK_IN_CHOICE: DecisionField = {
  name: 'checkInId',
  choices: [],
  select: true,
  label: 'contactmomenten.fields.checkInId',
  problem: 'contactmomenten.problems.checkInId',
  placeholder: 'contactmomenten.chooseCheckIn',
};

/**
 * The check-ins' forms, in the case page's "Contactmomenten" section: record a contact, change the
 * plan, extend to six months, refer to the GGZ, and the coordinator's besluit after failed contacts.
 */
export const CHECK_IN_DECISIONS = {
  contactmoment: {
    label: 'contactmomenten.forms.contactmoment',
    section: 'contactmomenten',
    direct: true,
    done: 'contactmomenten.done.contactmoment',
    fields: [
      {
        name: 'reached',
        choices: BOOLEAN_CHOICES,
        words: (c) => (c === 'true' ? 'checkInWords.reached' : 'checkInWords.notReached'),
        boolean: true,
        label: 'contactmomenten.fields.reached',
        problem: 'contactmomenten.problems.reached',
      },
      {
        name: 'outcome',
        choices: CONTACT_OUTCOMES,
        words: (c) => `checkInWords.outcomes.${c}`,
        reached: 'true',
        optional: true,
        label: 'contactmomenten.fields.outcome',
        problem: 'contactmomenten.problems.outcome',
      },
      {
        name: 'screening',
        choices: SCREENING_RESULTS,
        words: (c) => `checkInWords.screening.${c}`,
        select: true,
        reached: 'true',
        optional: true,
        label: 'contactmomenten.fields.screening',
        problem: 'contactmomenten.problems.screening',
        placeholder: 'contactmomenten.noScreening',
      },
      when('nextDatum', 'true', true),
      when('nextTijd', 'true', true),
      when('retryDatum', 'false', true),
      when('retryTijd', 'false', true),
      {
        name: 'note',
        input: 'text',
        optional: true,
        keep: 1000,
        label: 'contactmomenten.fields.note',
        problem: 'contactmomenten.problems.note',
      },
    ],
    toBody: contactBody,
    problemFields: [
      ['nextContactAt', 'nextDatum'],
      ['retryAt', 'retryDatum'],
    ],
  },
  planning_toevoegen: {
    label: 'contactmomenten.forms.toevoegen',
    decision: 'planning',
    section: 'contactmomenten',
    direct: true,
    done: 'contactmomenten.done.toevoegen',
    fields: [when('planDatum'), when('planTijd')],
    toBody: planBody('toevoegen'),
    problemFields: [['at', 'planDatum']],
  },
  planning_verplaatsen: {
    label: 'contactmomenten.forms.verplaatsen',
    decision: 'planning',
    section: 'contactmomenten',
    direct: true,
    done: 'contactmomenten.done.verplaatsen',
    fields: [CHECK_IN_CHOICE, when('planDatum'), when('planTijd')],
    toBody: planBody('verplaatsen'),
    problemFields: [['at', 'planDatum']],
  },
  planning_annuleren: {
    label: 'contactmomenten.forms.annuleren',
    decision: 'planning',
    section: 'contactmomenten',
    direct: true,
    done: 'contactmomenten.done.annuleren',
    fields: [CHECK_IN_CHOICE],
    toBody: planBody('annuleren'),
  },
  verlenging: {
    label: 'contactmomenten.forms.verlenging',
    section: 'contactmomenten',
    done: 'contactmomenten.done.verlenging',
    fields: [],
  },
  ggz_verwijzing: {
    label: 'contactmomenten.forms.ggz_verwijzing',
    section: 'contactmomenten',
    done: 'contactmomenten.done.ggz_verwijzing',
    fields: [
      {
        name: 'reason',
        choices: GGZ_REFERRAL_REASONS,
        words: (c) => `checkInWords.ggzReasons.${c}`,
        select: true,
        placeholder: 'casePage.chooseReason',
        label: 'contactmomenten.fields.ggzReason',
        problem: 'contactmomenten.problems.ggzReason',
      },
    ],
  },
  contactpogingen: {
    label: 'contactmomenten.forms.contactpogingen',
    section: 'contactmomenten',
    done: 'contactmomenten.done.contactpogingen',
    fields: [
      {
        name: 'besluit',
        choices: FAILED_CONTACT_DECISIONS,
        words: (c) => `checkInWords.besluit.${c}`,
        label: 'contactmomenten.fields.besluit',
        problem: 'contactmomenten.problems.besluit',
      },
    ],
  },
} satisfies Record<string, PageDecision>;
