/**
 * The privacy officer's actions on a case, from the case page's privacy section
 * (views/privacySection.ts), through the privacy service (cases/privacy/):
 *
 *   POST /meldingen/:reference/inzage             taal=nl|en, formaat=html|json: the access export,
 *                                                 as a download (it holds the victim's details)
 *   POST /meldingen/:reference/wissen             request the erasure
 *   POST /meldingen/:reference/wissen/goedkeuren  approve it (another officer) and carry it out
 *
 * Posts with the session's CSRF token, like every form: an export writes an access-log entry and
 * must not be set off by another site. A role that may not act gets 403; a case outside the
 * staff member's regions is "not found", as everywhere.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { caseFormPost } from './caseFormPost';
import { may, type Staff } from '../domain/access';
import { exportDocument, type PrivacyService } from '../cases/privacy';
import { isLang } from '../i18n';
import type { AuthConfig } from './kit/auth';
import type { SafeHtml } from './kit/html';
import type { PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { privacySection } from './views/privacySection';

export interface PrivacyPagesDeps {
  auth: AuthConfig;
  privacy: PrivacyService;
}

/** The case page's privacy section for this staff member, or nothing for a role without these rights. */
export async function privacySectionFor(
  privacy: PrivacyService | undefined,
  staff: Staff | undefined,
  reference: string,
  ui: PageUi,
  csrfToken: string,
): Promise<SafeHtml | undefined> {
  if (!privacy || !staff || !may(staff, 'inzage_export')) return undefined;
  const read = await privacy.pendingErasure(staff, reference);
  if (read.status !== 'ok') return undefined;
  return privacySection(ui.t, {
    reference,
    csrfToken,
    staffId: staff.id,
    ...(read.pending ? { pending: read.pending } : {}),
  });
}

export function registerPrivacyPages(app: FastifyInstance, deps: PrivacyPagesDeps): void {
  const { auth, privacy } = deps;
  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  /** Session, CSRF and reference of a post; undefined once a reply was sent. */
  const post = (request: FastifyRequest, reply: FastifyReply) => caseFormPost(auth, request, reply);

  const forbidden = (reply: FastifyReply, ui: PageUi, back: string) =>
    page(reply, 403, messagePage(ui, ui.t('casePage.closeForbiddenTitle'), ui.t('casePage.forbidden'), back));
  const notFound = (reply: FastifyReply, ui: PageUi, reference: string) =>
    page(
      reply,
      404,
      messagePage(
        ui,
        ui.t('casePage.notFoundTitle'),
        ui.t('casePage.notFound', { reference }),
        '/meldingen/nieuw',
        ui.t('casePage.toStart'),
      ),
    );
  const told = (reply: FastifyReply, ui: PageUi, code: number, text: string, back: string) =>
    page(reply, code, messagePage(ui, ui.t('privacy.section.title'), text, back));

  app.post('/meldingen/:reference/inzage', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const taal = isLang(p.body.taal) ? p.body.taal : p.ui.lang;
    const outcome = await privacy.exportCase(p.staff, p.reference, taal);
    if (outcome.status === 'forbidden') return forbidden(reply, p.ui, p.back);
    if (outcome.status === 'not_found') return notFound(reply, p.ui, p.reference);
    const json = p.body.formaat === 'json';
    return reply
      .code(200)
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename="inzage-${p.reference}-${taal}.${json ? 'json' : 'html'}"`,
      )
      .type(json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8')
      .send(json ? JSON.stringify(outcome.document, null, 2) : exportDocument(outcome.document));
  });

  app.post('/meldingen/:reference/wissen', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const outcome = await privacy.requestErasure(p.staff, p.reference);
    if (outcome.status === 'forbidden') return forbidden(reply, p.ui, p.back);
    if (outcome.status === 'not_found') return notFound(reply, p.ui, p.reference);
    return outcome.status === 'requested'
      ? told(reply, p.ui, 200, p.ui.t('privacy.section.requested'), p.back)
      : told(
          reply,
          p.ui,
          200,
          p.ui.t('privacy.section.alreadyRequested', { by: outcome.request.requestedBy }),
          p.back,
        );
  });

  app.post('/meldingen/:reference/wissen/goedkeuren', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const outcome = await privacy.approveErasure(p.staff, p.reference);
    if (outcome.status === 'forbidden') return forbidden(reply, p.ui, p.back);
    if (outcome.status === 'not_found') return notFound(reply, p.ui, p.reference);
    if (outcome.status === 'no_request')
      return told(reply, p.ui, 409, p.ui.t('privacy.section.noRequest'), p.back);
    if (outcome.status === 'same_person') {
      return told(reply, p.ui, 409, p.ui.t('privacy.section.samePerson'), p.back);
    }
    const { receipt } = outcome;
    return page(
      reply,
      200,
      messagePage(
        p.ui,
        p.ui.t('privacy.section.erasedTitle'),
        p.ui.t('privacy.section.erased', {
          hash: receipt.referenceHash,
          requestedBy: receipt.requestedBy,
          approvedBy: receipt.approvedBy,
          at: receipt.erasedAt,
        }),
        '/meldingen/nieuw',
        p.ui.t('casePage.toStart'),
      ),
    );
  });
}
