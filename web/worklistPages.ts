/**
 * The casemanager's worklist page, their start page after the login:
 *
 *   GET /mijn-casussen   my running cases: due today and overdue, all by the next due contact,
 *                        and the requests waiting on partners (JSON: GET /api/mijn-casussen)
 *
 * Through the scoped case client (cases/access.ts): only a role with `werklijst` has one; other
 * roles get a 403 page that says whom the page is for.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { scopedService, type CaseServices } from '../cases/access';
import { csrfTokenFor, sessionFromCookie, staffOf, type AuthConfig } from './kit/auth';
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
  const { auth, cases, clock } = deps;
  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  app.get(WORKLIST_PAGE, async (request, reply) => {
    const found = sessionFromCookie(request, auth);
    if (!found) return reply.redirect(`/inloggen?next=${encodeURIComponent(WORKLIST_PAGE)}`, 303);
    const ui = pageUi(request);
    const staff = staffOf(auth, found.session.staffId);
    const outcome = staff ? await scopedService(cases, staff).worklist(clock()) : undefined;
    if (outcome?.status !== 'ok') {
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
        staffId: found.session.staffId,
        csrfToken: csrfTokenFor(found.token, auth.sessionSecret),
        worklist: outcome.worklist,
        ui,
      }),
    );
  });
}
