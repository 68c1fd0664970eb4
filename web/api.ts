/**
 * The JSON API: start a melding, read its state (no personal data), record decisions. Every route
 * needs a staff identity (a Bearer session token from POST /api/sessies). Invalid input answers 400 with
 * field-level problems and starts nothing; a repeated start (same reference, or same
 * Idempotency-Key) answers with the existing case instead of a second one. Too many failed
 * logins (per id from one client, or per client) answer 429 with Retry-After until the lock ends.
 *
 * Every case route goes through the signed-in staff member's scoped case client
 * (cases/access.ts): a case outside their regions answers 404 like a case that does not exist, an
 * action their role may not take (or a start in a municipality outside their regions) answers 403,
 * and neither changes anything.
 */
import type { AccessLog } from '../accessLog';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { meldingIntakeSchema } from '../domain/intakeSchema';
import { preferredLanguage, translator, type Lang } from '../i18n';
import { correctionProblemKey } from './decisionProblems';
import { schemaProblemKey } from './intakeForm';
import { DECISION_NAMES, isDecisionName, type Decision } from '../domain/decisions';
import { decisionSchemas } from '../domain/decisionSchemas';
import { loginSchema, problemsOf, referenceParam } from './apiSchemas';
import {
  attemptLogin,
  staffFromAuthorization,
  staffOfBearer,
  staffOf,
  startApiSession,
  type AuthConfig,
} from './kit/auth';
import { scopedService, type CaseServices, type Forbidden, type ScopedCases } from '../cases/access';
import { fillIntakeDefaults, receivedAtProblem } from '../cases/intakeDefaults';
import { startWithFreeReference } from '../cases/uniqueStart';
import { parseFindQuery } from './findQuery';

export interface ApiDeps {
  auth: AuthConfig;
  cases: CaseServices;
  clock: () => Date;
  /** Every read of a case is written there before it is answered (accessLog/). */
  accessLog?: AccessLog;
  /** Finds cases by phone, or name with date of birth (cases/find.ts), with the key bound in. */
}

// Besides the intake's own fields: `linkedTo`, earlier meldingen of the same person (cases/meldingClient.ts).
const INTAKE_FIELDS = new Set([...Object.keys(meldingIntakeSchema.shape), 'linkedTo']);
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    staffId?: string;
    /** The signed-in staff member's case client, scoped to their role and regions. */
    scoped?: ScopedCases;
  }
}

/**
 * The API answers in the language the client asks for (Accept-Language), English when it asks for
 * none: API clients are programs first, and they should read the stable `error` and `code` fields,
 * not the text. Staff tools that show the text to a person send Accept-Language: nl.
 */
export function apiLanguage(request: FastifyRequest): Lang {
  return preferredLanguage(request.headers['accept-language'], 'en');
}

/** One problem with one field: a stable code for programs, a message for people. */
export interface ApiProblem {
  field: string;
  code: string;
  message: string;
  suggestions?: string[];
}

/**
 * Gives each problem its code and, in Dutch, the Dutch message for its field where the catalogue
 * has one (the intake form's messages); otherwise the schema's own (English) message stays.
 */
/** The intake's field texts; a correction's fields (`phone`, `reason`, ...) have the case page's. */
function problemKey(field: string, message: string): string | undefined {
  const correction = correctionProblemKey(field, message);
  return correction === 'casePage.problems.nothingGiven'
    ? correction
    : (schemaProblemKey(field) ?? correction);
}

function localizeProblems(
  request: FastifyRequest,
  problems: Array<{ field: string; message: string; code?: string; suggestions?: string[] }>,
): ApiProblem[] {
  const lang = apiLanguage(request);
  const t = translator(lang);
  return problems.map((p) => {
    const key = lang === 'nl' ? problemKey(p.field, p.message) : undefined;
    // A name that is not a municipality: the nearest names, for the client to offer.
    const nearest = p.suggestions?.length ? { suggestions: p.suggestions } : {};
    const message =
      lang === 'nl' && p.suggestions?.length
        ? t('problem.municipalityNearest', { names: p.suggestions.join(', ') })
        : key
          ? t(key)
          : p.message;
    return { field: p.field, code: p.code ?? 'invalid_value', message, ...nearest };
  });
}

function badRequest(
  request: FastifyRequest,
  reply: FastifyReply,
  problems: Array<{ field: string; message: string; code?: string; suggestions?: string[] }>,
  error = 'invalid_input',
) {
  return reply.code(400).send({ error, problems: localizeProblems(request, problems) });
}

/** An error without field problems: its code, and the catalogue's message in the client's language. */
function fail(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  error: string,
  messageKey: string,
  values?: Record<string, unknown>,
) {
  const message = translator(apiLanguage(request))(`api.${messageKey}`, values);
  const extra =
    values?.retryAfterSeconds !== undefined ? { retryAfterSeconds: values.retryAfterSeconds } : {};
  return reply.code(status).send({ error, message, ...extra });
}

function tooManyAttempts(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number) {
  reply.header('retry-after', String(retryAfterSeconds));
  return fail(request, reply, 429, 'too_many_attempts', 'too_many_attempts', {
    seconds: retryAfterSeconds,
    retryAfterSeconds,
  });
}

/** A problem the API itself finds (not the schema): message from the catalogue. */
function ownProblem(request: FastifyRequest, field: string, code: string, messageKey: string) {
  return { field, code, message: translator(apiLanguage(request))(`api.${messageKey}`) };
}

/** 403: the role may not take the action, or (a start) the municipality is outside the regions. */
function forbidden(request: FastifyRequest, reply: FastifyReply, refusal: Forbidden) {
  request.log.info(
    { event: 'access_refused', staffId: request.staffId, action: refusal.action, reason: refusal.reason },
    'staff action refused by role or region',
  );
  return refusal.reason === 'region'
    ? fail(request, reply, 403, 'forbidden', 'outside_regions')
    : fail(request, reply, 403, 'forbidden', 'forbidden', {
        role: translator(apiLanguage(request))(`staffRoles.${request.scoped?.staff.role ?? 'ops'}`),
      });
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The API takes JSON bodies only: 415 for anything else, before the body is read. A form on
 * another site can post url-encoded, multipart or text/plain bodies without asking (no CORS
 * preflight), and the browser would add any credentials it holds; JSON it cannot send without
 * this service's consent. The staff pages keep their form posts: they carry their own checks.
 */
function acceptJsonBodiesOnly(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const hasBody =
      request.headers['transfer-encoding'] !== undefined ||
      Number(request.headers['content-length'] ?? 0) > 0 ||
      request.headers['content-type'] !== undefined;
    if (hasBody && !JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) {
      throw Object.assign(new Error('expected application/json'), { statusCode: 415 });
    }
  });
}

export function registerApi(app: FastifyInstance, deps: ApiDeps): void {
  const { auth, cases, clock } = deps;
  acceptJsonBodiesOnly(app);

  async function requireStaff(request: FastifyRequest, reply: FastifyReply) {
    const outcome = await staffFromAuthorization(request, auth);
    if (outcome.status === 'throttled') return tooManyAttempts(request, reply, outcome.retryAfterSeconds);
    if (outcome.status === 'rejected') {
      reply.header('www-authenticate', 'Bearer realm="csg-meldingen"');
      return fail(request, reply, 401, 'unauthorized', 'unauthorized');
    }
    const staff = outcome.staff ?? staffOf(auth, outcome.staffId);
    // Every account has a role (config/staffRoles.ts); one without is refused everything.
    if (!staff) return fail(request, reply, 403, 'forbidden', 'forbidden', { role: '-' });
    request.staffId = outcome.staffId;
    request.scoped = scopedService(cases, staff);
  }

  app.post('/api/sessies', async (request, reply) => {
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(request, reply, problemsOf(parsed.error));
    const outcome = await attemptLogin(request, auth, parsed.data.id, parsed.data.password, parsed.data.code);
    if (outcome.status === 'throttled') return tooManyAttempts(request, reply, outcome.retryAfterSeconds);
    if (outcome.status === 'rejected') return fail(request, reply, 401, 'unauthorized', 'wrong_login');
    const staff = staffOf(auth, outcome.staffId);
    if (!staff) return fail(request, reply, 403, 'forbidden', 'forbidden', { role: '-' });
    // A session in the same store as the pages' (the token is its id): ended alike.
    const session = await startApiSession(auth, staff, 'lokaal');
    return reply.code(201).send({ token: session.token, expiresAt: session.expiresAt.toISOString() });
  });

  /**
   * Logout for API clients: the Bearer token's session ends at once. Only that one: a script
   * ending its token does not log its owner out of the pages.
   */
  app.delete('/api/sessies', async (request, reply) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^bearer /i.test(header) ? header.slice(7).trim() : '';
    const staff = token ? await staffOfBearer(auth, token) : undefined;
    if (!staff) return fail(request, reply, 401, 'unauthorized', 'bearer_required');
    await auth.sessions.destroy(token);
    request.log.info({ event: 'logout', staffId: staff.id }, 'staff session ended');
    return reply.code(204).send();
  });

  app.post('/api/meldingen', { preHandler: requireStaff }, async (request, reply) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return badRequest(
        request,
        reply,
        [ownProblem(request, '(intake)', 'not_json_object', 'not_json_object')],
        'invalid_intake',
      );
    }
    const unknown = Object.keys(body).filter((key) => !INTAKE_FIELDS.has(key));
    if (unknown.length > 0) {
      // Refused rather than dropped: a misspelt field would otherwise vanish silently.
      return badRequest(
        request,
        reply,
        unknown
          .slice(0, 20)
          .map((key) => ownProblem(request, key.slice(0, 100), 'unknown_field', 'unknown_field')),
        'invalid_intake',
      );
    }
    const headerKey = request.headers['idempotency-key'];
    if (headerKey !== undefined && (typeof headerKey !== 'string' || !IDEMPOTENCY_KEY.test(headerKey))) {
      return badRequest(request, reply, [
        ownProblem(request, 'Idempotency-Key', 'invalid_header', 'idempotency_key'),
      ]);
    }
    const now = clock();
    const future = receivedAtProblem(body as Record<string, unknown>, now);
    if (future) return badRequest(request, reply, [{ ...future, code: 'in_future' }], 'invalid_intake');
    // Recorded by whoever is signed in, whatever the body says: the history names who acted.
    const asSignedIn = { ...(body as Record<string, unknown>), recordedBy: request.staffId! };
    const { rawFor, referenceDerived: derived } = fillIntakeDefaults(asSignedIn, {
      now,
      staffId: request.staffId!,
      secret: auth.sessionSecret,
      ...(headerKey ? { idempotencyKey: headerKey } : {}),
    });
    const outcome = await startWithFreeReference(request.scoped!, rawFor, { referenceDerived: derived });
    if (outcome.status === 'forbidden') return forbidden(request, reply, outcome);
    if (outcome.status === 'invalid') {
      // A reference the service was to make up is not the caller's problem: the municipality's is.
      const problems = derived ? outcome.problems.filter((p) => p.field !== 'reference') : outcome.problems;
      return badRequest(request, reply, problems.length ? problems : outcome.problems, 'invalid_intake');
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

  /**
   * Find a case again: `?telefoon=...`, or `?naam=...&geboortedatum=YYYY-MM-DD`. Answers the
   * references with region and phase only; the values searched for are never logged.
   */
  app.get('/api/meldingen', { preHandler: requireStaff }, async (request, reply) => {
    const parsed = parseFindQuery((request.query ?? {}) as Record<string, unknown>, {
      unknownFieldsRefused: true,
    });
    if (!parsed.ok) {
      const t = translator(apiLanguage(request));
      const problems = parsed.problems.map((p) => ({
        field: p.field,
        code: p.code,
        message: t(`find.${p.messageKey}`),
      }));
      return reply.code(400).send({ error: 'invalid_query', problems });
    }
    const outcome = await request.scoped!.find(parsed.query);
    if (outcome.status === 'forbidden') return forbidden(request, reply, outcome);
    request.log.info(
      { event: 'find', staffId: request.staffId, found: outcome.found.length },
      'cases searched',
    );
    return reply.send({ meldingen: outcome.found });
  });

  /**
   * The casemanager's worklist ("mijn casussen"): their own running cases, by the next due contact;
   * `?casemanager=<staff id>`: that casemanager's, for their coordinator (the coordinator's regions).
   */
  app.get('/api/mijn-casussen', { preHandler: requireStaff }, async (request, reply) => {
    const { casemanager } = (request.query ?? {}) as Record<string, unknown>;
    const outcome =
      casemanager === undefined
        ? await request.scoped!.worklist(clock())
        : await request.scoped!.worklistOf(typeof casemanager === 'string' ? casemanager : '', clock());
    if (outcome.status === 'forbidden') return forbidden(request, reply, outcome);
    if (outcome.status === 'invalid') {
      const t = translator(apiLanguage(request));
      return reply.code(400).send({
        error: 'invalid_query',
        problems: [{ field: 'casemanager', code: 'invalid_value', message: t('worklist.badCasemanager') }],
      });
    }
    return reply.send(outcome.worklist);
  });

  app.get('/api/meldingen/:reference', { preHandler: requireStaff }, async (request, reply) => {
    const reference = referenceParam.safeParse((request.params as { reference: string }).reference);
    if (!reference.success) return badRequest(request, reply, problemsOf(reference.error, 'reference'));
    const read = await request.scoped!.state(reference.data);
    if (read.status === 'forbidden') return forbidden(request, reply, read);
    if (read.status === 'not_found') return fail(request, reply, 404, 'not_found', 'not_found');
    await deps.accessLog?.record({
      at: clock().toISOString(),
      by: request.staffId!,
      reference: reference.data,
      reason: 'api',
    });
    return reply.send(read.state);
  });

  app.post(
    '/api/meldingen/:reference/decisions/:type',
    { preHandler: requireStaff },
    async (request, reply) => {
      const params = request.params as { reference: string; type: string };
      const type = params.type;
      if (!isDecisionName(type)) {
        return fail(request, reply, 404, 'not_found', 'unknown_decision', {
          types: DECISION_NAMES.join(', '),
        });
      }
      const reference = referenceParam.safeParse(params.reference);
      if (!reference.success) return badRequest(request, reply, problemsOf(reference.error, 'reference'));
      const parsed = decisionSchemas[type].safeParse(request.body ?? {});
      if (!parsed.success) return badRequest(request, reply, problemsOf(parsed.error));
      // The body schema is the table's for this type, so body and type belong together.
      const decision = { type, input: { ...parsed.data, by: request.staffId! } } as Decision;
      const outcome = await request.scoped!.decide(reference.data, decision);
      if (outcome.status === 'forbidden') return forbidden(request, reply, outcome);
      if (outcome.status === 'not_found') {
        return fail(request, reply, 404, 'not_found', 'not_open');
      }
      if (outcome.status === 'rejected') {
        return reply.code(409).send({
          error: 'decision_rejected',
          problems: localizeProblems(
            request,
            outcome.problems.map((p) => ({ ...p, code: 'rejected' })),
          ),
        });
      }
      request.log.info({ event: 'decision', reference: reference.data, type }, 'decision recorded');
      return reply.send(outcome.state);
    },
  );
}
