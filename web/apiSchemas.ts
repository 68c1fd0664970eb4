/**
 * Request and response schemas of the JSON API that are the intake service's own (the intake
 * itself is `domain/intakeSchema.ts`, the decision bodies `domain/decisionSchemas.ts`). One source
 * for validation and for the published OpenAPI.
 */
import { z } from 'zod';
import { REFERENCE_PATTERN } from '../domain/intakeSchema';
import { FORENSIC_PARTNERS, MEDICAL_PARTNERS, TRIAGE_BASES, TRIAGE_WINDOWS } from '../domain/vocabulary';

export const referenceParam = z
  .string()
  .regex(REFERENCE_PATTERN, 'expected a melding reference like CSG-LIM-2026-000123');

export const loginSchema = z.strictObject({
  id: z.string().max(200),
  password: z.string().max(500),
  /** The six digits of the account's authenticator app (TOTP). */
  code: z.string().max(20),
});

export const problemSchema = z.object({
  field: z.string(),
  message: z.string(),
  /** For a name that is not a municipality: the nearest official names, closest first. */
  suggestions: z.array(z.string()).optional(),
});
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
      window: z.enum(TRIAGE_WINDOWS),
      acute: z.boolean(),
      basis: z.enum(TRIAGE_BASES),
      forensicPartner: z.enum(FORENSIC_PARTNERS),
      medicalPartner: z.enum(MEDICAL_PARTNERS),
      fmoDeadline: z.string().optional(),
    })
    .optional(),
});

/** GET /api/meldingen: the cases a search found; nothing of the person. */
export const findResponseSchema = z.object({
  meldingen: z.array(
    z.object({
      reference: z.string(),
      regionId: z.string(),
      phase: z.string(),
      open: z.boolean(),
    }),
  ),
});

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
