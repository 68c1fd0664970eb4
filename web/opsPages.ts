/**
 * The ops pages: the overdue requests and, per case, its history and the three
 * actions as forms. For logged-in staff whose role may use the ops room (`ops_overzicht` in
 * domain/access.ts); others get 403. Cases come through the scoped case client
 * (cases/access.ts): the overview lists only the staff member's regions, and a case outside them
 * is "not found".
 * Same session cookie and CSRF protection as the intake form; the same validation as the ops API.
 *
 *   GET  /ops                                  overdue requests, oldest first
 *   GET  /ops/melding?referentie=…             open a case by its reference
 *   GET  /ops/meldingen/:reference             the case, its history, the actions
 *   POST /ops/meldingen/:reference/:action     herinnering | toewijzing | sluiting
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { referenceParam } from './apiSchemas';
import { type AuthConfig } from './kit/auth';
import { csrfTokenOf, csrfValid, signedIn } from './kit/staffSessions';
import { OPS_ACTION_BODIES, OPS_ACTIONS, type OpsActionName } from './opsApi';
import type { OpsAction } from '../cases/opsService';
import { scopedService, type CaseServices, type ScopedCases } from '../cases/access';
import { pageUi, type PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { opsCasePage, opsOverviewPage } from './views/opsPage';
import { opsRefusalText } from './views/opsRefusals';
import { REGIONS } from '../regions';

export interface OpsPagesDeps {
  auth: AuthConfig;
  cases: CaseServices;
  clock: () => Date;
}

const DONE: Record<OpsActionName, string> = {
  herinnering: 'ops.doneResend',
  toewijzing: 'ops.doneReassign',
  sluiting: 'ops.doneClose',
};

export function registerOpsPages(app: FastifyInstance, deps: OpsPagesDeps): void {
  const { cases, clock } = deps;
  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  const forbidden = (request: FastifyRequest, reply: FastifyReply) => {
    const ui = pageUi(request, '/ops');
    return page(reply, 403, messagePage(ui, ui.t('ops.forbiddenTitle'), ui.t('ops.forbidden')));
  };

  /** The ops session, or a reply already sent (login redirect, or 403 for staff without the role). */
  function requireOps(request: FastifyRequest, reply: FastifyReply) {
    const found = signedIn(request);
    if (!found) {
      void reply.redirect(`/inloggen?next=${encodeURIComponent(request.url.split('?')[0]!)}`, 303);
      return undefined;
    }
    const staff = found.staff;
    const scoped = staff && scopedService(cases, staff);
    if (!scoped?.may('ops_overzicht')) {
      void forbidden(request, reply);
      return undefined;
    }
    return {
      scoped,
      staffId: found.staff.id,
      csrf: csrfTokenOf(reply),
    };
  }

  async function showCase(
    ui: PageUi,
    reply: FastifyReply,
    session: { scoped: ScopedCases; staffId: string; csrf: string },
    reference: string,
    code = 200,
    notice?: { kind: 'gedaan' | 'geweigerd'; text: string },
  ) {
    const notFound = () =>
      page(
        reply,
        404,
        messagePage(ui, ui.t('ops.notFoundTitle'), ui.t('ops.notFound', { reference }), '/ops'),
      );
    const read = await session.scoped.history(reference);
    if (read.status !== 'ok') return notFound();
    const current = await session.scoped.state(reference);
    if (current.status !== 'ok') return notFound();
    const { history } = read;
    const { state } = current;
    return page(
      reply,
      code,
      opsCasePage({
        staffId: session.staffId,
        csrfToken: session.csrf,
        state,
        history,
        regionName: REGIONS.get(state.regionId)?.name ?? state.regionId,
        ...(notice ? { notice } : {}),
        ui,
      }),
    );
  }

  app.get('/ops', async (request, reply) => {
    const session = requireOps(request, reply);
    if (!session) return reply;
    const listed = await session.scoped.stuck(clock());
    if (listed.status !== 'ok') return forbidden(request, reply);
    const { stuck } = listed;
    return page(
      reply,
      200,
      opsOverviewPage({ staffId: session.staffId, csrfToken: session.csrf, stuck, ui: pageUi(request) }),
    );
  });

  app.get('/ops/melding', async (request, reply) => {
    const session = requireOps(request, reply);
    if (!session) return reply;
    const parsed = referenceParam.safeParse((request.query as Record<string, unknown>).referentie);
    if (!parsed.success) {
      const ui = pageUi(request, '/ops');
      return page(
        reply,
        400,
        messagePage(ui, ui.t('ops.badReferenceTitle'), parsed.error.issues[0]!.message, '/ops'),
      );
    }
    return reply.redirect(`/ops/meldingen/${parsed.data}`, 303);
  });

  app.get('/ops/meldingen/:reference', async (request, reply) => {
    const session = requireOps(request, reply);
    if (!session) return reply;
    const parsed = referenceParam.safeParse((request.params as { reference: string }).reference);
    const ui = pageUi(request);
    if (!parsed.success)
      return page(
        reply,
        400,
        messagePage(ui, ui.t('ops.badReferenceTitle'), parsed.error.issues[0]!.message, '/ops'),
      );
    const done = (request.query as Record<string, unknown>).gedaan;
    const notice =
      typeof done === 'string' && (OPS_ACTIONS as string[]).includes(done)
        ? { kind: 'gedaan' as const, text: ui.t(DONE[done as OpsActionName]) }
        : undefined;
    return showCase(ui, reply, session, parsed.data, 200, notice);
  });

  app.post('/ops/meldingen/:reference/:action', async (request, reply) => {
    const session = requireOps(request, reply);
    if (!session) return reply;
    const params = request.params as { reference: string; action: string };
    const parsed = referenceParam.safeParse(params.reference);
    const ui = pageUi(request, parsed.success ? `/ops/meldingen/${parsed.data}` : '/ops');
    if (!parsed.success || !(OPS_ACTIONS as string[]).includes(params.action)) {
      return page(reply, 404, messagePage(ui, ui.t('ops.notFoundTitle'), ui.t('ops.unknownAction'), '/ops'));
    }
    const reference = parsed.data;
    const name = params.action as OpsActionName;
    const { _csrf, ...fields } = (request.body ?? {}) as Record<string, unknown>;
    if (!csrfValid(request)) {
      return page(
        reply,
        403,
        messagePage(ui, ui.t('ops.expiredTitle'), ui.t('ops.expired'), `/ops/meldingen/${reference}`),
      );
    }
    // An empty choice is no choice: the schema then names the missing field.
    const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== ''));
    const input = OPS_ACTION_BODIES[name].safeParse(body);
    if (!input.success) {
      // The form's own words for what is missing; the API's message (with its codes) otherwise.
      const text = input.error.issues
        .map((i) => {
          const key = `ops.problems.${String(i.path[0] ?? '')}`;
          const words = ui.t(key);
          return words === key ? `${i.path.join('.') || '(formulier)'}: ${i.message}` : words;
        })
        .join('; ');
      return showCase(ui, reply, session, reference, 400, { kind: 'geweigerd', text });
    }
    const action = { type: name, input: { ...input.data, by: session.staffId } } as OpsAction;
    const outcome = await session.scoped.act(reference, action);
    if (outcome.status === 'forbidden') return forbidden(request, reply);
    if (outcome.status === 'not_found') {
      return page(
        reply,
        404,
        messagePage(ui, ui.t('ops.notFoundTitle'), ui.t('ops.notFound', { reference }), '/ops'),
      );
    }
    if (outcome.status === 'rejected') {
      const problems = outcome.problems.map((p) => opsRefusalText(ui.t, p)).join(' ');
      return showCase(ui, reply, session, reference, 409, {
        kind: 'geweigerd',
        text: ui.t('ops.refused', { problems }),
      });
    }
    request.log.info(
      { event: 'ops_action', reference, type: name, staffId: session.staffId },
      'ops action recorded',
    );
    return reply.redirect(`/ops/meldingen/${reference}?gedaan=${name}`, 303);
  });
}
