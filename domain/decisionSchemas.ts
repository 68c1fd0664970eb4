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
import { incidentTimeSchema } from './intakeSchema';
import { CHECK_IN_OUTCOMES, PARTNER_ROLES, REGION_ID_PATTERN, WISHES } from './vocabulary';

const requestId = z
  .string({ error: 'expected the request id, e.g. casemanager_overdracht or checkin-dag-7' })
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected the request id, e.g. casemanager_overdracht or checkin-dag-7');

const oneOf = (what: string, list: readonly string[]) => `expected ${what}: ${list.join(', ')}`;

/** A decision's body: its input without `by`. */
export type DecisionBody<K extends DecisionName> = Omit<DecisionInputs[K], 'by'>;

export const decisionSchemas = {
  ontvangstbevestiging: z.strictObject({ requestId }),
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
  incidenttijd: z.strictObject({ incidentTime: incidentTimeSchema }),
  intrekking: z.strictObject({}),
  overdracht: z.strictObject({
    toRegionId: z
      .string({ error: 'expected a region id' })
      .regex(REGION_ID_PATTERN, 'expected a region id like "limburg"'),
  }),
  aangifte: z.strictObject({
    made: z.boolean({ error: 'expected made as true or false (the victim says an aangifte was made)' }),
  }),
} as const satisfies { [K in DecisionName]: z.ZodType<DecisionBody<K>> };
