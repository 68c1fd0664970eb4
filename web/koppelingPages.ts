/**
 * The same person again, in the browser: link a running case to an earlier melding, and reopen a
 * closed case within its region's window. Both go through the scoped case client
 * (cases/access.ts), like every page: a case outside the staff member's regions is "not found", a
 * role that may not act gets 403 and nothing changes. The case page shows the links and the forms
 * (views/koppelingSection.ts, built by `koppelingenFor`).
 *
 *   POST /meldingen/:reference/koppelen    reference=CSG-…   link an earlier melding
 *   POST /meldingen/:reference/heropenen   reason=<code>     a new melding from this closed one
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scopedService, type CaseServices, type ScopedCases } from '../cases/access';
import { decisionSchemas } from '../domain/decisionSchemas';
import { isOneOf } from '../domain/vocabulary';
import { REOPEN_REASONS } from '../domain/koppeling';
import { formatLocal } from '../domain/localTime';
import type { CaseState } from '../workflows/messages';
import { referenceParam } from './apiSchemas';
import { sessionFromCookie, staffOf, verifyCsrf, type AuthConfig } from './kit/auth';
import type { SafeHtml } from './kit/html';
import { pageUi, type PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { koppelingSection } from './views/koppelingSection';

export interface KoppelingPagesDeps {
  auth: AuthConfig;
  cases: CaseServices;
  clock: () => Date;
}

/** The case page's "same person" section for this staff member, or nothing when it cannot be read. */
export async function koppelingenFor(
  scoped: ScopedCases | undefined,
  state: CaseState,
  ui: PageUi,
  csrfToken: string,
  now: Date,
): Promise<SafeHtml | undefined> {
  const read = await scoped?.links(state.reference, now);
  if (!scoped || read?.status !== 'ok') return undefined;
  return koppelingSection(ui.t, {
    reference: state.reference,
    links: read.links,
    csrfToken,
    mayLink: scoped.may('besluit.koppeling'),
    mayReopen: scoped.may('heropenen'),
  });
}

export function registerKoppelingPages(app: FastifyInstance, deps: KoppelingPagesDeps): void {
  const { auth } = deps;
  const page = (reply: FastifyReply, code: number, body: string) =>
    reply.code(code).type('text/html; charset=utf-8').send(body);

  /** Session, CSRF and reference of a post, scoped; undefined once a reply was sent. */
  function post(request: FastifyRequest, reply: FastifyReply) {
    const { reference } = request.params as { reference: string };
    const parsed = referenceParam.safeParse(reference);
    const back = parsed.success ? `/meldingen/${parsed.data}` : '/meldingen/nieuw';
    const found = sessionFromCookie(request, auth);
    if (!found) {
      void reply.redirect(`/inloggen?next=${encodeURIComponent(back)}`, 303);
      return undefined;
    }
    const ui = pageUi(request, back);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const staff = staffOf(auth, found.session.staffId);
    if (!verifyCsrf(found.token, body._csrf, auth.sessionSecret) || !parsed.success || !staff) {
      void page(reply, 403, messagePage(ui, ui.t('casePage.expiredTitle'), ui.t('casePage.expired'), back));
      return undefined;
    }
    return { ui, body, back, reference: parsed.data, scoped: scopedService(deps.cases, staff) };
  }

  const refusal = (reply: FastifyReply, ui: PageUi, code: number, text: string, back: string) =>
    page(reply, code, messagePage(ui, ui.t('koppeling.refusedTitle'), text, back, ui.t('koppeling.back')));

  app.post('/meldingen/:reference/koppelen', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const { ui, body, back, reference, scoped } = p;
    const checked = decisionSchemas.koppeling.safeParse({ reference: body.reference });
    if (!checked.success) return refusal(reply, ui, 400, ui.t('koppeling.problems.reference'), back);
    const earlier = checked.data.reference;
    if (earlier === reference) return refusal(reply, ui, 400, ui.t('koppeling.problems.self'), back);
    const outcome = await scoped.decide(reference, {
      type: 'koppeling',
      input: { reference: earlier, by: scoped.staff.id },
    });
    if (outcome.status === 'forbidden')
      return refusal(reply, ui, 403, ui.t('koppeling.problems.forbidden'), back);
    if (outcome.status === 'not_found')
      return refusal(reply, ui, 409, ui.t('koppeling.problems.closed'), back);
    if (outcome.status === 'rejected') {
      const message = outcome.problems[0]?.message ?? '';
      const key = message.startsWith('no melding')
        ? 'unknown'
        : message.startsWith('already linked')
          ? 'already'
          : message.includes('closing or closed')
            ? 'closed'
            : 'reference';
      return refusal(reply, ui, 409, ui.t(`koppeling.problems.${key}`, { reference: earlier }), back);
    }
    request.log.info(
      { event: 'case_linked', reference, linkedTo: earlier, staffId: scoped.staff.id },
      'melding linked to an earlier one',
    );
    return reply.redirect(`${back}#koppelingen`, 303);
  });

  app.post('/meldingen/:reference/heropenen', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const { ui, body, back, reference, scoped } = p;
    if (!scoped.may('heropenen')) return refusal(reply, ui, 403, ui.t('koppeling.problems.forbidden'), back);
    if (!isOneOf(REOPEN_REASONS, body.reason)) {
      return refusal(reply, ui, 400, ui.t('koppeling.problems.reason'), back);
    }
    const outcome = await scoped.reopen(reference, body.reason, deps.clock());
    switch (outcome.status) {
      case 'reopened':
        request.log.info(
          { event: 'case_reopened', reference: outcome.reference, from: reference, staffId: scoped.staff.id },
          'closed melding reopened as a new one',
        );
        return reply.redirect(`/meldingen/${outcome.reference}`, 303);
      case 'forbidden':
        return refusal(reply, ui, 403, ui.t('koppeling.problems.forbidden'), back);
      case 'not_found':
        return page(
          reply,
          404,
          messagePage(ui, ui.t('casePage.notFoundTitle'), ui.t('casePage.notFound', { reference })),
        );
      case 'running':
        return refusal(reply, ui, 409, ui.t('koppeling.problems.running'), back);
      case 'window_passed': {
        const text = ui.t('koppeling.windowPassed', {
          closedAt: formatLocal(outcome.closedAt.toISOString()),
          until: formatLocal(outcome.until.toISOString()),
        });
        return refusal(reply, ui, 409, text, back);
      }
      case 'invalid':
        return refusal(
          reply,
          ui,
          409,
          ui.t('koppeling.problems.invalid', { field: outcome.problems[0]?.field ?? '' }),
          back,
        );
    }
  });
}
