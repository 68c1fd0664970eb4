/**
 * The staff pages: login, logout, the intake form and its result. Server-rendered, no scripts.
 * A form post that fails validation answers 400 with the same form, everything typed kept.
 * A login refused for too many failed attempts answers 429 with the login page saying when to
 * try again.
 *
 * The intake goes through the signed-in staff member's scoped case client (cases/access.ts): a
 * role that may not start gets 403 (ops are sent on to their own pages), the form offers only the
 * municipalities of the staff member's regions, and a municipality outside them is refused (403)
 * with the form kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allMunicipalities, nearestMunicipalities, regionForMunicipality } from '../regions';
import { parseIntake } from '../domain/intakeSchema';
import type { VictimWishes } from '../domain/types';
import { servesRegion, type StaffRole } from '../domain/access';
import { attemptLogin, staffOf, type AuthConfig } from './kit/auth';
import {
  csrfTokenBeforeLogin,
  csrfTokenOf,
  csrfValid,
  endStaffSessions,
  signedIn,
  startStaffSession,
} from './kit/staffSessions';
import { formToRawIntake, mergeSchemaProblems, readFormValues, type IntakeFormValues } from './intakeForm';
import { scopedService, type CaseServices } from '../cases/access';
import { candidateReference, newSequenceNumber } from '../cases/reference';
import { startWithFreeReference } from '../cases/uniqueStart';
import { intakeFormPage } from './views/intakeFormPage';
import { loginPage } from './views/loginPage';
import { pageUi, type PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { triageResultPage } from './views/triageResultPage';

export interface StaffPagesDeps {
  auth: AuthConfig;
  cases: CaseServices;
  clock: () => Date;
  /** The organisation whose identity provider the login page offers (OIDC_ORGANISATION), if any. */
  oidcOrganisation?: string;
}

/** Only local paths: an open redirect after login would be a phishing aid. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/[A-Za-z0-9/_-]*$/.test(next) && !next.startsWith('//')
    ? next
    : '/meldingen/nieuw';
}

export function registerStaffPages(app: FastifyInstance, deps: StaffPagesDeps): void {
  const { auth, cases, clock } = deps;
  const everyMunicipality = allMunicipalities();
  const login = (ui: PageUi, input: Parameters<typeof loginPage>[1]) =>
    loginPage(ui, { ...input, oidcOrganisation: deps.oidcOrganisation });

  /** The logged-in session, or a reply already sent: the login page, or 403 for an account without a role. */
  function requireSession(request: FastifyRequest, reply: FastifyReply) {
    const found = signedIn(request);
    if (!found) {
      const next = encodeURIComponent(
        request.routeOptions.url === '/meldingen' ? '/meldingen/nieuw' : request.url,
      );
      void reply.redirect(`/inloggen?next=${next}`, 303);
      return undefined;
    }
    const { staff } = found;
    return {
      scoped: scopedService(cases, staff),
      // The form offers what this staff member may start: their regions' municipalities.
      municipalities: everyMunicipality.filter((m) => {
        const region = regionForMunicipality(m);
        return region !== undefined && servesRegion(staff, region.id);
      }),
      staffId: staff.id,
      csrf: csrfTokenOf(reply),
    };
  }

  function forbiddenPage(request: FastifyRequest, reply: FastifyReply, role: StaffRole | undefined) {
    const ui = pageUi(request);
    const words = role ? ui.t(`staffRoles.${role}`) : '-';
    return reply
      .code(403)
      .type('text/html; charset=utf-8')
      .send(messagePage(ui, ui.t('form.forbiddenTitle'), ui.t('form.forbidden', { role: words })));
  }

  function freshFormValues(): IntakeFormValues {
    return { volgnummer: newSequenceNumber(), ontvangen: clock().toISOString(), kanaal: 'telefoon' };
  }

  app.get('/', async (_request, reply) => reply.redirect('/meldingen/nieuw', 303));

  app.get('/inloggen', async (request, reply) => {
    const next = (request.query as Record<string, unknown>).next;
    const csrfToken = await csrfTokenBeforeLogin(request, reply);
    return reply
      .type('text/html; charset=utf-8')
      .send(login(pageUi(request), { failed: false, next: safeNext(next), csrfToken }));
  });

  app.post('/inloggen', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // The id is kept so a colleague need not type it again; the password and code never come back.
    const typedId = typeof body.id === 'string' ? body.id.slice(0, 100) : '';
    if (!csrfValid(request)) {
      // Not this service's own form (or one left open past its session): no password is checked.
      request.log.warn({ event: 'login_csrf_refused' }, 'staff login form without a valid token');
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(
          loginPage(pageUi(request, '/inloggen'), {
            failed: true,
            id: typedId,
            next: safeNext(body.next),
            csrfToken: await csrfTokenBeforeLogin(request, reply),
          }),
        );
    }
    const outcome = await attemptLogin(request, auth, body.id, body.wachtwoord, body.code);
    if (outcome.status === 'throttled') {
      return reply
        .code(429)
        .header('retry-after', String(outcome.retryAfterSeconds))
        .type('text/html; charset=utf-8')
        .send(
          login(pageUi(request, '/inloggen'), {
            failed: true,
            retryAfterMinutes: Math.ceil(outcome.retryAfterSeconds / 60),
            id: typedId,
            next: safeNext(body.next),
            csrfToken: await csrfTokenBeforeLogin(request, reply),
          }),
        );
    }
    if (outcome.status === 'rejected') {
      request.log.info({ event: 'login_failed' }, 'staff login failed');
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(
          login(pageUi(request, '/inloggen'), {
            failed: true,
            id: typedId,
            next: safeNext(body.next),
            csrfToken: await csrfTokenBeforeLogin(request, reply),
          }),
        );
    }
    const { staffId } = outcome;
    const staff = staffOf(auth, staffId);
    // Every account has a role (config/staffRoles.ts); one without gets no session.
    if (!staff) return forbiddenPage(request, reply, undefined);
    await startStaffSession(request, reply, staff, 'lokaal');
    request.log.info({ event: 'login', staffId }, 'staff logged in');
    return reply.redirect(safeNext(body.next), 303);
  });

  app.post('/uitloggen', async (request, reply) => {
    if (!csrfValid(request)) {
      const ui = pageUi(request, '/inloggen');
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(messagePage(ui, ui.t('form.expiredTitle'), ui.t('form.expired'), '/meldingen/nieuw'));
    }
    // Every session of this person ends, on the codec server and the API too: a copy of the
    // cookie dies with it, and a laptop left logged in elsewhere is logged out as well.
    const staffId = await endStaffSessions(request);
    if (staffId) request.log.info({ event: 'logout', staffId }, 'staff logged out');
    return reply.redirect('/inloggen', 303);
  });

  app.get('/meldingen/nieuw', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    if (!session.scoped.may('starten')) {
      // The form is where a login lands by default: ops go on to their own pages, a casemanager
      // to their worklist.
      if (session.scoped.may('ops_overzicht')) return reply.redirect('/ops', 303);
      if (session.scoped.may('werklijst')) return reply.redirect('/mijn-casussen', 303);
      return forbiddenPage(request, reply, session.scoped.staff.role);
    }
    return reply.type('text/html; charset=utf-8').send(
      intakeFormPage({
        values: freshFormValues(),
        problems: {},
        csrfToken: session.csrf,
        staffId: session.staffId,
        municipalities: session.municipalities,
        ui: pageUi(request),
      }),
    );
  });

  app.post('/meldingen', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    // The language link of a page answering this post goes back to a fresh form.
    const ui = pageUi(request, '/meldingen/nieuw');
    if (!csrfValid(request)) {
      return reply
        .code(403)
        .type('text/html; charset=utf-8')
        .send(messagePage(ui, ui.t('form.expiredTitle'), ui.t('form.expired'), '/meldingen/nieuw'));
    }
    if (!session.scoped.may('starten')) return forbiddenPage(request, reply, session.scoped.staff.role);
    const values = readFormValues(body);
    const { raw: typed, problems } = formToRawIntake(values, session.staffId, clock(), ui.t);
    // The reference: the form's sequence number, or (when that one turns out to belong to another
    // case) the next in its chain. Without a known municipality there is no region code yet; the
    // municipality's own problem says why.
    const region = regionForMunicipality(String(typed.municipality));
    const receivedAt = new Date(String(typed.receivedAt));
    const rawFor = (attempt: number): Record<string, unknown> => ({
      ...typed,
      reference: region
        ? candidateReference(
            region.id,
            receivedAt,
            (values.volgnummer ?? '').trim(),
            attempt,
            auth.sessionSecret,
          )
        : undefined,
    });
    const raw = rawFor(0);
    const showForm = (all: typeof problems, code = 400) =>
      reply
        .code(code)
        .type('text/html; charset=utf-8')
        .send(
          intakeFormPage({
            values,
            problems: all,
            csrfToken: session.csrf,
            staffId: session.staffId,
            municipalities: session.municipalities,
            ui,
          }),
        );

    if (Object.keys(problems).length > 0) {
      // Name every problem at once, not one per submit: the schema's findings on the other fields too.
      const schema = parseIntake(raw, regionForMunicipality, nearestMunicipalities);
      return showForm(mergeSchemaProblems(problems, schema.ok ? [] : schema.problems, ui.t));
    }
    // The form was opened at `ontvangen`: a case that started before that is somebody else's.
    const outcome = await startWithFreeReference(session.scoped, rawFor, {
      referenceDerived: true,
      notBefore: String(raw.receivedAt),
    });
    if (outcome.status === 'forbidden') {
      if (outcome.reason === 'role') return forbiddenPage(request, reply, session.scoped.staff.role);
      return showForm({ gemeente: ui.t('form.outsideRegions') }, 403);
    }
    if (outcome.status === 'invalid') return showForm(mergeSchemaProblems({}, outcome.problems, ui.t));

    const wishes = raw.wishes as VictimWishes;
    const ladder = outcome.triage?.acute
      ? region?.pathway.casemanagerLadder.acute
      : region?.pathway.casemanagerLadder.nonAcute;
    request.log.info(
      { event: 'intake', reference: outcome.reference, status: outcome.status },
      'intake registered',
    );
    return reply
      .code(outcome.status === 'started' ? 201 : 200)
      .type('text/html; charset=utf-8')
      .send(
        triageResultPage({
          reference: outcome.reference,
          status: outcome.status,
          ...(outcome.triage ? { triage: outcome.triage } : {}),
          ...(region ? { regionName: region.name } : {}),
          wishes,
          immediateDanger: raw.immediateDanger === true,
          ...(ladder?.[0] ? { acknowledgeMinutes: ladder[0].waitMinutes } : {}),
          staffId: session.staffId,
          csrfToken: session.csrf,
          ui,
        }),
      );
  });
}
