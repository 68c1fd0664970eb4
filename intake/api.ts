/**
 * The JSON API: start a melding, read its state (no personal data), record decisions. Every route
 * needs a staff identity (Bearer session token or Basic account). Invalid input answers 400 with
 * field-level problems and starts nothing; a repeated start (same reference, or same
 * Idempotency-Key) answers with the existing case instead of a second one. Too many failed
 * logins (per id or per client address) answer 429 with Retry-After until the window ends.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { meldingIntakeSchema } from '../domain/intakeSchema';
import {
  decisionSchemas,
  DECISION_TYPES,
  loginSchema,
  problemsOf,
  referenceParam,
  type DecisionType,
} from './apiSchemas';
import {
  attemptLogin,
  createSessionToken,
  SESSION_TTL_MS,
  staffFromAuthorization,
  validSession,
  type AuthConfig,
} from './auth';
import type { Decision, MeldingService } from './meldingService';
import { fillIntakeDefaults, receivedAtProblem } from './intakeDefaults';
import { startWithFreeReference } from './uniqueStart';

export interface ApiDeps {
  auth: AuthConfig;
  meldingen: MeldingService;
  clock: () => Date;
}

const INTAKE_FIELDS = new Set(Object.keys(meldingIntakeSchema.shape));
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    staffId?: string;
  }
}

function badRequest(
  reply: FastifyReply,
  problems: Array<{ field: string; message: string }>,
  error = 'invalid_input',
) {
  return reply.code(400).send({ error, problems });
}

function tooManyAttempts(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .send({
      error: 'too_many_attempts',
      message: `too many failed logins; try again in ${retryAfterSeconds} seconds`,
      retryAfterSeconds,
    });
}

export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  const { auth, meldingen, clock } = deps;

  async function requireStaff(request: FastifyRequest, reply: FastifyReply) {
    const outcome = staffFromAuthorization(request, auth);
    if (outcome.status === 'throttled') return tooManyAttempts(reply, outcome.retryAfterSeconds);
    if (outcome.status === 'rejected') {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="csg-meldingen", Basic realm="csg-meldingen"')
        .send({ error: 'unauthorized', message: 'Bearer session token or Basic staff account required' });
    }
    request.staffId = outcome.staffId;
  }

  app.post('/api/sessies', async (request, reply) => {
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, problemsOf(parsed.error));
    const outcome = attemptLogin(request, auth, parsed.data.id, parsed.data.password);
    if (outcome.status === 'throttled') return tooManyAttempts(reply, outcome.retryAfterSeconds);
    if (outcome.status === 'rejected')
      return reply.code(401).send({ error: 'unauthorized', message: 'unknown id or wrong password' });
    const now = clock();
    return reply.code(201).send({
      token: createSessionToken(outcome.staffId, auth.sessionSecret, now),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    });
  });

  /** Logout for API clients: the Bearer token in the request is revoked at once. */
  app.delete('/api/sessies', async (request, reply) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^bearer /i.test(header) ? header.slice(7).trim() : '';
    const session = validSession(token, auth);
    if (!session)
      return reply.code(401).send({ error: 'unauthorized', message: 'Bearer session token required' });
    auth.revocations?.revokeSession(session.sessionId, session.expiresAt);
    request.log.info({ event: 'logout', staffId: session.staffId }, 'staff session revoked');
    return reply.code(204).send();
  });

  app.post('/api/meldingen', { preHandler: requireStaff }, async (request, reply) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return badRequest(
        reply,
        [{ field: '(intake)', message: 'expected a JSON object with the intake' }],
        'invalid_intake',
      );
    }
    const unknown = Object.keys(body).filter((key) => !INTAKE_FIELDS.has(key));
    if (unknown.length > 0) {
      // Refused rather than dropped: a misspelt field would otherwise vanish silently.
      return badRequest(
        reply,
        unknown.slice(0, 20).map((key) => ({ field: key.slice(0, 100), message: 'unknown field' })),
        'invalid_intake',
      );
    }
    const headerKey = request.headers['idempotency-key'];
    if (headerKey !== undefined && (typeof headerKey !== 'string' || !IDEMPOTENCY_KEY.test(headerKey))) {
      return badRequest(reply, [
        { field: 'Idempotency-Key', message: 'expected 8 to 200 printable characters' },
      ]);
    }
    const now = clock();
    const future = receivedAtProblem(body as Record<string, unknown>, now);
    if (future) return badRequest(reply, [future], 'invalid_intake');
    const { rawFor, referenceDerived: derived } = fillIntakeDefaults(body as Record<string, unknown>, {
      now,
      staffId: request.staffId!,
      secret: auth.sessionSecret,
      ...(headerKey ? { idempotencyKey: headerKey } : {}),
    });
    const outcome = await startWithFreeReference(meldingen, rawFor, { referenceDerived: derived });
    if (outcome.status === 'invalid') {
      // A reference the service was to make up is not the caller's problem: the municipality's is.
      const problems = derived ? outcome.problems.filter((p) => p.field !== 'reference') : outcome.problems;
      return badRequest(reply, problems.length ? problems : outcome.problems, 'invalid_intake');
    }
    request.log.info(
      { event: 'intake', reference: outcome.reference, status: outcome.status },
      'intake via API',
    );
    return reply
      .code(outcome.status === 'started' ? 201 : 200)
      .header('location', `/api/meldingen/${outcome.reference}`)
      .send({
        status: outcome.status,
        reference: outcome.reference,
        ...(outcome.regionId ? { regionId: outcome.regionId } : {}),
        ...(outcome.triage ? { triage: outcome.triage } : {}),
      });
  });

  app.get('/api/meldingen/:reference', { preHandler: requireStaff }, async (request, reply) => {
    const reference = referenceParam.safeParse((request.params as { reference: string }).reference);
    if (!reference.success)
      return badRequest(reply, [{ field: 'reference', message: reference.error.issues[0]!.message }]);
    const state = await meldingen.state(reference.data);
    if (!state)
      return reply.code(404).send({ error: 'not_found', message: 'no melding with this reference' });
    return reply.send(state);
  });

  app.post(
    '/api/meldingen/:reference/decisions/:type',
    { preHandler: requireStaff },
    async (request, reply) => {
      const params = request.params as { reference: string; type: string };
      if (!(DECISION_TYPES as string[]).includes(params.type)) {
        return reply
          .code(404)
          .send({ error: 'not_found', message: `unknown decision; one of ${DECISION_TYPES.join(', ')}` });
      }
      const type = params.type as DecisionType;
      const reference = referenceParam.safeParse(params.reference);
      if (!reference.success)
        return badRequest(reply, [{ field: 'reference', message: reference.error.issues[0]!.message }]);
      const parsed = decisionSchemas[type].safeParse(request.body ?? {});
      if (!parsed.success) return badRequest(reply, problemsOf(parsed.error));
      const decision = { type, input: { ...parsed.data, by: request.staffId! } } as Decision;
      const outcome = await meldingen.decide(reference.data, decision);
      if (outcome.status === 'not_found') {
        return reply.code(404).send({ error: 'not_found', message: 'no open melding with this reference' });
      }
      if (outcome.status === 'rejected') {
        return reply.code(409).send({ error: 'decision_rejected', problems: outcome.problems });
      }
      request.log.info({ event: 'decision', reference: reference.data, type }, 'decision recorded');
      return reply.send(outcome.state);
    },
  );
}
