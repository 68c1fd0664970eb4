/**
 * The casemanager's worklist page, their start page after the login:
 *
 *   GET /mijn-casussen                 my running cases: due today and overdue, all by the next due
 *                                      contact, and the requests waiting on partners
 *   GET /mijn-casussen?casemanager=id  that casemanager's, for their coordinator (the
 *                                      coordinator's regions only)
 *   (JSON: GET /api/mijn-casussen, the same query)
 *
 * Through the scoped case client (cases/access.ts): only a role with `werklijst` has its own,
 * only one with `werklijst_collega` sees another's; other roles get a 403 page that says whom the
 * page is for.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { scopedService, type CaseServices } from '../cases/access';
import { type AuthConfig } from './kit/auth';
import { csrfTokenOf, signedIn } from './kit/staffSessions';
import { pageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { worklistPage } from './views/worklistPage';

export const WORKLIST_PAGE = '/mijn-casussen';

export interface WorklistPagesDeps {
  auth: AuthConfig;
  cases: CaseServices;
  clock: () => Date;
}

export function registerWorklistPages(app: FastifyInstance, deps: WorklistPagesDeps): void {
  const { cases, clock } = deps;
  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  app.get(WORKLIST_PAGE, async (request, reply) => {
    const found = signedIn(request);
    if (!found) return reply.redirect(`/inloggen?next=${encodeURIComponent(WORKLIST_PAGE)}`, 303);
    const ui = pageUi(request);
    const staff = found.staff;
    const { casemanager } = (request.query ?? {}) as Record<string, unknown>;
    const of = casemanager === undefined ? undefined : typeof casemanager === 'string' ? casemanager : '';
    const scoped = staff && scopedService(cases, staff);
    const outcome =
      scoped && (of === undefined ? await scoped.worklist(clock()) : await scoped.worklistOf(of, clock()));
    if (outcome?.status === 'invalid') {
      return page(
        reply,
        400,
        messagePage(ui, ui.t('error.badRequestTitle'), ui.t('worklist.badCasemanager')),
      );
    }
    if (outcome?.status !== 'ok') {
      if (of !== undefined) {
        return page(
          reply,
          403,
          messagePage(ui, ui.t('worklist.forbiddenOfTitle'), ui.t('worklist.forbiddenOf')),
        );
      }
      const role = staff ? ui.t(`staffRoles.${staff.role}`) : '-';
      return page(
        reply,
        403,
        messagePage(ui, ui.t('worklist.forbiddenTitle'), ui.t('worklist.forbidden', { role })),
      );
    }
    return page(
      reply,
      200,
      worklistPage({
        staffId: found.staff.id,
        csrfToken: csrfTokenOf(reply),
        worklist: outcome.worklist,
        ...(of !== undefined ? { casemanager: of } : {}),
        ui,
      }),
    );
  });
}
