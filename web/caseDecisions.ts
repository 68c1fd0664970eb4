/**
 * The decisions staff record on the case page, as forms: which ones, their fields and choices,
 * and how a posted form becomes a decision of the table (`domain/decisions.ts`) or the ops
 * closing. The choices come from the domain's lists (`domain/vocabulary.ts`, the regions) and the
 * body is checked by the very schemas the JSON API uses (`domain/decisionSchemas.ts`, the ops
 * API's closing body), so a page and the API accept and refuse the same input.
 */
import type { z } from 'zod';
import type { Decision, DecisionName } from '../domain/decisions';
import { decisionSchemas } from '../domain/decisionSchemas';
import { INCIDENT_TIME_KINDS } from '../domain/incidentTime';
import type { IntakeProblem } from '../domain/intakeSchema';
import { parseLocalDateTime } from '../domain/localTime';
import { CSG_ROLES } from '../domain/sharing';
import {
  CLOSE_REASONS,
  CONTACT_OUTCOMES,
  CORRECTION_REASONS,
  FAILED_CONTACT_DECISIONS,
  GGZ_REFERRAL_REASONS,
  OWNER_CHANGE_REASONS,
  PARTNER_ROLES,
  SCREENING_RESULTS,
  WISHES,
} from '../domain/vocabulary';
import type { OpsAction } from '../cases/opsService';
import type { Translate } from '../i18n';
import { allMunicipalities, REGIONS } from '../regions';
import { OPS_ACTION_BODIES } from './opsApi';

/** A yes/no field travels as "true" / "false" in a form and becomes a boolean for the schema. */
const BOOLEAN_CHOICES = ['true', 'false'] as const;

export interface DecisionField {
  /** The input's field name, as the schema and the workflow's refusals name it. */
  name: string;
  /** The closed list to choose from; without it the field is typed in. */
  choices?: readonly string[];
  /** Catalogue key of one choice in words. */
  words?: (choice: string) => string;
  /** A choice's words that are no catalogue text (a region's name). */
  text?: (choice: string) => string;
  boolean?: true;
  /** A select with an empty first option (long lists); otherwise radio buttons. */
  select?: true;
  /** May stay empty: a correction changes only the fields given. */
  optional?: true;
  /** A typed-in field's input type. */
  input?: 'text' | 'number' | 'date' | 'tel' | 'email';
  /** Known values offered while typing (a datalist), e.g. the served municipalities. */
  suggestions?: () => readonly string[];
  /** Catalogue key of the label when the field name alone is ambiguous (two decisions' `wish`). */
  label?: string;
  /** Catalogue key of a select's empty first option. */
  placeholder?: string;
  /** An incident-time field the form shows only while this kind of time is chosen (layout.ts). */
  timeKind?: 'exact' | 'approximate';
  /** A contact field the form shows only while "reached" is answered so (eigen.css). */
  reached?: 'true' | 'false';
  /**
   * The most characters kept of what is typed (250 when left out); the schema refuses what is
   * longer than it allows, so keep this above the schema's limit: nothing is cut off unseen.
   */
  keep?: number;
  /** Catalogue key of the field's problem, where the field name alone is ambiguous. */
  problem?: string;
}

/** A named casemanager as the staff directory names them, with the staff id they log in with. */
export function casemanagerName(staffId: string): string {
  for (const region of REGIONS.values()) {
    const named = Object.hasOwn(region.casemanagers, staffId) ? region.casemanagers[staffId] : undefined;
    if (named) return `${named.name} (${staffId})`;
  }
  return staffId;
}

/** The consent form offers only partners outside the CSG: its own people need no separate consent. */
const CONSENT_ROLES = PARTNER_ROLES.filter((role) => !CSG_ROLES.includes(role));

/** Every correction says why, as a code of the catalogue. */
const REASON: DecisionField = {
  name: 'reason',
  choices: CORRECTION_REASONS,
  words: (c) => `correctionReasons.${c}`,
  select: true,
};

/** A yes/no a correction may leave as it is: a select whose empty option means "unchanged". */
const maybe = (name: string): DecisionField => ({
  name,
  choices: BOOLEAN_CHOICES,
  words: (c) => `casePage.yesNo.${c}`,
  boolean: true,
  select: true,
  optional: true,
  placeholder: 'casePage.unchanged',
});

const typed = (name: string, input: DecisionField['input'] = 'text'): DecisionField => ({
  name,
  input,
  optional: true,
});

/**
 * The incident time as the intake form asks it: its kind first, then the Dutch date and time
 * fields of that kind only (the others are hidden by CSS while another kind is chosen).
 */
const INCIDENT_FIELDS: DecisionField[] = [
  { name: 'tijdsoort', choices: INCIDENT_TIME_KINDS, words: (c) => `casePage.timeKinds.${c}` },
  { ...typed('datum'), timeKind: 'exact' },
  { ...typed('tijd'), timeKind: 'exact' },
  { ...typed('vanafDatum'), timeKind: 'approximate' },
  { ...typed('vanafTijd'), timeKind: 'approximate' },
  { ...typed('totDatum'), timeKind: 'approximate' },
  { ...typed('totTijd'), timeKind: 'approximate' },
];

/**
 * The form's values, the schema's body; problems the form finds itself, by field, and the body's
 * paths these already cover (a time it could not read: the schema's "missing" would say it twice).
 */
type BodyOf = (
  values: DecisionFormValues,
  now: Date,
) => { body: Record<string, unknown>; problems: IntakeProblem[]; covered?: string[] };

interface PageDecision {
  label: string;
  fields: DecisionField[];
  /** The decision of the table it becomes, where the page has several forms for one (planning). */
  decision?: string;
  /** The page section that shows the form: the check-ins' own, or the general list. */
  section?: 'contactmomenten';
  /**
   * Recorded at once, without the confirmation step: the everyday check-in work, which the next
   * contact can set right. The weighty ones (extension, referral, the coordinator's besluit) confirm.
   */
  direct?: true;
  /** Catalogue key of the message once recorded; `casePage.done.<name>` when left out. */
  done?: string;
  /** How the values become the schema's body, where they are not the body's fields one to one. */
  toBody?: BodyOf;
  /** Schema and workflow paths → the form field that shows their problem (longest prefix first). */
  problemFields?: Array<[path: string, field: string]>;
}

/** Dutch date-time fields to an ISO time, or the field that could not be read. */
function localTime(
  values: DecisionFormValues,
  date: string,
  time: string,
  now: Date,
  problems: IntakeProblem[],
) {
  const parsed = parseLocalDateTime(values[date] ?? '', values[time] ?? '', now);
  if (parsed.ok) return parsed.iso;
  const field = parsed.problem === 'datum' ? date : time;
  problems.push({ field, message: `expected a ${parsed.problem === 'datum' ? 'date' : 'time'}` });
  return undefined;
}

const incidentBody: BodyOf = (values, now) => {
  const problems: IntakeProblem[] = [];
  let incidentTime: unknown;
  switch (values.tijdsoort) {
    case 'exact':
      incidentTime = { kind: 'exact', at: localTime(values, 'datum', 'tijd', now, problems) };
      break;
    case 'approximate':
      incidentTime = {
        kind: 'approximate',
        earliest: localTime(values, 'vanafDatum', 'vanafTijd', now, problems),
        latest: localTime(values, 'totDatum', 'totTijd', now, problems),
      };
      break;
    case 'unknown':
      incidentTime = { kind: 'unknown' };
      break;
    default:
      problems.push({ field: 'tijdsoort', message: 'expected the kind of incident time' });
  }
  return { body: { incidentTime, reason: values.reason }, problems };
};

/** An age in whole years becomes the schema's `{ kind: 'years' }`; anything else stays, for the schema to name. */
const ageBody: BodyOf = (values) => {
  const years = values.victimAge?.trim();
  const victimAge =
    years === undefined
      ? undefined
      : /^\d{1,3}$/.test(years)
        ? { kind: 'years', years: Number(years) }
        : years;
  return { body: { victimAge, dateOfBirth: values.dateOfBirth, reason: values.reason }, problems: [] };
};

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
const CHECK_IN_DECISIONS = {
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

/**
 * The case page's decisions, in the order the page shows them. `sluiting` is the ops closing
 * (`cases/opsService.ts`); the rest are decisions of the table under their own names.
 */
export const CASE_PAGE_DECISIONS = {
  toestemming: {
    label: 'decisions.toestemming',
    fields: [
      {
        name: 'role',
        choices: CONSENT_ROLES,
        words: (c) => `request.roles.${c}`,
        select: true,
        placeholder: 'casePage.chooseRole',
      },
      { name: 'given', choices: BOOLEAN_CHOICES, words: (c) => `casePage.given.${c}`, boolean: true },
    ],
  },
  politiewens: {
    label: 'decisions.politiewens',
    fields: [{ name: 'wish', choices: WISHES, words: (c) => `form.choices.${c}` }],
  },
  aangifte: {
    label: 'decisions.aangifte',
    fields: [{ name: 'made', choices: BOOLEAN_CHOICES, words: (c) => `casePage.made.${c}`, boolean: true }],
  },
  incidenttijd: {
    label: 'decisions.incidenttijd',
    fields: [...INCIDENT_FIELDS, REASON],
    toBody: incidentBody,
    problemFields: [
      ['incidentTime.at', 'datum'],
      ['incidentTime.earliest', 'vanafDatum'],
      ['incidentTime.latest', 'totDatum'],
      ['incidentTime', 'tijdsoort'],
    ],
  },
  leeftijd: {
    label: 'decisions.leeftijd',
    fields: [typed('victimAge', 'number'), typed('dateOfBirth', 'date'), REASON],
    toBody: ageBody,
  },
  gemeente: {
    label: 'decisions.gemeente',
    fields: [{ name: 'municipality', input: 'text', suggestions: allMunicipalities }, REASON],
  },
  contactgegevens: {
    label: 'decisions.contactgegevens',
    fields: [typed('name'), typed('phone', 'tel'), typed('email', 'email'), REASON],
  },
  veilige_kanalen: {
    label: 'decisions.veilige_kanalen',
    fields: [maybe('safeToCall'), maybe('safeToText'), maybe('safeToEmail'), REASON],
  },
  medische_wens: {
    label: 'decisions.medische_wens',
    fields: [
      {
        name: 'wish',
        choices: WISHES,
        words: (c) => `form.choices.${c}`,
        label: 'casePage.fields.medicalWish',
      },
      REASON,
    ],
  },
  taal: {
    label: 'decisions.taal',
    fields: [typed('language'), maybe('interpreterNeeded'), REASON],
  },
  overdracht: {
    label: 'decisions.overdracht',
    fields: [
      {
        name: 'toRegionId',
        choices: [...REGIONS.keys()],
        text: (id) => REGIONS.get(id)?.name ?? id,
        select: true,
        placeholder: 'casePage.chooseRegion',
      },
    ],
  },
  // The coordinator hands the case to another casemanager; the form offers the case region's (caseDecisionForms).
  eigenaar: {
    label: 'decisions.eigenaar',
    fields: [
      {
        name: 'casemanager',
        choices: [...new Set([...REGIONS.values()].flatMap((region) => Object.keys(region.casemanagers)))],
        text: casemanagerName,
        select: true,
        placeholder: 'casePage.chooseCasemanager',
      },
      {
        name: 'reason',
        choices: OWNER_CHANGE_REASONS,
        words: (c) => `casePage.ownerReasons.${c}`,
        select: true,
        placeholder: 'casePage.chooseReason',
      },
    ],
  },
  // Any casemanager or coordinator of the region flags the case for the next casusoverleg, with a
  // note on what to discuss (staff text; it stays in the case, never in a search attribute).
  casusoverleg: {
    label: 'decisions.casusoverleg',
    fields: [
      { name: 'flagged', choices: BOOLEAN_CHOICES, words: (c) => `casePage.flagged.${c}`, boolean: true },
      { name: 'note', input: 'text', optional: true },
    ],
  },
  intrekking: { label: 'decisions.intrekking', fields: [] },
  ...CHECK_IN_DECISIONS,
  sluiting: {
    label: 'casePage.sluiting',
    fields: [
      {
        name: 'reason',
        choices: CLOSE_REASONS,
        words: (c) => `casePage.closeReasons.${c}`,
        select: true,
        placeholder: 'casePage.chooseReason',
      },
    ],
  },
} satisfies Record<string, PageDecision>;

export type CasePageDecision = keyof typeof CASE_PAGE_DECISIONS;
export const CASE_PAGE_DECISION_NAMES = Object.keys(CASE_PAGE_DECISIONS) as CasePageDecision[];

export function isCasePageDecision(value: unknown): value is CasePageDecision {
  return typeof value === 'string' && Object.hasOwn(CASE_PAGE_DECISIONS, value);
}

const specOf = (name: CasePageDecision): PageDecision => CASE_PAGE_DECISIONS[name];

export function fieldsOf(name: CasePageDecision): readonly DecisionField[] {
  return specOf(name).fields;
}

/** A choice in the reader's words. */
export function choiceWords(t: Translate, field: DecisionField, choice: string): string {
  if (field.text) return field.text(choice);
  return field.words ? t(field.words(choice)) : choice;
}

/** The form field that shows a problem the schema or the workflow names by its own path. */
export function formFieldOf(name: CasePageDecision, path: string): string {
  const mapped = specOf(name).problemFields?.find(([p]) => path === p || path.startsWith(`${p}.`));
  return mapped ? mapped[1] : path;
}

/** What a page decision becomes: a decision of the table, or the ops closing. */
export type CaseAction = { kind: 'decision'; decision: Decision } | { kind: 'ops'; action: OpsAction };

/** The form's own values (strings), only the decision's fields: what the confirmation carries on. */
export type DecisionFormValues = Record<string, string>;

export function formValuesOf(name: CasePageDecision, body: Record<string, unknown>): DecisionFormValues {
  const values: DecisionFormValues = {};
  for (const field of fieldsOf(name)) {
    const value = body[field.name];
    if (typeof value === 'string' && value.trim() !== '')
      values[field.name] = value.trim().slice(0, field.keep ?? 250);
  }
  return values;
}

/** The decision of the table a page decision becomes (its own name, but for the plan's forms). */
export function tableDecisionOf(name: Exclude<CasePageDecision, 'sluiting'>): DecisionName {
  return (specOf(name).decision ?? name) as DecisionName;
}

/** Whether the form records at once, without the confirmation step. */
export function isDirect(name: CasePageDecision): boolean {
  return specOf(name).direct === true;
}

/** The page decisions of one section; the general list when `section` is left out. */
export function decisionsOfSection(section?: 'contactmomenten'): CasePageDecision[] {
  return CASE_PAGE_DECISION_NAMES.filter((name) => specOf(name).section === section);
}

/** Catalogue key of the message once the decision is recorded. */
export function doneKey(name: CasePageDecision): string {
  return specOf(name).done ?? `casePage.done.${name}`;
}

function schemaFor(name: CasePageDecision): z.ZodType {
  return name === 'sluiting' ? OPS_ACTION_BODIES.sluiting : decisionSchemas[tableDecisionOf(name)];
}

/** The values as the schema's body: a boolean field's "true"/"false" becomes true/false. */
function bodyOf(name: CasePageDecision, values: DecisionFormValues, now: Date): ReturnType<BodyOf> {
  const toBody = specOf(name).toBody;
  if (toBody) return toBody(values, now);
  const body: Record<string, unknown> = {};
  for (const field of fieldsOf(name)) {
    const value = values[field.name];
    if (value === undefined) continue;
    body[field.name] = field.boolean && (value === 'true' || value === 'false') ? value === 'true' : value;
  }
  return { body, problems: [] };
}

/**
 * The posted values as an action by `by`, or the problems (one per field, named by the form's
 * field): the form's own (a date it cannot read), then the schema's.
 */
export function parseCaseAction(
  name: CasePageDecision,
  values: DecisionFormValues,
  by: string,
  now = new Date(),
): { ok: true; action: CaseAction } | { ok: false; problems: IntakeProblem[] } {
  const { body, problems: own, covered = [] } = bodyOf(name, values, now);
  const parsed = schemaFor(name).safeParse(body);
  if (own.length || !parsed.success) {
    // A time the form could not read is its own problem; the schema's on that path would repeat it.
    const repeated = (path: string) => own.length > 0 && covered.includes(path) && body[path] === undefined;
    const problems = [
      ...own,
      ...(parsed.success ? [] : parsed.error.issues)
        .filter((issue) => !repeated(String(issue.path[0] ?? '')))
        .map((issue) => ({
          field: formFieldOf(name, issue.path.map(String).join('.')) || '(besluit)',
          message: issue.message,
        })),
    ];
    // One problem per field: the first is the one to fix.
    return {
      ok: false,
      problems: problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i),
    };
  }
  const input = { ...(parsed.data as object), by };
  if (name === 'sluiting')
    return { ok: true, action: { kind: 'ops', action: { type: 'sluiting', input } as OpsAction } };
  return {
    ok: true,
    action: { kind: 'decision', decision: { type: tableDecisionOf(name), input } as Decision },
  };
}
