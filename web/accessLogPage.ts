/**
 * The access log of one case, for the privacy officer (the role that may take the access export,
 * domain/access.ts), linked from the case page's privacy section:
 *
 *   GET /meldingen/:reference/toegangslog
 *
 * A role without the right gets 403; a case outside the staff member's regions is "not found",
 * as everywhere (cases/access.ts). Reading the log shows no victim's details, so it writes no
 * entry of its own.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AccessLog } from '../accessLog';
import { scopedService, type CaseServices } from '../cases/access';
import { may } from '../domain/access';
import { referenceParam } from './apiSchemas';
import type { AuthConfig } from './kit/auth';
import { csrfTokenOf, signedIn } from './kit/staffSessions';
import { pageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { accessLogPage } from './views/accessLogPage';

export interface AccessLogPageDeps {
  auth: AuthConfig;
  cases: CaseServices;
  accessLog: AccessLog;
}

export function registerAccessLogPage(app: FastifyInstance, deps: AccessLogPageDeps): void {
  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  app.get('/meldingen/:reference/toegangslog', async (request, reply) => {
    const found = signedIn(request);
    if (!found)
      return reply.redirect(`/inloggen?next=${encodeURIComponent(request.url.split('?')[0]!)}`, 303);
    const ui = pageUi(request);
    const { reference } = request.params as { reference: string };
    const parsed = referenceParam.safeParse(reference);
    const notFound = () =>
      page(
        reply,
        404,
        messagePage(
          ui,
          ui.t('casePage.notFoundTitle'),
          ui.t('casePage.notFound', { reference: reference.slice(0, 60) }),
          '/meldingen/nieuw',
          ui.t('casePage.toStart'),
        ),
      );
    if (!parsed.success) return notFound();
    const { staff } = found;
    if (!staff || !may(staff, 'inzage_export')) {
      return page(
        reply,
        403,
        messagePage(
          ui,
          ui.t('accessLog.forbiddenTitle'),
          ui.t('accessLog.forbidden'),
          `/meldingen/${parsed.data}`,
        ),
      );
    }
    const read = await scopedService(deps.cases, staff).state(parsed.data);
    if (read.status !== 'ok') return notFound();
    return page(
      reply,
      200,
      accessLogPage({
        reference: parsed.data,
        entries: await deps.accessLog.ofCase(parsed.data),
        staffId: staff.id,
        csrfToken: csrfTokenOf(reply),
        ui,
      }),
    );
  });
}
