/**
 * The intake form's fields (Dutch names, flat as HTML forms post them) and their translation to
 * the raw intake object that `domain/intakeSchema.ts` validates. Problems come back per form
 * field, in Dutch, so the page can show each one next to its field.
 *
 * Only what the form itself must interpret (dates as typed, the age field) is checked here; the
 * rest of the validation is the shared intake schema's. The choices the form offers are the
 * domain's lists (domain/vocabulary.ts); their words are the catalogue's.
 *
 * The reference is not made here: the staff pages make it from the form's sequence number, the
 * same way as for the API (cases/reference.ts).
 */
import type { Translate } from '../i18n';
import type { IncidentTimeKind } from '../domain/incidentTime';
import type { IntakeProblem } from '../domain/intakeSchema';
import { isoDate, parseDutchDate, parseLocalDateTime } from '../domain/localTime';
import {
  AGE_BANDS,
  CALLER_ROLES,
  GENDERS,
  GUARDIAN_RELATIONS,
  INTAKE_CHANNELS,
  isOneOf,
  WISHES,
  YES_NO_UNKNOWN,
} from '../domain/vocabulary';

/** The form's posted values: every field a string (or absent). */
export type IntakeFormValues = Partial<Record<IntakeFormField, string>>;

/** Every field the form posts, in the order of the page (so the error summary follows it too). */
export const INTAKE_FORM_FIELDS = [
  'volgnummer',
  'ontvangen',
  'kanaal',
  'beller',
  'tijdsoort',
  'datum',
  'tijd',
  'vanaf-datum',
  'vanaf-tijd',
  'tot-datum',
  'tot-tijd',
  'leeftijd',
  'leeftijdsgroep',
  'geslacht',
  'eerder-misbruik',
  'gemeente',
  'gevaar',
  'online',
  'politie',
  'medisch',
  'naam',
  'telefoon',
  'email',
  'veilig-bellen',
  'veilig-sms',
  'veilig-mailen',
  'ervaringsvragen',
  'geboortedatum',
  'aantekeningen',
  'gekoppeld',
  'ouder-relatie',
  'ouder-naam',
  'ouder-telefoon',
] as const;
export type IntakeFormField = (typeof INTAKE_FORM_FIELDS)[number];

/** The form's words for the kinds of incident time (values of `tijdsoort`). */
export const FORM_TIME_KINDS = {
  exact: 'exact',
  ongeveer: 'approximate',
  onbekend: 'unknown',
} as const satisfies Record<string, IncidentTimeKind>;

/** What the age group offers beyond the domain's bands: "not known". */
const AGE_GROUPS = [...AGE_BANDS, 'onbekend'] as const;

/**
 * The values each choice field offers, in the order shown. Each option's words are the catalogue's
 * `<group>.<value>` (web/views/intakeFormPage.ts).
 */
export const FORM_CHOICES = {
  kanaal: INTAKE_CHANNELS,
  beller: CALLER_ROLES,
  tijdsoort: Object.keys(FORM_TIME_KINDS) as Array<keyof typeof FORM_TIME_KINDS>,
  leeftijdsgroep: AGE_GROUPS,
  geslacht: GENDERS,
  'eerder-misbruik': YES_NO_UNKNOWN,
  politie: WISHES,
  medisch: WISHES,
  'ouder-relatie': GUARDIAN_RELATIONS,
} as const satisfies Partial<Record<IntakeFormField, readonly string[]>>;

/** Field-level problems; `formulier` is for problems that belong to no single field. */
export type FormProblems = Partial<Record<IntakeFormField | 'formulier', string>>;

/** Keeps only known fields, as strings, capped: a posted form is untrusted input. */
export function readFormValues(body: unknown): IntakeFormValues {
  const values: IntakeFormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const field of INTAKE_FORM_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string') values[field] = value.slice(0, 500);
  }
  return values;
}

const trimmed = (v: string | undefined) => (v ?? '').trim();
const optional = (v: string | undefined) => (trimmed(v) === '' ? undefined : trimmed(v));
const checked = (v: string | undefined) => v === 'ja';

export function formToRawIntake(
  values: IntakeFormValues,
  staffId: string,
  now: Date,
  t: Translate,
): { raw: Record<string, unknown>; problems: FormProblems } {
  const problems: FormProblems = {};

  const dateTime = (dateField: IntakeFormField, timeField: IntakeFormField, what: string) => {
    const result = parseLocalDateTime(trimmed(values[dateField]), trimmed(values[timeField]), now);
    if (result.ok) return result.iso;
    if (result.problem === 'datum') {
      problems[dateField] = t('problem.dateOf', { what: t(what) });
    } else {
      problems[timeField] = t('problem.timeOf', { what: t(what) });
    }
    return undefined;
  };

  let incidentTime: unknown;
  const timeKind = isOneOf(FORM_CHOICES.tijdsoort, values.tijdsoort)
    ? FORM_TIME_KINDS[values.tijdsoort]
    : undefined;
  switch (timeKind) {
    case 'exact':
      incidentTime = { kind: 'exact', at: dateTime('datum', 'tijd', 'problem.ofIncident') };
      break;
    case 'approximate':
      incidentTime = {
        kind: 'approximate',
        earliest: dateTime('vanaf-datum', 'vanaf-tijd', 'problem.ofEarliest'),
        latest: dateTime('tot-datum', 'tot-tijd', 'problem.ofLatest'),
      };
      break;
    case 'unknown':
      incidentTime = { kind: 'unknown' };
      break;
    default:
      problems.tijdsoort = t('problem.timeKind');
  }

  let victimAge: unknown;
  const age = trimmed(values.leeftijd);
  if (age !== '') {
    if (/^\d{1,3}$/.test(age)) victimAge = { kind: 'years', years: Number(age) };
    else problems.leeftijd = t('problem.ageDigits');
  } else if (values.leeftijdsgroep === 'onbekend') {
    victimAge = { kind: 'unknown' };
  } else if (isOneOf(AGE_BANDS, values.leeftijdsgroep)) {
    victimAge = { kind: 'band', band: values.leeftijdsgroep };
  } else {
    problems.leeftijd = t('problem.ageMissing');
  }

  // Typed as the incident date is (dd-mm-jjjj), not a browser's date picker: one way to write a
  // date on the whole form. Whether it lies in the past is the schema's check.
  let dateOfBirth: string | undefined;
  const birth = trimmed(values.geboortedatum);
  if (birth !== '') {
    const ymd = parseDutchDate(birth);
    if (ymd) dateOfBirth = isoDate(ymd);
    else problems.geboortedatum = t('problem.dateOfBirthFormat');
  }

  // A minor's parent or guardian: recorded when any of its fields is filled in; the schema says
  // what is missing (and refuses one for an adult).
  const guardianFields = [values['ouder-relatie'], values['ouder-naam'], values['ouder-telefoon']];
  const guardian = guardianFields.some((v) => optional(v) !== undefined)
    ? {
        relation: optional(values['ouder-relatie']),
        name: optional(values['ouder-naam']),
        phone: optional(values['ouder-telefoon']),
      }
    : undefined;

  const received = new Date(trimmed(values.ontvangen));
  const receivedAt = Number.isNaN(received.getTime()) ? now : received;
  // The sequence number was drawn when the form opened; without it the page was not ours.
  if (!/^\d{6}$/.test(trimmed(values.volgnummer))) problems.formulier = t('problem.formIncomplete');

  const raw: Record<string, unknown> = {
    channel: optional(values.kanaal),
    callerRole: optional(values.beller),
    incidentTime,
    victimAge,
    municipality: trimmed(values.gemeente),
    // For the semester figures only; "not asked" leaves them out (counted as onbekend).
    gender: optional(values.geslacht),
    earlierSexualAbuse: optional(values['eerder-misbruik']),
    onlineComponent: checked(values.online),
    immediateDanger: checked(values.gevaar),
    wishes: { police: optional(values.politie), medicalCare: optional(values.medisch) },
    contactPreferences: {
      safeToCall: checked(values['veilig-bellen']),
      safeToText: checked(values['veilig-sms']),
      safeToEmail: checked(values['veilig-mailen']),
    },
    victimContact: {
      name: optional(values.naam),
      phone: optional(values.telefoon),
      email: optional(values.email),
      dateOfBirth,
    },
    practicalNotes: optional(values.aantekeningen),
    guardian,
    // Asked at the end of the call; unticked, nothing is sent after the case.
    ...(checked(values.ervaringsvragen) ? { experienceQuestions: true } : {}),
    // An earlier melding of the same person (its reference): the case client links and checks it.
    linkedTo: optional(values.gekoppeld),
    receivedAt: receivedAt.toISOString(),
    recordedBy: staffId,
  };
  return { raw, problems };
}

/** Schema paths → form field and the catalogue key of the message staff see next to it. */
const SCHEMA_TO_FORM: Array<[prefix: string, field: IntakeFormField | 'formulier', messageKey: string]> = [
  ['reference', 'gemeente', 'problem.municipality'],
  ['channel', 'kanaal', 'problem.channel'],
  ['callerRole', 'beller', 'problem.caller'],
  ['incidentTime.at', 'datum', 'problem.incidentAfterIntake'],
  ['incidentTime.earliest', 'vanaf-datum', 'problem.earliestAfterIntake'],
  ['incidentTime.latest', 'tot-datum', 'problem.latestBeforeEarliest'],
  ['incidentTime', 'tijdsoort', 'problem.timeKind'],
  ['victimAge', 'leeftijd', 'problem.ageRange'],
  ['gender', 'geslacht', 'problem.gender'],
  ['earlierSexualAbuse', 'eerder-misbruik', 'problem.earlierAbuse'],
  ['municipality', 'gemeente', 'problem.municipality'],
  ['wishes.police', 'politie', 'problem.wish'],
  ['wishes.medicalCare', 'medisch', 'problem.wish'],
  ['victimContact.name', 'naam', 'problem.nameTooLong'],
  ['victimContact.phone', 'telefoon', 'problem.phone'],
  ['victimContact.email', 'email', 'problem.email'],
  ['victimContact.dateOfBirth', 'geboortedatum', 'problem.dateOfBirth'],
  ['practicalNotes', 'aantekeningen', 'problem.notesTooLong'],
  ['linkedTo', 'gekoppeld', 'problem.linkedTo'],
  ['guardian.relation', 'ouder-relatie', 'problem.guardianRelation'],
  ['guardian.name', 'ouder-naam', 'problem.guardianName'],
  ['guardian.phone', 'ouder-telefoon', 'problem.guardianPhone'],
  ['guardian', 'ouder-relatie', 'problem.guardianAdult'],
];

/** The catalogue key for a schema problem's field, when the form knows the field. */
export function schemaProblemKey(field: string): string | undefined {
  return SCHEMA_TO_FORM.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`))?.[2];
}

/** Merges the schema's problems into the form's own; a field keeps its first (most specific) problem. */
export function mergeSchemaProblems(
  problems: FormProblems,
  schemaProblems: IntakeProblem[],
  t: Translate,
): FormProblems {
  const merged: FormProblems = { ...problems };
  for (const problem of schemaProblems) {
    const match = SCHEMA_TO_FORM.find(
      ([prefix]) => problem.field === prefix || problem.field.startsWith(`${prefix}.`),
    );
    const [field, message] = match
      ? [
          match[1],
          // A name that is not a municipality: say which ones it may have meant.
          problem.suggestions?.length
            ? t('problem.municipalityNearest', { names: problem.suggestions.join(', ') })
            : t(match[2]),
        ]
      : (['formulier', problem.message] as const);
    if (problem.field === 'reference' && merged.formulier) continue;
    // A date the form could not read already has its own problem; the schema's follow-up adds nothing.
    if (field === 'datum' && merged.tijd) continue;
    if (field === 'vanaf-datum' && merged['vanaf-tijd']) continue;
    if (field === 'tot-datum' && merged['tot-tijd']) continue;
    if (
      field === 'tijdsoort' &&
      (merged.datum ||
        merged.tijd ||
        merged['vanaf-datum'] ||
        merged['tot-datum'] ||
        merged['vanaf-tijd'] ||
        merged['tot-tijd'])
    )
      continue;
    // The nearest names say more than the missing reference a missing region also causes.
    if (problem.suggestions?.length) merged[field] = message;
    else merged[field] ??= message;
  }
  return merged;
}
