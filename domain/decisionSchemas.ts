/**
 * The body of each decision of the table in `domain/decisions.ts`, as the JSON API (and its
 * OpenAPI document) accepts it. `by` is never in a body: it is the authenticated staff id. Each
 * schema is typed against the decision's input, so a body that no longer fits its input fails to
 * compile, and a decision without a schema too.
 *
 * These check what can be checked without the case: types, closed lists, the incident time's
 * form and range. What depends on the case (is the request open, is the time before this case's
 * intake, is it already in that region) is the workflow validator's.
 *
 * Not for workflow code: zod is heavy and the workflow sandbox loads every module it imports.
 */
import { z } from 'zod';
import type { DecisionInputs, DecisionName } from './decisions';
import {
  CORRECTION_MESSAGES,
  DATE_OF_BIRTH_PATTERN,
  dateOfBirthProblem,
  LANGUAGE_PATTERN,
  MUNICIPALITY_MAX,
  NAME_MAX,
  PHONE_PATTERN,
} from './corrections';
import { LINKED_REFERENCE_PATTERN } from './koppeling';
import { casusoverlegProblem } from './casusoverleg';
import { CHECK_IN_ID_PATTERN, contactProblem, ISO_TIME_MESSAGE, isoTime } from './checkIns';
import { incidentTimeSchema, victimAgeSchema } from './intakeSchema';
import { STAFF_ID_PATTERN } from './staffId';
import {
  APPOINTMENT_PLACE_MAX,
  CHECK_IN_OUTCOMES,
  CONTACT_NOTE_MAX,
  CONTACT_OUTCOMES,
  CORRECTION_REASONS,
  DECLINE_REASONS,
  FAILED_CONTACT_DECISIONS,
  GGZ_REFERRAL_REASONS,
  NOT_DONE_REASONS,
  OWNER_CHANGE_REASONS,
  PARTNER_ROLES,
  REGION_ID_PATTERN,
  SCREENING_RESULTS,
  SECOND_RING_ROLES,
  TASK_OUTCOMES,
  WISHES,
} from './vocabulary';

const requestId = z
  .string({ error: 'expected the request id, e.g. casemanager_overdracht or checkin-dag-7' })
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected the request id, e.g. casemanager_overdracht or checkin-dag-7');

const oneOf = (what: string, list: readonly string[]) => `expected ${what}: ${list.join(', ')}`;

const reason = z.enum(CORRECTION_REASONS, {
  error: oneOf('the reason for the correction', CORRECTION_REASONS),
});
const flag = (what: string) => z.boolean({ error: `expected ${what} as true or false` });

/** A correction that changes only the fields given: at least one of them. */
const atLeastOne =
  (fields: readonly string[], message: string) => (body: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (fields.every((f) => body[f] === undefined))
      ctx.addIssue({ code: 'custom', path: [fields[0]!], message });
  };

/** A problem "field: message" of a shared check, as a zod issue on that field. */
const asIssue = (problem: string | undefined, ctx: z.RefinementCtx) => {
  if (!problem) return;
  const [field, ...message] = problem.split(': ');
  ctx.addIssue({ code: 'custom', path: [field!], message: message.join(': ') });
};

/** An ISO date-time with offset; whether it lies in the future is the case's clock to say. */
const isoDateTime = z
  .string({ error: ISO_TIME_MESSAGE })
  .refine((value) => isoTime(value) !== undefined, ISO_TIME_MESSAGE);
const checkInId = z
  .string({ error: 'expected the id of a planned check-in, e.g. checkin-dag-14' })
  .regex(CHECK_IN_ID_PATTERN, 'expected the id of a planned check-in, e.g. checkin-dag-14');

/** Where an appointment takes place: a location, never the victim's address (the workflow checks it too). */
export { APPOINTMENT_PLACE_MAX };

/** One step of a partner's task, by its action. */
const taskStep = z.discriminatedUnion(
  'action',
  [
    z.strictObject({
      action: z.literal('afwijzen'),
      reason: z.enum(DECLINE_REASONS, { error: oneOf('the reason for declining', DECLINE_REASONS) }),
    }),
    z.strictObject({
      action: z.literal('plannen'),
      appointment: z.strictObject({
        at: isoDateTime,
        place: z
          .string({ error: 'expected the place of the appointment' })
          .trim()
          .min(1, 'expected the place of the appointment')
          .max(APPOINTMENT_PLACE_MAX, `expected at most ${APPOINTMENT_PLACE_MAX} characters`),
      }),
    }),
    z.strictObject({
      action: z.literal('uitgevoerd'),
      outcome: z.enum(TASK_OUTCOMES, { error: oneOf('the outcome', TASK_OUTCOMES) }),
    }),
    z.strictObject({
      action: z.literal('niet_uitgevoerd'),
      reason: z.enum(NOT_DONE_REASONS, { error: oneOf('the reason', NOT_DONE_REASONS) }),
    }),
  ],
  { error: 'expected action: afwijzen, plannen, uitgevoerd or niet_uitgevoerd' },
);

/** A decision's body: its input without `by`. */
export type DecisionBody<K extends DecisionName> = Omit<DecisionInputs[K], 'by'>;

export const decisionSchemas = {
  ontvangstbevestiging: z.strictObject({ requestId }),
  taak: z.strictObject({ requestId, step: taskStep }),
  checkin: z.strictObject({
    requestId,
    outcome: z.enum(CHECK_IN_OUTCOMES, { error: oneOf('the outcome', CHECK_IN_OUTCOMES) }),
    ptss: z.boolean({ error: 'expected ptss as true or false (screening only)' }).optional(),
  }),
  politiewens: z.strictObject({
    wish: z.enum(WISHES, { error: oneOf('the police wish', WISHES) }),
  }),
  toestemming: z.strictObject({
    role: z.enum(PARTNER_ROLES, { error: oneOf('the partner role', PARTNER_ROLES) }),
    given: z.boolean({ error: 'expected given as true or false' }),
  }),
  incidenttijd: z.strictObject({ incidentTime: incidentTimeSchema, reason: reason.optional() }),
  intrekking: z.strictObject({}),
  overdracht: z.strictObject({
    toRegionId: z
      .string({ error: 'expected a region id' })
      .regex(REGION_ID_PATTERN, 'expected a region id like "limburg"'),
  }),
  aangifte: z.strictObject({
    made: z.boolean({ error: 'expected made as true or false (the victim says an aangifte was made)' }),
  }),
  // Whether the date of birth lies before the intake is the workflow's to say: only it knows the intake.
  leeftijd: z
    .strictObject({
      victimAge: victimAgeSchema.optional(),
      dateOfBirth: z
        .string({ error: CORRECTION_MESSAGES.dateOfBirth })
        .regex(DATE_OF_BIRTH_PATTERN, CORRECTION_MESSAGES.dateOfBirth)
        .refine((d) => !dateOfBirthProblem(d, Date.now()), CORRECTION_MESSAGES.dateOfBirth)
        .optional(),
      reason,
    })
    .superRefine((body, ctx) => {
      if ((body.victimAge === undefined) === (body.dateOfBirth === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['victimAge'], message: CORRECTION_MESSAGES.ageOrDate });
      }
    }),
  gemeente: z.strictObject({
    municipality: z
      .string({ error: CORRECTION_MESSAGES.municipality })
      .trim()
      .min(1, CORRECTION_MESSAGES.municipality)
      .max(MUNICIPALITY_MAX, CORRECTION_MESSAGES.municipality),
    reason,
  }),
  contactgegevens: z
    .strictObject({
      name: z
        .string({ error: CORRECTION_MESSAGES.name })
        .trim()
        .min(1, CORRECTION_MESSAGES.name)
        .max(NAME_MAX, CORRECTION_MESSAGES.name)
        .optional(),
      phone: z
        .string({ error: CORRECTION_MESSAGES.phone })
        .regex(PHONE_PATTERN, CORRECTION_MESSAGES.phone)
        .optional(),
      email: z.email({ error: CORRECTION_MESSAGES.email }).optional(),
      reason,
    })
    .superRefine(atLeastOne(['name', 'phone', 'email'], CORRECTION_MESSAGES.contactNothing)),
  veilige_kanalen: z
    .strictObject({
      safeToCall: flag('whether calling is safe').optional(),
      safeToText: flag('whether texting is safe').optional(),
      safeToEmail: flag('whether email is safe').optional(),
      reason,
    })
    .superRefine(
      atLeastOne(['safeToCall', 'safeToText', 'safeToEmail'], CORRECTION_MESSAGES.channelsNothing),
    ),
  medische_wens: z.strictObject({
    wish: z.enum(WISHES, { error: oneOf('the medical-care wish', WISHES) }),
    reason,
  }),
  taal: z
    .strictObject({
      language: z
        .string({ error: CORRECTION_MESSAGES.language })
        .regex(LANGUAGE_PATTERN, CORRECTION_MESSAGES.language)
        .optional(),
      interpreterNeeded: flag('whether an interpreter is needed').optional(),
      reason,
    })
    .superRefine(atLeastOne(['language', 'interpreterNeeded'], CORRECTION_MESSAGES.languageNothing)),
  koppeling: z.strictObject({
    reference: z
      .string({ error: 'expected a melding reference like CSG-LIM-2026-000123' })
      .trim()
      .toUpperCase()
      .regex(LINKED_REFERENCE_PATTERN, 'expected a melding reference like CSG-LIM-2026-000123'),
  }),
  eigenaar: z.strictObject({
    casemanager: z
      .string({ error: 'expected the staff id of a casemanager, e.g. cm-017' })
      .regex(STAFF_ID_PATTERN, 'expected the staff id of a casemanager, e.g. cm-017'),
    reason: z.enum(OWNER_CHANGE_REASONS, { error: oneOf('the reason', OWNER_CHANGE_REASONS) }),
  }),
  casusoverleg: z
    .strictObject({
      flagged: flag('flagged (flag for the case consultation)'),
      note: z.string({ error: 'note: expected a short text' }).trim().optional(),
    })
    .superRefine((body, ctx) => asIssue(casusoverlegProblem(body.flagged, body.note), ctx)),
  contactmoment: z
    .strictObject({
      reached: flag('reached (the victim was reached)'),
      outcome: z.enum(CONTACT_OUTCOMES, { error: oneOf('the outcome', CONTACT_OUTCOMES) }).optional(),
      note: z
        .string({ error: 'expected a short text' })
        .trim()
        .max(CONTACT_NOTE_MAX, `at most ${CONTACT_NOTE_MAX} characters`)
        .optional(),
      screening: z
        .enum(SCREENING_RESULTS, { error: oneOf('the screening result', SCREENING_RESULTS) })
        .optional(),
      retryAt: isoDateTime.optional(),
      nextContactAt: isoDateTime.optional(),
    })
    .superRefine((body, ctx) => asIssue(contactProblem(body), ctx)),
  planning: z.discriminatedUnion(
    'action',
    [
      z.strictObject({ action: z.literal('toevoegen'), at: isoDateTime }),
      z.strictObject({ action: z.literal('verplaatsen'), checkInId, at: isoDateTime }),
      z.strictObject({ action: z.literal('annuleren'), checkInId }),
    ],
    {
      error:
        'expected the action: toevoegen (with at), verplaatsen (with checkInId and at), annuleren (with checkInId)',
    },
  ),
  verlenging: z.strictObject({}),
  ggz_verwijzing: z.strictObject({
    reason: z.enum(GGZ_REFERRAL_REASONS, { error: oneOf('the reason', GGZ_REFERRAL_REASONS) }),
  }),
  contactpogingen: z.strictObject({
    besluit: z.enum(FAILED_CONTACT_DECISIONS, { error: oneOf('the decision', FAILED_CONTACT_DECISIONS) }),
  }),
  tweede_ring: z.strictObject({
    role: z.enum(SECOND_RING_ROLES, { error: oneOf('the second-ring partner', SECOND_RING_ROLES) }),
  }),
  ervaringsvragen: z.strictObject({
    given: flag('given (the victim wants the questions about the help received)'),
  }),
} as const satisfies { [K in DecisionName]: z.ZodType<DecisionBody<K>> };
