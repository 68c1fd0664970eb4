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
import { CSG_ROLES } from '../domain/sharing';
import {
  CLOSE_REASONS,
  CORRECTION_REASONS,
  OWNER_CHANGE_REASONS,
  PARTNER_ROLES,
  WISHES,
} from '../domain/vocabulary';
import type { OpsAction } from '../cases/opsService';
import type { Translate } from '../i18n';
import { allMunicipalities, REGIONS } from '../regions';
import { OPS_ACTION_BODIES } from './opsApi';
import { CHECK_IN_DECISIONS } from './checkInDecisionForms';
import { SECOND_RING_DECISIONS } from './secondRingForms';
import {
  BOOLEAN_CHOICES,
  localTime,
  typed,
  type BodyOf,
  type DecisionField,
  type DecisionFormValues,
  type PageDecision,
} from './decisionFields';

export type { DecisionField, DecisionFormValues } from './decisionFields';

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
  ervaringsvragen: {
    label: 'decisions.ervaringsvragen',
    fields: [
      {
        name: 'given',
        choices: BOOLEAN_CHOICES,
        words: (c) => `casePage.experienceGiven.${c}`,
        boolean: true,
      },
    ],
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
  ...SECOND_RING_DECISIONS,
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
export function decisionsOfSection(section?: PageDecision['section']): CasePageDecision[] {
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
