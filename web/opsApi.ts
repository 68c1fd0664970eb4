/**
 * The ops API: move a stuck case on and read its history, for staff whose role may use the ops
 * room (`ops_overzicht` in domain/access.ts: the ops role). Same authentication as the staff API
 * (a Bearer session token); a staff member without it gets 403 and nothing
 * happens. Each action is then checked again by the scoped case client (cases/access.ts): a case
 * outside the staff member's regions answers 404.
 *
 *   POST /api/ops/meldingen/:reference/herinnering   { requestId }   re-send a request now
 *   POST /api/ops/meldingen/:reference/toewijzing    { toTier }      re-assign the casemanager handover
 *   POST /api/ops/meldingen/:reference/sluiting      { reason }      close the case with a reason code
 *   GET  /api/ops/meldingen/:reference/geschiedenis                  who decided what, when
 *
 * Who acted is the logged-in ops id, never a value from the body.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CLOSE_REASONS, HANDOVER_TIERS } from '../workflows/opsMessages';
import { problemsOf, referenceParam } from './apiSchemas';
import { staffFromAuthorization, staffOf, type AuthConfig } from './kit/auth';
import type { OpsAction } from '../cases/opsService';
import { scopedService, type CaseServices, type ScopedCases } from '../cases/access';

export interface OpsApiDeps {
  auth: AuthConfig;
  cases: CaseServices;
}

export const OPS_ACTION_BODIES = {
  herinnering: z.strictObject({
    requestId: z
      .string({ error: 'expected the id of an open request, e.g. "casemanager_overdracht"' })
      .regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected the id of an open request, e.g. "casemanager_overdracht"'),
  }),
  toewijzing: z.strictObject({
    toTier: z.enum(HANDOVER_TIERS, { error: `expected one of ${HANDOVER_TIERS.join(', ')}` }),
  }),
  sluiting: z.strictObject({
    reason: z.enum(CLOSE_REASONS, {
      error: `a reason is required, one of ${CLOSE_REASONS.join(', ')}`,
    }),
  }),
};
export type OpsActionName = keyof typeof OPS_ACTION_BODIES;
export const OPS_ACTIONS = Object.keys(OPS_ACTION_BODIES) as OpsActionName[];

export function registerOpsApi(app: FastifyInstance, deps: OpsApiDeps): void {
  const { auth, cases } = deps;

  const refuse = (reply: FastifyReply) =>
    reply.code(403).send({ error: 'forbidden', message: 'only staff whose role may use the ops room (ops)' });

  /** The caller's scoped case client, or undefined when the reply (401/403/429) has been sent. */
  async function requireOps(request: FastifyRequest, reply: FastifyReply): Promise<ScopedCases | undefined> {
    const outcome = await staffFromAuthorization(request, auth);
    if (outcome.status === 'throttled') {
      void reply
        .code(429)
        .header('retry-after', String(outcome.retryAfterSeconds))
        .send({ error: 'too_many_attempts', retryAfterSeconds: outcome.retryAfterSeconds });
      return undefined;
    }
    if (outcome.status === 'rejected') {
      void reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="csg-meldingen"')
        .send({ error: 'unauthorized', message: 'Bearer session token required (POST /api/sessies)' });
      return undefined;
    }
    const staff = outcome.staff ?? staffOf(auth, outcome.staffId);
    const scoped = staff && scopedService(cases, staff);
    if (!scoped?.may('ops_overzicht')) {
      request.log.warn({ event: 'ops_refused', staffId: outcome.staffId }, 'ops route refused');
      void refuse(reply);
      return undefined;
    }
    return scoped;
  }

  function reference(request: FastifyRequest, reply: FastifyReply): string | undefined {
    const parsed = referenceParam.safeParse((request.params as { reference: string }).reference);
    if (parsed.success) return parsed.data;
    void reply.code(400).send({
      error: 'invalid_input',
      problems: [{ field: 'reference', message: parsed.error.issues[0]!.message }],
    });
    return undefined;
  }

  for (const name of OPS_ACTIONS) {
    app.post(`/api/ops/meldingen/:reference/${name}`, async (request, reply) => {
      const scoped = await requireOps(request, reply);
      if (!scoped) return reply;
      const by = scoped.staff.id;
      const ref = reference(request, reply);
      if (!ref) return reply;
      const parsed = OPS_ACTION_BODIES[name].safeParse(request.body ?? {});
      if (!parsed.success)
        return reply.code(400).send({ error: 'invalid_input', problems: problemsOf(parsed.error) });
      const action = { type: name, input: { ...parsed.data, by } } as OpsAction;
      const outcome = await scoped.act(ref, action);
      if (outcome.status === 'forbidden') return refuse(reply);
      if (outcome.status === 'not_found') {
        return reply.code(404).send({ error: 'not_found', message: 'no melding with this reference' });
      }
      if (outcome.status === 'rejected') {
        return reply.code(409).send({ error: 'action_rejected', problems: outcome.problems });
      }
      request.log.info(
        { event: 'ops_action', reference: ref, type: name, staffId: by },
        'ops action recorded',
      );
      return reply.send(outcome.state);
    });
  }

  app.get('/api/ops/meldingen/:reference/geschiedenis', async (request, reply) => {
    const scoped = await requireOps(request, reply);
    if (!scoped) return reply;
    const ref = reference(request, reply);
    if (!ref) return reply;
    const read = await scoped.history(ref);
    if (read.status === 'forbidden') return refuse(reply);
    if (read.status === 'not_found')
      return reply.code(404).send({ error: 'not_found', message: 'no melding with this reference' });
    return reply.send({ reference: ref, history: read.history });
  });
}

/** The ops routes for the OpenAPI document (openapi.ts hands in its helpers), from the same schemas. */
export function opsOpenApiPaths(helpers: {
  json: (schema: z.ZodType) => Record<string, unknown>;
  errorContent: (description: string) => Record<string, unknown>;
  referenceParameter: Record<string, unknown>;
}): Record<string, unknown> {
  const { json, errorContent, referenceParameter } = helpers;
  const refused = {
    '401': errorContent('Not authenticated'),
    '403': errorContent('Authenticated, but the role may not use the ops room or take this action'),
    '404': errorContent("No melding with this reference in the staff member's regions"),
  };
  const summaries: Record<OpsActionName, string> = {
    herinnering: 'Ops: notify the tier an open request awaits again, now',
    toewijzing: "Ops: give the casemanager handover to another casemanager of the region's directory",
    sluiting: 'Ops: close the case with a reason code',
  };
  return {
    ...Object.fromEntries(
      OPS_ACTIONS.map((name) => [
        `/api/ops/meldingen/{reference}/${name}`,
        {
          post: {
            summary: `${summaries[name]} (recorded as the authenticated ops id)`,
            parameters: [referenceParameter],
            requestBody: {
              required: true,
              content: { 'application/json': { schema: json(OPS_ACTION_BODIES[name]) } },
            },
            responses: {
              '200': { description: 'The case state after the action (no personal data)' },
              '400': errorContent('Invalid input, with field-level problems'),
              '409': errorContent(
                "Refused by the case's state (wrong request, closed case); nothing changed",
              ),
              ...refused,
            },
          },
        },
      ]),
    ),
    '/api/ops/meldingen/{reference}/geschiedenis': {
      get: {
        summary: 'Ops: the case history: who decided what, when (codes and ids only)',
        parameters: [referenceParameter],
        responses: { '200': { description: 'The history, oldest first' }, ...refused },
      },
    },
  };
}
