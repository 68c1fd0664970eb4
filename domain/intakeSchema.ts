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
import { STAFF_ID_PATTERN } from './staffId';
import type { MeldingIntake } from './types';

export { STAFF_ID_PATTERN };

export const REFERENCE_PATTERN = /^CSG-[A-Z]{2,4}-\d{4}-\d{6}$/;

const isoTime = (what: string) =>
  z.iso.datetime({
    offset: true,
    error: `expected ${what} as an ISO date-time, e.g. 2026-03-01T22:30:00+01:00`,
  });

const incidentTimeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('exact'), at: isoTime('the incident time') }),
    z
      .object({
        kind: z.literal('approximate'),
        earliest: isoTime('the earliest possible incident time'),
        latest: isoTime('the latest possible incident time'),
      })
      .refine((t) => Date.parse(t.earliest) <= Date.parse(t.latest), {
        path: ['latest'],
        error: 'expected the latest possible time to be on or after the earliest possible time',
      }),
    z.object({ kind: z.literal('unknown') }),
  ],
  { error: 'expected an incident time of kind "exact" (at), "approximate" (earliest, latest) or "unknown"' },
);

const victimAgeSchema = z.discriminatedUnion(
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
      band: z.enum(['0-15', '16-17', '18+'], { error: 'expected an age band: "0-15", "16-17" or "18+"' }),
    }),
    z.object({ kind: z.literal('unknown') }),
  ],
  { error: 'expected an age of kind "years" (years), "band" (band) or "unknown"' },
);

const wish = (what: string) =>
  z.enum(['ja', 'nee', 'twijfel'], { error: `expected ${what}: "ja", "nee" or "twijfel"` });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (no 31 February) and is not after today. */
function isPastDate(date: string): boolean {
  const at = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(date) && at.getTime() <= Date.now();
}

const flag = (what: string) => z.boolean({ error: `expected ${what} as true or false` });

export const meldingIntakeSchema = z
  .object({
    reference: z
      .string({ error: 'expected a melding reference like CSG-LIM-2026-000123' })
      .regex(REFERENCE_PATTERN, 'expected a melding reference like CSG-LIM-2026-000123'),
    channel: z.enum(
      [
        'telefoon',
        'chat',
        'verwijzing_politie',
        'verwijzing_veilig_thuis',
        'verwijzing_huisarts',
        'verwijzing_wijkteam',
        'verwijzing_overig',
      ],
      {
        error:
          'expected the channel: telefoon, chat or verwijzing_politie / _veilig_thuis / _huisarts / _wijkteam / _overig',
      },
    ),
    callerRole: z.enum(['slachtoffer', 'naaste', 'professional'], {
      error: 'expected who called: "slachtoffer", "naaste" or "professional"',
    }),
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
        phone: z
          .string()
          .regex(/^\+?[0-9 ()-]{6,20}$/, 'expected a phone number like +31612345678 or 0612345678')
          .optional(),
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
    // Codes for the semester figures (issue 10); optional, so an intake without them is still valid.
    gender: z
      .enum(['vrouw', 'man', 'anders', 'onbekend'], {
        error: 'expected the gender: "vrouw", "man", "anders" or "onbekend"',
      })
      .optional(),
    earlierSexualAbuse: z
      .enum(['ja', 'nee', 'onbekend'], {
        error: 'expected whether there was earlier sexual abuse: "ja", "nee" or "onbekend"',
      })
      .optional(),
    receivedAt: isoTime('the time the intake was registered'),
    recordedBy: z
      .string({ error: 'expected the pseudonymous staff id of the helpline worker' })
      .regex(STAFF_ID_PATTERN, 'expected a pseudonymous staff id (letters, digits, . _ -), not a name'),
  })
  .superRefine((intake, ctx) => {
    // An incident cannot lie after the moment it was reported.
    const received = Date.parse(intake.receivedAt);
    const t = intake.incidentTime;
    const first = t.kind === 'exact' ? t.at : t.kind === 'approximate' ? t.earliest : undefined;
    if (first !== undefined && Date.parse(first) > received) {
      ctx.addIssue({
        code: 'custom',
        path: ['incidentTime', t.kind === 'exact' ? 'at' : 'earliest'],
        message: 'expected an incident time before the intake was registered (receivedAt)',
      });
    }
  });

export interface IntakeProblem {
  /** Dotted path of the field, e.g. `incidentTime.at`; `(intake)` for the whole object. */
  field: string;
  message: string;
  /** Stable for programs: the zod issue code (`invalid_type`, `invalid_value`, `too_big`, `custom`). */
  code?: string;
}

export type IntakeParseResult<Region> =
  { ok: true; intake: MeldingIntake; region: Region } | { ok: false; problems: IntakeProblem[] };

const UNSERVED: IntakeProblem = {
  field: 'municipality',
  message: 'expected a municipality served by a configured CSG region',
  code: 'custom',
};

/**
 * Validates a raw intake; on success also returns the region its municipality belongs to. Which
 * municipalities are served is region data, not domain: the caller hands in the lookup.
 */
export function parseIntake<Region>(
  raw: unknown,
  regionOf: (municipality: string) => Region | undefined,
): IntakeParseResult<Region> {
  const parsed = meldingIntakeSchema.safeParse(raw);
  const municipality = (raw as { municipality?: unknown } | null)?.municipality;
  const region = typeof municipality === 'string' ? regionOf(municipality.trim()) : undefined;
  const unserved = typeof municipality === 'string' && municipality.trim() !== '' && region === undefined;
  if (!parsed.success) {
    const problems: IntakeProblem[] = parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || '(intake)',
      message: issue.message,
      code: issue.code,
    }));
    return { ok: false, problems: unserved ? [...problems, UNSERVED] : problems };
  }
  if (region === undefined) return { ok: false, problems: [UNSERVED] };
  return { ok: true, intake: parsed.data as MeldingIntake, region };
}
