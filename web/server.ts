/**
 * The intake service as a Fastify app, built from handed-in dependencies (Temporal client, task
 * queue, configuration, logger, clock) so tests build the very same app and drive it with
 * `inject` or a real browser.
 */
import { REGIONS } from '../regions';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { Client } from '@temporalio/client';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Env } from '../config/env';
import type { Logger } from '../config/logger';
import { translator } from '../i18n';
import { apiLanguage, registerApi } from './api';
import { countingMeldingService, registerMetricsRoute, type IntakeMetricsDeps } from './metricsRoute';
import type { AuthConfig } from './kit/auth';
import { createTotpReplayGuard, type TotpReplayGuard } from './kit/localLogin';
import { staffOfAccounts, type LocalAccount } from '../config/accountFile';
import { createLoginThrottle, type LoginThrottle } from './kit/loginThrottle';
import { createMeldingService, type MeldingService } from '../cases/meldingService';
import { createKoppelingService } from '../cases/koppeling';
import { findMeldingen as findCases } from '../cases/find';
import { openStaffSessionStore, type StaffSessionStore } from './kit/sessionStore';
import { registerStaffSessions } from './kit/staffSessions';
import { buildOpenApiDocument } from './openapi';
import { registerOpsApi } from './opsApi';
import { registerOpsPages } from './opsPages';
import { createOpsService } from '../cases/opsService';
import type { CaseServices } from '../cases/access';
import { listStuck } from '../cases/stuck';
import { listOwned } from '../cases/worklist';
import { registerWorklistPages } from './worklistPages';
import { registerPartnerPages } from './partnerPages';
import { registerExperiencePages } from './experiencePages';
import type { ExperienceStore } from '../reporting/experienceStore';
import { registerStaffPages } from './staffPages';
import { registerCasePages } from './casePages';
import { registerPrivacyPages } from './privacyPages';
import type { PrivacyService } from '../cases/privacy';
import type { CaseFile } from '../caseFile';
import { caseFromFile } from '../cases/caseFromFile';
import type { AccessLog } from '../accessLog';
import { registerAccessLogPage } from './accessLogPage';
import { registerFindPages } from './findPages';
import { registerKoppelingPages } from './koppelingPages';
import { regionOverviewSource, registerRegionPages } from './regionPages';
import { registerTwilioCallback } from './twilioCallback';
import { messagePage } from './kit/messagePage';
import { pageUi, registerLanguage } from './kit/language';
import { registerSecurityHeaders } from './kit/securityHeaders';
import { registerStylesheets } from './kit/style';
import type { OidcSettings } from '../config/oidcEnv';
import { createOidcLogin } from './kit/oidc';
import { registerOidcLogin } from './oidcLogin';

export type IntakeConfig = Pick<
  Env,
  'PUBLIC_BASE_URL' | 'LINK_SECRET' | 'SESSION_SECRET' | 'TWILIO_AUTH_TOKEN' | 'BLIND_INDEX_KEY'
>;

export interface IntakeServerDeps {
  client: Client;
  taskQueue: string;
  config: IntakeConfig;
  /** The local staff accounts (STAFF_ACCOUNTS_FILE, config/accountFile.ts): who may log in, as what. */
  accounts: readonly LocalAccount[];
  /** TOTP codes already used; one per app, in memory, unless handed in. */
  totpReplays?: TotpReplayGuard;
  logger: Logger;
  clock?: () => Date;
  /** Defaults to the Temporal-backed service over `client`. */
  meldingen?: MeldingService;
  /** Defaults to the standard limits on `clock`; one per app, as its counts live in memory. */
  loginThrottle?: LoginThrottle;
  /** The staff session store (STAFF_SESSION_DB or SESSION_DATABASE_URL); tests may leave it in memory. */
  sessions?: StaffSessionStore;
  /** Prometheus registry and counters; without them nothing is counted or served. */
  metrics?: IntakeMetricsDeps;
  /** The privacy officer's export and erasure (cases/privacy/); without it, no privacy pages. */
  privacy?: PrivacyService;
  /** The case file: a case Temporal no longer holds is shown from it, read-only; not found without it. */
  caseFile?: CaseFile;
  /** Login through the organisation's identity provider (config/oidcEnv.ts); without it, none. */
  oidc?: OidcSettings;
  /**
   * The access log (accessLog/): the case page, the API's case read and the partner page write an
   * entry before they show a victim's details, and the privacy officer reads it. web/main.ts always
   * hands it in; a test that does not look at it may leave it out.
   */
  accessLog?: AccessLog;
  /** The victims' anonymous answers about the help received (EXPERIENCE_DB_PATH); without it, no such page. */
  experience?: ExperienceStore;
}

/** Big enough for any real intake, small enough that a hostile body is refused before parsing. */
const BODY_LIMIT_BYTES = 64 * 1024;

export async function buildServer(deps: IntakeServerDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const service =
    deps.meldingen ?? createMeldingService(deps.client, deps.taskQueue, deps.config.BLIND_INDEX_KEY);
  const meldingen = deps.metrics ? countingMeldingService(service, deps.metrics.counters) : service;
  const auth: AuthConfig = {
    accounts: deps.accounts,
    totpReplays: deps.totpReplays ?? createTotpReplayGuard(),
    sessionSecret: deps.config.SESSION_SECRET,
    clock,
    secureCookies: deps.config.PUBLIC_BASE_URL.startsWith('https:'),
    throttle: deps.loginThrottle ?? createLoginThrottle({ now: () => clock().getTime() }),
    sessions: deps.sessions ?? openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' }, clock),
    // The local accounts' roles; a login through the identity provider brings its own in the session.
    staff: staffOfAccounts(deps.accounts),
  };
  const oidc =
    deps.oidc &&
    createOidcLogin({
      settings: deps.oidc,
      sessionSecret: auth.sessionSecret,
      secureCookies: auth.secureCookies,
      regionIds: [...REGIONS.keys()],
      clock,
    });

  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Fastify's own request lines carry the raw URL, and partner URLs carry their token: log our own.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: 1000 },
  });

  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: BODY_LIMIT_BYTES });
  await registerStaffSessions(app, auth);
  registerLanguage(app, { secureCookies: auth.secureCookies });
  registerStylesheets(app);

  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(none)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  const wantsHtml = (url: string) => !url.startsWith('/api/') && !url.startsWith('/twilio/');

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const known = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600;
    const status = known ? error.statusCode! : 500;
    const client = status < 500;
    if (client) {
      request.log.info({ event: 'client_error', status, code: error.code }, 'request refused');
    } else {
      // Name and message only: a stack or cause could echo request data.
      request.log.error(
        { event: 'server_error', error: { name: error.name, message: error.message } },
        'request failed',
      );
    }
    if (wantsHtml(request.url)) {
      const ui = pageUi(request, '/');
      return reply
        .code(status)
        .type('text/html; charset=utf-8')
        .send(
          client
            ? messagePage(ui, ui.t('error.badRequestTitle'), ui.t('error.badRequest'))
            : messagePage(ui, ui.t('error.serverTitle'), ui.t('error.server')),
        );
    }
    const clientCode =
      status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_request';
    const lang = apiLanguage(request);
    const apiT = { lang, t: translator(lang) };
    return reply.code(status).send(
      client
        ? {
            error: clientCode,
            // Fastify's own message names what was wrong (e.g. the body's JSON); in Dutch, the catalogue's.
            message: apiT.lang === 'nl' ? apiT.t(`api.${clientCode}`) : error.message,
          }
        : status === 503
          ? { error: 'unavailable', message: apiT.t('api.unavailable') }
          : { error: 'internal_error', message: apiT.t('api.internal_error') },
    );
  });

  app.setNotFoundHandler((request, reply) => {
    if (wantsHtml(request.url)) {
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(
          messagePage(
            pageUi(request),
            request.t('error.notFoundTitle'),
            request.t('error.notFound'),
            '/',
            request.t('error.toStart'),
          ),
        );
    }
    return reply.code(404).send({ error: 'not_found' });
  });

  app.get('/gezond', async () => ({ status: 'ok' }));
  const openApi = buildOpenApiDocument(deps.config.PUBLIC_BASE_URL);
  app.get('/api/openapi.json', async () => openApi);

  if (deps.metrics) registerMetricsRoute(app, deps.metrics);
  // The one case client every staff route scopes to the signed-in staff member (cases/access.ts).
  const cases: CaseServices = {
    meldingen,
    ops: createOpsService(deps.client),
    stuck: (now, regions) => listStuck(deps.client, now, regions),
    find: (query, regions) => findCases(deps.client, deps.config.BLIND_INDEX_KEY, query, regions),
    owned: (staffId, regions) => listOwned(deps.client, staffId, regions),
    koppelingen: createKoppelingService(deps.client, deps.taskQueue, deps.config.BLIND_INDEX_KEY),
    regionOverview: regionOverviewSource(deps.client, auth),
    ...(deps.caseFile ? { caseFile: readCaseFile(deps.caseFile) } : {}),
  };
  registerStaffPages(app, { auth, cases, clock, oidcOrganisation: oidc?.settings.organisation });
  if (oidc) registerOidcLogin(app, { oidc, auth });
  const accessLog = deps.accessLog ? { accessLog: deps.accessLog } : {};
  registerApi(app, { auth, cases, clock, ...accessLog });
  registerFindPages(app, { auth, cases });
  registerOpsApi(app, { auth, cases });
  registerOpsPages(app, { auth, cases, clock });
  registerCasePages(app, {
    auth,
    cases,
    clock,
    ...(deps.privacy ? { privacy: deps.privacy } : {}),
    ...accessLog,
  });
  if (deps.accessLog) registerAccessLogPage(app, { auth, cases, accessLog: deps.accessLog });
  if (deps.privacy) registerPrivacyPages(app, { auth, privacy: deps.privacy });
  registerKoppelingPages(app, { auth, cases, clock });
  registerRegionPages(app, { auth, cases, clock });
  registerWorklistPages(app, { auth, cases, clock });
  registerPartnerPages(app, { linkSecret: deps.config.LINK_SECRET, meldingen, clock, ...accessLog });
  if (deps.experience) {
    registerExperiencePages(app, { linkSecret: deps.config.LINK_SECRET, store: deps.experience, clock });
  }
  registerTwilioCallback(app, {
    authToken: deps.config.TWILIO_AUTH_TOKEN,
    linkSecret: deps.config.LINK_SECRET,
    publicBaseUrl: deps.config.PUBLIC_BASE_URL,
    meldingen,
    clock,
  });
  return app;
}

/** A case as the case file holds it (cases/caseFromFile.ts); undefined when it holds nothing of it. */
function readCaseFile(caseFile: CaseFile) {
  return async (reference: string) => caseFromFile(await caseFile.records(reference));
}
