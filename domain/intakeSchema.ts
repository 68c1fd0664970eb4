/**
 * The intake as helpline staff record it, validated before any case starts.
 *
 * Every message names what is expected, and `parseIntake` returns the problems as
 * `{ field, message }` with the field as a dotted path (e.g. `incidentTime.latest`), so the intake
 * form can put each message next to its field.
 *
 * Melding reference format: `CSG-<REGIO>-<JAAR>-<VOLGNUMMER>`, e.g. `CSG-LIM-2026-000123`:
 * a 2-4 letter region code, the year and a 6-digit sequence number. It is also the workflow id,
 * so it is never derived from personal data.
 *
 * Not for workflow code: zod is heavy and the workflow sandbox loads every module it imports.
 */
import { z } from 'zod';
import { CORRECTION_MESSAGES, LANGUAGE_PATTERN } from './corrections';
import { INCIDENT_TIME_MESSAGES, incidentTimeProblem } from './incidentTime';
import { STAFF_ID_PATTERN } from './staffId';
import type { MeldingIntake } from './types';
import { minorOf } from './semesterReport';
import {
  AGE_BANDS,
  CALLER_ROLES,
  GENDERS,
  GUARDIAN_RELATIONS,
  INTAKE_CHANNELS,
  WISHES,
  YES_NO_UNKNOWN,
} from './vocabulary';

export { STAFF_ID_PATTERN };

export const REFERENCE_PATTERN = /^CSG-[A-Z]{2,4}-\d{4}-\d{6}$/;

/** "a", "b" or "c": a list as a message names it. */
const quoted = (list: readonly string[]) =>
  list
    .map((v) => `"${v}"`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');

const isoTime = (message: string) => z.string({ error: message }).meta({ format: 'date-time' });

/**
 * The shape of an incident time; whether its times are well-formed and its range runs forwards is
 * `incidentTimeProblem`'s to say (the same check the workflow runs on a correction). Whether it
 * lies before the intake is checked where the intake's time is known: below for a new intake, in
 * the workflow for a correction.
 */
export const incidentTimeSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('exact'), at: isoTime(INCIDENT_TIME_MESSAGES.at) }),
      z.strictObject({
        kind: z.literal('approximate'),
        earliest: isoTime(INCIDENT_TIME_MESSAGES.earliest),
        latest: isoTime(INCIDENT_TIME_MESSAGES.latest),
      }),
      z.strictObject({ kind: z.literal('unknown') }),
    ],
    { error: INCIDENT_TIME_MESSAGES.shape },
  )
  .superRefine((time, ctx) => {
    const problem = incidentTimeProblem(time);
    // The path is relative to the incident time; the field names it from the intake.
    if (problem)
      ctx.addIssue({ code: 'custom', path: problem.field.split('.').slice(1), message: problem.message });
  });

export const victimAgeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('years'),
      years: z
        .number({ error: 'expected the age in whole years' })
        .int('expected the age in whole years')
        .min(0, 'expected an age of 0 or more')
        .max(120, 'expected an age of at most 120'),
    }),
    z.object({
      kind: z.literal('band'),
      band: z.enum(AGE_BANDS, { error: `expected an age band: ${quoted(AGE_BANDS)}` }),
    }),
    z.object({ kind: z.literal('unknown') }),
  ],
  { error: 'expected an age of kind "years" (years), "band" (band) or "unknown"' },
);

const wish = (what: string) => z.enum(WISHES, { error: `expected ${what}: ${quoted(WISHES)}` });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (no 31 February) and is not after today. */
function isPastDate(date: string): boolean {
  const at = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(date) && at.getTime() <= Date.now();
}

const flag = (what: string) => z.boolean({ error: `expected ${what} as true or false` });

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const PHONE_MESSAGE = 'expected a phone number like +31612345678 or 0612345678';

/** The parent or guardian of a minor victim: personal data, kept like the victim's contact. */
export const guardianSchema = z.strictObject(
  {
    relation: z.enum(GUARDIAN_RELATIONS, {
      error: `expected who the parent or guardian is: ${quoted(GUARDIAN_RELATIONS)}`,
    }),
    name: z
      .string({ error: 'expected the name of the parent or guardian' })
      .trim()
      .min(1, 'expected the name of the parent or guardian')
      .max(200, 'expected a name of at most 200 characters'),
    phone: z.string({ error: PHONE_MESSAGE }).regex(PHONE, PHONE_MESSAGE).optional(),
  },
  { error: 'expected the parent or guardian: relation, name and (optionally) phone' },
);

export const meldingIntakeSchema = z
  .object({
    reference: z
      .string({ error: 'expected a melding reference like CSG-LIM-2026-000123' })
      .regex(REFERENCE_PATTERN, 'expected a melding reference like CSG-LIM-2026-000123'),
    channel: z.enum(INTAKE_CHANNELS, { error: `expected the channel: ${quoted(INTAKE_CHANNELS)}` }),
    callerRole: z.enum(CALLER_ROLES, { error: `expected who called: ${quoted(CALLER_ROLES)}` }),
    incidentTime: incidentTimeSchema,
    victimAge: victimAgeSchema,
    municipality: z
      .string({ error: 'expected the municipality where the victim lives' })
      .trim()
      .min(1, 'expected the municipality where the victim lives'),
    onlineComponent: flag('whether there is an online component'),
    immediateDanger: flag('whether there is immediate danger'),
    wishes: z.object(
      { police: wish('the police wish'), medicalCare: wish('the medical-care wish') },
      { error: 'expected the wishes: police and medicalCare' },
    ),
    contactPreferences: z.object(
      {
        safeToCall: flag('whether calling is safe'),
        safeToText: flag('whether texting is safe'),
        safeToEmail: flag('whether email is safe'),
      },
      { error: 'expected the contact preferences: safeToCall, safeToText, safeToEmail' },
    ),
    victimContact: z.object(
      {
        name: z.string().trim().min(1, 'expected a name or nothing').max(200).optional(),
        phone: z.string().regex(PHONE, PHONE_MESSAGE).optional(),
        email: z.email({ error: 'expected an email address' }).optional(),
        dateOfBirth: z
          .string()
          .regex(DATE, 'expected a date of birth as YYYY-MM-DD')
          .refine((d) => !DATE.test(d) || isPastDate(d), 'expected a real date of birth, not in the future')
          .optional(),
      },
      { error: 'expected the contact details (all optional): name, phone, email, dateOfBirth' },
    ),
    practicalNotes: z
      .string({ error: 'expected practical notes as text' })
      .trim()
      .max(500, 'expected practical notes of at most 500 characters (no account of the incident)')
      .optional(),
    language: z
      .string({ error: CORRECTION_MESSAGES.language })
      .regex(LANGUAGE_PATTERN, CORRECTION_MESSAGES.language)
      .optional(),
    interpreterNeeded: flag('whether an interpreter is needed').optional(),
    // Only for a victim under 18 (or of unknown age): who to involve, with the victim's say.
    guardian: guardianSchema.optional(),
    experienceQuestions: flag('whether the victim wants questions about the help afterwards').optional(),
    // Codes for the semester figures; optional, so an intake without them is still valid.
    gender: z.enum(GENDERS, { error: `expected the gender: ${quoted(GENDERS)}` }).optional(),
    earlierSexualAbuse: z
      .enum(YES_NO_UNKNOWN, {
        error: `expected whether there was earlier sexual abuse: ${quoted(YES_NO_UNKNOWN)}`,
      })
      .optional(),
    receivedAt: z.iso.datetime({
      offset: true,
      error:
        'expected the time the intake was registered as an ISO date-time, e.g. 2026-03-01T22:30:00+01:00',
    }),
    recordedBy: z
      .string({ error: 'expected the pseudonymous staff id of the helpline worker' })
      .regex(STAFF_ID_PATTERN, 'expected a pseudonymous staff id (letters, digits, . _ -), not a name'),
  })
  .superRefine((intake, ctx) => {
    if (intake.guardian && minorOf(intake.victimAge) === 'nee') {
      ctx.addIssue({
        code: 'custom',
        path: ['guardian'],
        message: 'expected no parent or guardian for a victim of 18 or older',
      });
    }
    // Form and range are the incident time's own refinement (reported there, also when another
    // field is wrong); here only what needs the intake's time: not after the intake.
    if (incidentTimeProblem(intake.incidentTime)) return;
    const problem = incidentTimeProblem(intake.incidentTime, Date.parse(intake.receivedAt));
    if (problem) ctx.addIssue({ code: 'custom', path: problem.field.split('.'), message: problem.message });
  });

export interface IntakeProblem {
  /** Dotted path of the field, e.g. `incidentTime.at`; `(intake)` for the whole object. */
  field: string;
  message: string;
  /** Stable for programs: the zod issue code (`invalid_type`, `invalid_value`, `too_big`, `custom`). */
  code?: string;
  /** For a name that is not a municipality: the nearest official names, closest first. */
  suggestions?: string[];
}

export type IntakeParseResult<Region> =
  { ok: true; intake: MeldingIntake; region: Region } | { ok: false; problems: IntakeProblem[] };

function unserved(suggestions: string[]): IntakeProblem {
  return {
    field: 'municipality',
    message: suggestions.length
      ? `expected the name of a Dutch municipality; nearest: ${suggestions.join(', ')}`
      : 'expected the name of a Dutch municipality',
    code: 'custom',
    ...(suggestions.length ? { suggestions } : {}),
  };
}

/**
 * Validates a raw intake; on success also returns the region its municipality belongs to. Which
 * municipalities are served is region data, not domain: the caller hands in the lookup, and for a
 * name it does not know, the nearest names to suggest.
 */
export function parseIntake<Region>(
  raw: unknown,
  regionOf: (municipality: string) => Region | undefined,
  nearestOf: (municipality: string) => string[] = () => [],
): IntakeParseResult<Region> {
  const parsed = meldingIntakeSchema.safeParse(raw);
  const municipality = (raw as { municipality?: unknown } | null)?.municipality;
  const region = typeof municipality === 'string' ? regionOf(municipality.trim()) : undefined;
  const unknown =
    typeof municipality === 'string' && municipality.trim() !== '' && region === undefined
      ? unserved(nearestOf(municipality.trim()))
      : undefined;
  if (!parsed.success) {
    const problems: IntakeProblem[] = parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || '(intake)',
      message: issue.message,
      code: issue.code,
    }));
    return { ok: false, problems: unknown ? [...problems, unknown] : problems };
  }
  if (region === undefined) return { ok: false, problems: [unknown ?? unserved([])] };
  return { ok: true, intake: parsed.data as MeldingIntake, region };
}
