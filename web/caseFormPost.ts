/**
 * What every staff form posted about one case starts with: the signed-in session (else to the
 * login, and back to the case after), the CSRF token, the reference in the path and the staff
 * member. A post that fails any of these gets the "form expired" page and changes nothing.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../domain/access';
import { referenceParam } from './apiSchemas';
import { type AuthConfig } from './kit/auth';
import { csrfValid, signedIn } from './kit/staffSessions';
import { pageUi, type PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';

export interface CaseFormPost {
  ui: PageUi;
  body: Record<string, unknown>;
  /** The case page, where the post's answers link back to. */
  back: string;
  reference: string;
  staff: Staff;
}

/** The post's session, body and reference; undefined once a reply was sent. */
export function caseFormPost(
  auth: AuthConfig,
  request: FastifyRequest,
  reply: FastifyReply,
): CaseFormPost | undefined {
  const { reference } = request.params as { reference: string };
  const parsed = referenceParam.safeParse(reference);
  const back = parsed.success ? `/meldingen/${parsed.data}` : '/meldingen/nieuw';
  const found = signedIn(request);
  if (!found) {
    void reply.redirect(`/inloggen?next=${encodeURIComponent(back)}`, 303);
    return undefined;
  }
  const ui = pageUi(request, back);
  const body = (request.body ?? {}) as Record<string, unknown>;
  const staff = found.staff;
  if (!csrfValid(request) || !parsed.success || !staff) {
    void reply
      .code(403)
      .type('text/html; charset=utf-8')
      .send(messagePage(ui, ui.t('casePage.expiredTitle'), ui.t('casePage.expired'), back));
    return undefined;
  }
  return { ui, body, back, reference: parsed.data, staff };
}
