/**
 * Request and response schemas of the JSON API that are the intake service's own (the intake
 * itself is `domain/intakeSchema.ts`). One source for validation and for the published OpenAPI.
 */
import { z } from 'zod';
import { partnerRoleSchema } from '../regions/schema';
import { REFERENCE_PATTERN } from '../domain/intakeSchema';

export const referenceParam = z
  .string()
  .regex(REFERENCE_PATTERN, 'expected a melding reference like CSG-LIM-2026-000123');

const requestId = z
  .string({ error: 'expected the request id, e.g. casemanager_overdracht or checkin-dag-7' })
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected the request id, e.g. casemanager_overdracht or checkin-dag-7');

const isoTime = z.iso.datetime({ offset: true, error: 'expected an ISO date-time with offset' });

/** Each decision's body; `by` is never sent: it is the authenticated staff id. */
export const decisionSchemas = {
  ontvangstbevestiging: z.strictObject({ requestId }),
  checkin: z.strictObject({
    requestId,
    outcome: z.enum(['gaat_goed', 'stressreactie', 'geen_contact'], {
      error: 'expected the outcome: gaat_goed, stressreactie or geen_contact',
    }),
    ptss: z.boolean({ error: 'expected ptss as true or false (screening only)' }).optional(),
  }),
  politiewens: z.strictObject({
    wish: z.enum(['ja', 'nee', 'twijfel'], { error: 'expected the police wish: ja, nee or twijfel' }),
  }),
  toestemming: z.strictObject({
    role: partnerRoleSchema,
    given: z.boolean({ error: 'expected given as true or false' }),
  }),
  incidenttijd: z.strictObject({
    incidentTime: z.discriminatedUnion(
      'kind',
      [
        z.strictObject({ kind: z.literal('exact'), at: isoTime }),
        z.strictObject({ kind: z.literal('approximate'), earliest: isoTime, latest: isoTime }),
        z.strictObject({ kind: z.literal('unknown') }),
      ],
      { error: 'expected an incident time of kind exact, approximate or unknown' },
    ),
  }),
  intrekking: z.strictObject({}),
  overdracht: z.strictObject({
    toRegionId: z
      .string({ error: 'expected a region id' })
      .regex(/^[a-z0-9-]{1,60}$/, 'expected a region id like "limburg"'),
  }),
  // Issue 10: what the victim says about an aangifte, for the semester figures.
  aangifte: z.strictObject({
    made: z.boolean({ error: 'expected made as true or false (the victim says an aangifte was made)' }),
  }),
} as const;

export type DecisionType = keyof typeof decisionSchemas;
export const DECISION_TYPES = Object.keys(decisionSchemas) as DecisionType[];

export const loginSchema = z.strictObject({
  id: z.string().max(200),
  password: z.string().max(500),
});

export const problemSchema = z.object({ field: z.string(), message: z.string() });
export const errorResponseSchema = z.object({
  error: z.string(),
  message: z.string().optional(),
  problems: z.array(problemSchema).optional(),
  /** With 429 too_many_attempts: the same as the Retry-After header. */
  retryAfterSeconds: z.number().int().optional(),
});

export const startResponseSchema = z.object({
  status: z.enum(['started', 'already_exists']),
  reference: z.string(),
  regionId: z.string().optional(),
  triage: z
    .object({
      window: z.enum(['binnen_72_uur', 'binnen_7_dagen', 'na_7_dagen']),
      acute: z.boolean(),
      basis: z.enum(['exact', 'approximate', 'unknown']),
      forensicPartner: z.enum(['nfi', 'forensisch_arts']),
      medicalPartner: z.enum(['acute_medische_zorg', 'medische_zorg_na_72_uur']),
      fmoDeadline: z.string().optional(),
    })
    .optional(),
});

/** Zod issues as field-level problems, the same shape the intake schema uses. */
/** Zod issues as API problems; the zod issue code (`invalid_type`, `too_big`, ...) is the stable code. */
export function problemsOf(
  error: z.ZodError,
  field?: string,
): Array<{ field: string; code: string; message: string }> {
  return error.issues.map((issue) => ({
    field: field ?? (issue.path.map(String).join('.') || '(body)'),
    code: issue.code,
    message: issue.message,
  }));
}
