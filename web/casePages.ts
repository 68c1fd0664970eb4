/**
 * The case page and the decisions staff record on it, for logged-in staff. Server-rendered, no
 * scripts; every form carries the session's CSRF token. A decision goes through two posts: the
 * first checks the form with the API's own schema and shows what will happen (nothing changes);
 * the second records it as the signed-in staff member and shows the case with a success message.
 * The everyday check-in forms (a contact, a change of the plan) post straight to the second.
 * A refused decision shows the case with the problem, field by field, and changes nothing.
 * A case Temporal no longer holds shows from its case file, read-only, with a notice saying so.
 *
 *   GET  /meldingen/openen?referentie=…                       open a case by its reference
 *   GET  /meldingen/:reference                                the case page
 *   POST /meldingen/:reference/besluiten/:besluit/controleren the confirmation step
 *   POST /meldingen/:reference/besluiten/:besluit             record the decision
 */
import type { AccessLog } from '../accessLog';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scopedService, type CaseServices, type ScopedCases } from '../cases/access';
import { decisionAction } from '../domain/access';
import type { IntakeProblem } from '../domain/intakeSchema';
import { REGIONS } from '../regions';
import type { CaseState } from '../workflows/messages';
import { referenceParam } from './apiSchemas';
import {
  doneKey,
  formFieldOf,
  formValuesOf,
  isCasePageDecision,
  parseCaseAction,
  tableDecisionOf,
  type CaseAction,
  type CasePageDecision,
  type DecisionFormValues,
} from './caseDecisions';
import { problemText } from './decisionProblems';
import { type AuthConfig } from './kit/auth';
import type { Staff } from '../domain/access';
import { csrfTokenOf, csrfValid, signedIn } from './kit/staffSessions';
import { pageUi, type PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { koppelingenFor } from './koppelingPages';
import { privacySectionFor } from './privacyPages';
import type { PrivacyService } from '../cases/privacy';
import type { ArchivedView } from './views/archivedCase';
import { casePage } from './views/casePage';
import type { DecisionProblems } from './views/caseDecisionForms';
import { decisionConfirmPage } from './views/decisionConfirmPage';

export interface CasePagesDeps {
  auth: AuthConfig;
  /** The case client; every read and decision goes through it scoped to the signed-in staff member. */
  cases: CaseServices;
  /** The service's time, for the reopening window (tests move it); the real time when left out. */
  clock?: () => Date;
  /** The privacy officer's export and erasure; its section shows for that role when given. */
  privacy?: PrivacyService;
  /** Every case page that shows the victim's details is written there first (accessLog/). */
  accessLog?: AccessLog;
}

interface StaffSession {
  staffId: string;
  staff: Staff;
  csrf: string;
}

export function registerCasePages(app: FastifyInstance, deps: CasePagesDeps): void {
  /**
   * Every case read and decision on these pages goes through this: the case client scoped to the
   * staff member's role and regions (cases/access.ts), the same rules as the API and the CLI. An
   * account without a role reaches nothing.
   */
  function scopedFor(session: StaffSession): ScopedCases | undefined {
    // One per request (a session object is read per request), so its reads of a case are shared.
    if (!scopedOfSession.has(session)) {
      scopedOfSession.set(session, scopedService(deps.cases, session.staff));
    }
    return scopedOfSession.get(session);
  }
  const scopedOfSession = new WeakMap<StaffSession, ScopedCases | undefined>();

  /** The case when it exists and lies in the staff member's regions; else undefined (a 404). */
  async function visibleState(session: StaffSession, reference: string): Promise<CaseState | undefined> {
    const read = await scopedFor(session)?.state(reference);
    return read?.status === 'ok' ? read.state : undefined;
  }

  /** What the case file holds of a case Temporal no longer has; undefined for a live case. */
  async function archivedOf(session: StaffSession, reference: string): Promise<ArchivedView | undefined> {
    const scoped = scopedFor(session);
    const filed = await scoped?.archived(reference);
    if (filed?.status !== 'ok') return undefined;
    return { ...filed.archived, mayDetails: scoped!.may(decisionAction('contactgegevens')) };
  }

  /** May the signed-in role take this page decision? Only those forms are shown, and only those posts pass. */
  const mayTake = (session: StaffSession, name: CasePageDecision) =>
    scopedFor(session)?.may(name === 'sluiting' ? 'sluiting' : decisionAction(tableDecisionOf(name))) ??
    false;

  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  /** The logged-in session, or a redirect to the login page (and undefined). */
  function requireSession(request: FastifyRequest, reply: FastifyReply): StaffSession | undefined {
    const found = signedIn(request);
    if (!found) {
      // After the login, back to the case (a decision post starts again from its page).
      const next = request.url.split('?')[0]!.replace(/\/besluiten\/.*$/, '');
      void reply.redirect(`/inloggen?next=${encodeURIComponent(next)}`, 303);
      return undefined;
    }
    return {
      staffId: found.staff.id,
      staff: found.staff,
      csrf: csrfTokenOf(reply),
    };
  }

  function notFound(reply: FastifyReply, ui: PageUi, reference: unknown) {
    const shown = typeof reference === 'string' ? reference.slice(0, 60) : '';
    return page(
      reply,
      404,
      messagePage(
        ui,
        ui.t('casePage.notFoundTitle'),
        ui.t('casePage.notFound', { reference: shown }),
        '/meldingen/nieuw',
        ui.t('casePage.toStart'),
      ),
    );
  }

  async function showCase(
    reply: FastifyReply,
    ui: PageUi,
    session: StaffSession,
    state: CaseState,
    code: number,
    extra: { done?: string; refused?: DecisionProblems } = {},
  ) {
    const regionName = REGIONS.get(state.regionId)?.name;
    const transferredToName = state.transferredTo ? REGIONS.get(state.transferredTo)?.name : undefined;
    const archived = await archivedOf(session, state.reference);
    // The victim's details as they stand, beside the correction forms of a role that may correct
    // them. Personal: onto the page only, never into a log.
    const read = archived ? undefined : await scopedFor(session)?.currentDetails(state.reference);
    const now = deps.clock?.() ?? new Date();
    // Whoever sees the victim's details here is in the case's access log first.
    if (read?.status === 'ok' || (archived?.mayDetails && archived.details)) {
      await deps.accessLog?.record({
        at: now.toISOString(),
        by: session.staffId,
        reference: state.reference,
        reason: 'casuspagina',
      });
    }
    // Links and reopening ask Temporal about the case: an archived case shows neither.
    const koppelingen = archived
      ? undefined
      : await koppelingenFor(scopedFor(session), state, ui, session.csrf, now);
    const privacy = await privacySectionFor(deps.privacy, session.staff, state.reference, ui, session.csrf);
    return page(
      reply,
      code,
      casePage({
        state,
        ...(regionName ? { regionName } : {}),
        ...(transferredToName ? { transferredToName } : {}),
        ...(read?.status === 'ok' ? { current: read.details } : {}),
        staffId: session.staffId,
        csrfToken: session.csrf,
        ...(scopedFor(session)?.may('werklijst') ? { navArea: 'casemanager' as const } : {}),
        mayDecide: (name: CasePageDecision) => mayTake(session, name),
        ...(koppelingen ? { koppelingen } : {}),
        ...(privacy ? { privacy } : {}),
        ...(archived ? { archived } : {}),
        now,
        ...extra,
        ui,
      }),
    );
  }

  /** The case with one decision's problems: 400 for the form's, 409 for the case's refusal. */
  async function showRefused(
    reply: FastifyReply,
    ui: PageUi,
    session: StaffSession,
    reference: string,
    refused: { decision: CasePageDecision; values: DecisionFormValues; problems: IntakeProblem[] },
    stage: 'form' | 'refusal',
  ) {
    const state = await visibleState(session, reference);
    if (!state) return notFound(reply, ui, reference);
    return showCase(reply, ui, session, state, stage === 'form' ? 400 : 409, {
      refused: {
        decision: refused.decision,
        values: refused.values,
        problems: refused.problems.map((p) => ({
          field: formFieldOf(refused.decision, p.field),
          text: problemText(ui.t, p, stage, refused.decision),
        })),
      },
    });
  }

  /** Session, CSRF, reference and decision name of a decision post; undefined once a reply is sent. */
  function decisionPost(request: FastifyRequest, reply: FastifyReply) {
    const session = requireSession(request, reply);
    if (!session) return undefined;
    const params = request.params as { reference: string; besluit: string };
    const parsed = referenceParam.safeParse(params.reference);
    const ui = pageUi(request, parsed.success ? `/meldingen/${parsed.data}` : '/meldingen/nieuw');
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!csrfValid(request)) {
      void page(
        reply,
        403,
        messagePage(
          ui,
          ui.t('casePage.expiredTitle'),
          ui.t('casePage.expired'),
          parsed.success ? `/meldingen/${parsed.data}` : '/meldingen/nieuw',
        ),
      );
      return undefined;
    }
    if (!parsed.success || !isCasePageDecision(params.besluit)) {
      void notFound(reply, ui, params.reference);
      return undefined;
    }
    const decision = params.besluit;
    if (!mayTake(session, decision)) {
      // The form is not offered to this role, but a post can be forged: refused before anything.
      void page(
        reply,
        403,
        messagePage(
          ui,
          ui.t('casePage.closeForbiddenTitle'),
          ui.t(decision === 'sluiting' ? 'casePage.closeForbidden' : 'casePage.forbidden'),
          `/meldingen/${parsed.data}`,
        ),
      );
      return undefined;
    }
    return { session, ui, reference: parsed.data, decision, values: formValuesOf(decision, body) };
  }

  app.get('/meldingen/openen', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const typed = (request.query as Record<string, unknown>).referentie;
    const parsed = referenceParam.safeParse(typeof typed === 'string' ? typed.trim().toUpperCase() : typed);
    if (!parsed.success) return notFound(reply, pageUi(request), typed);
    return reply.redirect(`/meldingen/${parsed.data}`, 303);
  });

  app.get('/meldingen/:reference', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const ui = pageUi(request);
    const { reference } = request.params as { reference: string };
    const parsed = referenceParam.safeParse(reference);
    if (!parsed.success) return notFound(reply, ui, reference);
    const state = await visibleState(session, parsed.data);
    if (!state) return notFound(reply, ui, parsed.data);
    const done = (request.query as Record<string, unknown>).gedaan;
    return showCase(reply, ui, session, state, 200, {
      ...(isCasePageDecision(done) ? { done: ui.t(doneKey(done)) } : {}),
    });
  });

  /**
   * A decision post whose form parses: its session, case and action. Otherwise the refusal (login,
   * CSRF, the form's own problems) has been answered and this is undefined.
   */
  async function checkedPost(request: FastifyRequest, reply: FastifyReply) {
    const post = decisionPost(request, reply);
    if (!post) return undefined;
    const { session, ui, reference, decision, values } = post;
    const checked = parseCaseAction(decision, values, session.staffId, deps.clock?.() ?? new Date());
    if (checked.ok) return { ...post, action: checked.action };
    await showRefused(
      reply,
      ui,
      session,
      reference,
      { decision, values, problems: checked.problems },
      'form',
    );
    return undefined;
  }

  app.post('/meldingen/:reference/besluiten/:besluit/controleren', async (request, reply) => {
    const checked = await checkedPost(request, reply);
    if (!checked) return reply;
    const { session, ui, reference, decision, values } = checked;
    const state = await visibleState(session, reference);
    if (!state) return notFound(reply, ui, reference);
    if (await archivedOf(session, reference)) {
      const closed = [{ field: '(melding)', message: 'the case is closed' }];
      return showRefused(reply, ui, session, reference, { decision, values, problems: closed }, 'refusal');
    }
    return page(
      reply,
      200,
      decisionConfirmPage({ state, decision, values, staffId: session.staffId, csrfToken: session.csrf, ui }),
    );
  });

  app.post('/meldingen/:reference/besluiten/:besluit', async (request, reply) => {
    const checked = await checkedPost(request, reply);
    if (!checked) return reply;
    const { session, ui, reference, decision, values, action } = checked;
    const scoped = scopedFor(session);
    const outcome = scoped ? await perform(scoped, reference, action) : undefined;
    if (!outcome || outcome.status === 'forbidden') {
      // The role may not take this decision (the form is not offered, but a post can be forged).
      return page(
        reply,
        403,
        messagePage(
          ui,
          ui.t('casePage.closeForbiddenTitle'),
          ui.t('casePage.forbidden'),
          `/meldingen/${reference}`,
        ),
      );
    }
    if (outcome.status === 'not_found') {
      // A case that has ended answers "not found" to a decision: say it is closed, if it is.
      return showRefused(
        reply,
        ui,
        session,
        reference,
        { decision, values, problems: [{ field: '(melding)', message: 'the case is closed' }] },
        'refusal',
      );
    }
    if (outcome.status === 'rejected') {
      return showRefused(
        reply,
        ui,
        session,
        reference,
        { decision, values, problems: outcome.problems },
        'refusal',
      );
    }
    request.log.info(
      { event: 'case_decision', reference, type: decision, staffId: session.staffId },
      'decision recorded on the case page',
    );
    return reply.redirect(`/meldingen/${reference}?gedaan=${decision}`, 303);
  });
}

/** A decision of the table through the case client, the closing through the ops service. */
function perform(scoped: ScopedCases, reference: string, action: CaseAction) {
  return action.kind === 'decision'
    ? scoped.decide(reference, action.decision)
    : scoped.act(reference, action.action);
}
