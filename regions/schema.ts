/**
 * Region configuration: which municipalities a CSG serves, its pathway settings (timers,
 * escalation ladders, watchful-waiting schedule) and its partner directory. Validated with zod
 * when loaded, so a mistake in a region file stops start-up with the field named.
 */
import { z } from 'zod';
import { STAFF_ID_PATTERN } from '../domain/staffId';
import {
  openingSpanText,
  parseOpeningSpan,
  WEEKDAYS,
  type OpeningSpan,
  type WeekHours,
} from '../domain/officeHours';
import { DEFAULT_MAX_FAILED_CONTACTS, PARTNER_ROLES, REGION_ID_PATTERN } from '../domain/vocabulary';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../i18n';
import { DEFAULT_REOPEN_WITHIN_DAYS } from './defaults';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number like +31612345678');

export const partnerRoleSchema = z.enum(PARTNER_ROLES);

export const contactSchema = z
  .object({
    /** A function or desk name ("Piket casemanager"), not a private person's name where avoidable. */
    name: z.string().min(1),
    email: z.string().email('expected an email address').optional(),
    sms: e164.optional(),
  })
  .refine((c) => c.email !== undefined || c.sms !== undefined, {
    message: 'a contact needs an email address or an SMS number',
  });

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-07-01')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'expected a date that exists');

/** A period a casemanager is away (leave, illness, training): both days included, Dutch calendar days. */
export const absenceSchema = z
  .object({ from: calendarDate, to: calendarDate })
  .refine((a) => a.from <= a.to, { message: 'the absence ends before it starts', path: ['to'] });

/**
 * A named casemanager of the region's staff directory: their own address, for the cases they own.
 * Not a partner desk: the name is the person's, their cases' check-ins go to them first.
 */
export const namedCasemanagerSchema = z
  .object({
    name: z.string().min(1),
    email: z.string().email('expected an email address').optional(),
    sms: e164.optional(),
    absences: z.array(absenceSchema).default([]),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.sms !== undefined, {
    message: 'a casemanager needs an email address or an SMS number',
  });

const openingSpanSchema = z.preprocess(
  // A region already loaded (a test that changes one setting of it) carries the parsed span.
  (value) => (typeof value === 'object' && value !== null ? openingSpanText(value as OpeningSpan) : value),
  z.string().transform((text, ctx): OpeningSpan => {
    const span = parseOpeningSpan(text);
    if (!span) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected opening hours like "08:30-17:00" (closing after opening)',
      });
      return z.NEVER;
    }
    return span;
  }),
);

/**
 * When the desk is staffed, per weekday (ma..zo), e.g. `{ ma: '08:30-17:00', ..., vr: '08:30-17:00' }`;
 * a day left out is closed, and so is every Dutch public holiday. Without it: around the clock.
 * A non-acute request's clock runs only in these hours (domain/officeHours.ts).
 */
export const officeHoursSchema = z
  .object(Object.fromEntries(WEEKDAYS.map((day) => [day, openingSpanSchema.optional()])))
  .strict()
  .refine((week) => Object.values(week).some((span) => span !== undefined), 'give at least one open day')
  .transform((week) => week as WeekHours);

export const partnerSchema = z.object({
  organisation: z.string().min(1),
  /** The one on duty (for the casemanager: the piket of the on-call rota). */
  primary: contactSchema,
  backup: contactSchema.optional(),
  /** Free text for people ("24/7", "ma-vr 8-17"); the ladder follows `officeHours`. */
  workingHours: z.string().default('24/7'),
  officeHours: officeHoursSchema.optional(),
  /** The language of the messages this partner receives; Dutch unless the partner reads English. */
  language: z.enum(LANGUAGES, { error: 'language: expected "nl" or "en"' }).default(DEFAULT_LANGUAGE),
});

const escalationStepSchema = z.object({
  tier: z.enum(['primary', 'backup', 'coordinator']),
  waitMinutes: z.number().int().positive(),
});

export const pathwaySchema = z
  .object({
    casemanagerLadder: z.object({
      acute: z.array(escalationStepSchema).min(1),
      nonAcute: z.array(escalationStepSchema).min(1),
    }),
    partnerLadder: z.array(escalationStepSchema).min(1),
    checkInLadder: z.array(escalationStepSchema).min(1),
    checkIns: z
      .array(z.object({ day: z.number().int().min(0).max(186), screening: z.boolean() }))
      .min(1)
      .refine(
        (list) => list.every((c, i) => i === 0 || c.day > list[i - 1]!.day),
        'check-in days must be increasing',
      )
      .refine(
        (list) => list[list.length - 1]!.day >= 28,
        'watchful waiting lasts at least 4 weeks (last check-in on day 28 or later)',
      )
      .refine((list) => list.some((c) => c.screening), 'at least one check-in must be the screening'),
    fmoWhenUndecided: z.boolean(),
    /** Consecutive failed contact attempts after which the coordinator decides. */
    maxFailedContacts: z
      .number({ error: 'expected the number of failed contact attempts before the coordinator decides' })
      .int()
      .min(1)
      .max(20)
      .default(DEFAULT_MAX_FAILED_CONTACTS),
  })
  .strict();

export const regionSchema = z.object({
  id: z.string().regex(REGION_ID_PATTERN, 'expected a lower-case id like "limburg"'),
  name: z.string().min(1),
  // Empty only for the national coordinator once every municipality has its CSG.
  municipalities: z.array(z.string().min(1)),
  pathway: pathwaySchema,
  coordinator: contactSchema,
  partners: z.partialRecord(partnerRoleSchema, partnerSchema),
  /** The named casemanagers, by the staff id they log in with (the on-call desk is partners.casemanager). */
  casemanagers: z
    .record(z.string(), namedCasemanagerSchema)
    .superRefine((entries, ctx) => {
      // Checked here rather than as the record's key schema, which would only say "Invalid key".
      for (const staffId of Object.keys(entries)) {
        if (!STAFF_ID_PATTERN.test(staffId)) {
          ctx.addIssue({
            code: 'custom',
            path: [staffId],
            message: 'expected a staff id like "cm-017" (letters, digits, . _ -)',
          });
        }
      }
    })
    .default({}),
  /**
   * Days the region's partners are closed beyond the public holidays (e.g. Goede Vrijdag,
   * Bevrijdingsdag where the agreements give them off), as YYYY-MM-DD.
   */
  extraClosedDays: z.array(calendarDate).default([]),
  /** Days after closing within which a case may be reopened (regions/defaults.ts). */
  reopenWithinDays: z
    .number({ error: 'expected the number of days a closed case may be reopened' })
    .int()
    .min(0)
    .max(3650)
    .default(DEFAULT_REOPEN_WITHIN_DAYS),
});

export type RegionConfig = z.infer<typeof regionSchema>;
export type PartnerEntry = z.infer<typeof partnerSchema>;
export type ContactEntry = z.infer<typeof contactSchema>;
export type NamedCasemanager = z.infer<typeof namedCasemanagerSchema>;
export type Absence = z.infer<typeof absenceSchema>;
