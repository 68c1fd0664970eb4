/**
 * The intake form's fields (Dutch names, flat as HTML forms post them) and their translation to
 * the raw intake object that `domain/intakeSchema.ts` validates. Problems come back per form
 * field, in Dutch, so the page can show each one next to its field.
 *
 * Only what the form itself must interpret (dates as typed, the age field) is checked here; the
 * rest of the validation is the shared intake schema's.
 */
import { regionForMunicipality } from '../config/regions';
import type { IntakeProblem } from '../domain/intakeSchema';
import { parseLocalDateTime } from './localTime';
import { buildReference } from './reference';

/** The form's posted values: every field a string (or absent). */
export type IntakeFormValues = Partial<Record<IntakeFormField, string>>;

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
  'geboortedatum',
  'aantekeningen',
  'veilig-bellen',
  'veilig-sms',
  'veilig-mailen',
] as const;
export type IntakeFormField = (typeof INTAKE_FORM_FIELDS)[number];

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
): { raw: Record<string, unknown>; problems: FormProblems } {
  const problems: FormProblems = {};

  const dateTime = (dateField: IntakeFormField, timeField: IntakeFormField, what: string) => {
    const result = parseLocalDateTime(trimmed(values[dateField]), trimmed(values[timeField]), now);
    if (result.ok) return result.iso;
    if (result.problem === 'datum') {
      problems[dateField] = `Vul de datum ${what} in als dd-mm-jjjj (of "vandaag", "gisteren").`;
    } else {
      problems[timeField] = `Vul de tijd ${what} in als uu:mm, bijvoorbeeld 22:30.`;
    }
    return undefined;
  };

  let incidentTime: unknown;
  switch (values.tijdsoort) {
    case 'exact':
      incidentTime = { kind: 'exact', at: dateTime('datum', 'tijd', 'van het incident') };
      break;
    case 'ongeveer':
      incidentTime = {
        kind: 'approximate',
        earliest: dateTime('vanaf-datum', 'vanaf-tijd', 'van het vroegste moment'),
        latest: dateTime('tot-datum', 'tot-tijd', 'van het laatste moment'),
      };
      break;
    case 'onbekend':
      incidentTime = { kind: 'unknown' };
      break;
    default:
      problems.tijdsoort = 'Kies of het tijdstip bekend, ongeveer bekend of onbekend is.';
  }

  let victimAge: unknown;
  const age = trimmed(values.leeftijd);
  if (age !== '') {
    if (/^\d{1,3}$/.test(age)) victimAge = { kind: 'years', years: Number(age) };
    else
      problems.leeftijd =
        'Vul de leeftijd in hele jaren in (alleen cijfers), of laat het leeg en kies een groep.';
  } else if (values.leeftijdsgroep === 'onbekend') {
    victimAge = { kind: 'unknown' };
  } else if (
    values.leeftijdsgroep === '0-15' ||
    values.leeftijdsgroep === '16-17' ||
    values.leeftijdsgroep === '18+'
  ) {
    victimAge = { kind: 'band', band: values.leeftijdsgroep };
  } else {
    problems.leeftijd = 'Vul een leeftijd in, of kies een leeftijdsgroep (of "onbekend").';
  }

  const received = new Date(trimmed(values.ontvangen));
  const receivedAt = Number.isNaN(received.getTime()) ? now : received;
  const region = regionForMunicipality(trimmed(values.gemeente));
  const sequence = /^\d{6}$/.test(trimmed(values.volgnummer)) ? trimmed(values.volgnummer) : undefined;
  if (!sequence) problems.formulier = 'Het formulier is onvolledig geladen: open een nieuw formulier.';

  const raw: Record<string, unknown> = {
    // Without a known municipality there is no region code yet; the municipality's own problem says why.
    reference: region && sequence ? buildReference(region.id, receivedAt, sequence) : undefined,
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
      dateOfBirth: optional(values.geboortedatum),
    },
    practicalNotes: optional(values.aantekeningen),
    receivedAt: receivedAt.toISOString(),
    recordedBy: staffId,
  };
  return { raw, problems };
}

/** Schema paths → form field and the Dutch message staff see next to it. */
const SCHEMA_TO_FORM: Array<[prefix: string, field: IntakeFormField | 'formulier', message: string]> = [
  [
    'reference',
    'gemeente',
    'Kies een gemeente uit de lijst: alleen gemeenten van een aangesloten CSG-regio.',
  ],
  ['channel', 'kanaal', 'Kies hoe de melding binnenkwam.'],
  ['callerRole', 'beller', 'Kies wie er contact opneemt.'],
  ['incidentTime.at', 'datum', 'Het incident kan niet later zijn dan het moment van melden.'],
  [
    'incidentTime.earliest',
    'vanaf-datum',
    'Het vroegste moment kan niet later zijn dan het moment van melden.',
  ],
  ['incidentTime.latest', 'tot-datum', 'Het laatste moment moet op of na het vroegste moment liggen.'],
  ['incidentTime', 'tijdsoort', 'Kies of het tijdstip bekend, ongeveer bekend of onbekend is.'],
  ['victimAge', 'leeftijd', 'Vul een leeftijd van 0 tot en met 120 jaar in, of kies een leeftijdsgroep.'],
  ['gender', 'geslacht', 'Kies vrouw, man, anders of onbekend (of laat het op "niet gevraagd").'],
  ['earlierSexualAbuse', 'eerder-misbruik', 'Kies ja, nee of onbekend (of laat het op "niet gevraagd").'],
  [
    'municipality',
    'gemeente',
    'Kies een gemeente uit de lijst: alleen gemeenten van een aangesloten CSG-regio.',
  ],
  ['wishes.police', 'politie', 'Kies ja, nee of twijfel.'],
  ['wishes.medicalCare', 'medisch', 'Kies ja, nee of twijfel.'],
  ['victimContact.name', 'naam', 'De naam is te lang (maximaal 200 tekens).'],
  [
    'victimContact.phone',
    'telefoon',
    'Vul een telefoonnummer in zoals 0612345678 of +31612345678, of laat het leeg.',
  ],
  ['victimContact.email', 'email', 'Vul een e-mailadres in zoals naam@voorbeeld.nl, of laat het leeg.'],
  [
    'victimContact.dateOfBirth',
    'geboortedatum',
    'Vul een bestaande geboortedatum in die niet in de toekomst ligt, of laat het leeg.',
  ],
  ['practicalNotes', 'aantekeningen', 'De aantekeningen zijn te lang (maximaal 500 tekens).'],
];

/** Merges the schema's problems into the form's own; a field keeps its first (most specific) problem. */
export function mergeSchemaProblems(problems: FormProblems, schemaProblems: IntakeProblem[]): FormProblems {
  const merged: FormProblems = { ...problems };
  for (const problem of schemaProblems) {
    const match = SCHEMA_TO_FORM.find(
      ([prefix]) => problem.field === prefix || problem.field.startsWith(`${prefix}.`),
    );
    const [field, message] = match ? [match[1], match[2]] : (['formulier', problem.message] as const);
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
    merged[field] ??= message;
  }
  return merged;
}
