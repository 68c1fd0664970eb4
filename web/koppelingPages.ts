/**
 * The same person again, in the browser: link a running case to an earlier melding, and reopen a
 * closed case within its region's window. Both go through the scoped case client
 * (cases/access.ts), like every page: a case outside the staff member's regions is "not found", a
 * role that may not act gets 403 and nothing changes. The case page shows the links and the forms
 * (views/koppelingSection.ts, built by `koppelingenFor`).
 *
 *   POST /meldingen/:reference/koppelen/controleren   reference=CSG-…  what the link will do
 *   POST /meldingen/:reference/koppelen               reference=CSG-…  link an earlier melding
 *   POST /meldingen/:reference/heropenen/controleren  reason=<code>    what reopening will do
 *   POST /meldingen/:reference/heropenen              reason=<code>    a new melding from this closed one
 *
 * Like every decision on the case page, each goes through a confirmation step that changes nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { caseFormPost } from './caseFormPost';
import { scopedService, type CaseServices, type ScopedCases } from '../cases/access';
import { decisionSchemas } from '../domain/decisionSchemas';
import { isOneOf } from '../domain/vocabulary';
import { REOPEN_REASONS } from '../domain/koppeling';
import { formatLocal } from '../domain/localTime';
import type { CaseState } from '../workflows/messages';
import type { AuthConfig } from './kit/auth';
import type { SafeHtml } from './kit/html';
import type { PageUi } from './kit/language';
import { messagePage } from './kit/messagePage';
import { koppelingConfirmPage } from './views/koppelingConfirmPage';
import { koppelingSection } from './views/koppelingSection';
import { REGIONS } from '../regions';

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
    const posted = caseFormPost(auth, request, reply);
    return posted && { ...posted, scoped: scopedService(deps.cases, posted.staff) };
  }

  const refusal = (reply: FastifyReply, ui: PageUi, code: number, text: string, back: string) =>
    page(reply, code, messagePage(ui, ui.t('koppeling.refusedTitle'), text, back, ui.t('koppeling.back')));

  /** The earlier reference of a link post, or undefined once the refusal was sent. */
  function linkOf(reply: FastifyReply, p: NonNullable<ReturnType<typeof post>>) {
    const { ui, body, back, reference } = p;
    const checked = decisionSchemas.koppeling.safeParse({ reference: body.reference });
    if (!checked.success) {
      void refusal(reply, ui, 400, ui.t('koppeling.problems.reference'), back);
      return undefined;
    }
    if (checked.data.reference === reference) {
      void refusal(reply, ui, 400, ui.t('koppeling.problems.self'), back);
      return undefined;
    }
    return checked.data.reference;
  }

  /** The reason of a reopening post by a role that may reopen, or undefined once the refusal was sent. */
  function reopenReasonOf(reply: FastifyReply, p: NonNullable<ReturnType<typeof post>>) {
    const { ui, body, back, scoped } = p;
    if (!scoped.may('heropenen')) {
      void refusal(reply, ui, 403, ui.t('koppeling.problems.forbidden'), back);
      return undefined;
    }
    if (!isOneOf(REOPEN_REASONS, body.reason)) {
      void refusal(reply, ui, 400, ui.t('koppeling.problems.reason'), back);
      return undefined;
    }
    return body.reason;
  }

  const confirm = (
    reply: FastifyReply,
    p: NonNullable<ReturnType<typeof post>>,
    what: { title: string; effects: string[]; action: string; values: Record<string, string> },
  ) =>
    page(
      reply,
      200,
      koppelingConfirmPage({
        reference: p.reference,
        ...what,
        staffId: p.scoped.staff.id,
        csrfToken: String(p.body._csrf),
        ui: p.ui,
      }),
    );

  app.post('/meldingen/:reference/koppelen/controleren', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const earlier = linkOf(reply, p);
    if (!earlier) return reply;
    if (!p.scoped.may('besluit.koppeling')) {
      return refusal(reply, p.ui, 403, p.ui.t('koppeling.problems.forbidden'), p.back);
    }
    return confirm(reply, p, {
      title: p.ui.t('decisions.koppeling'),
      effects: [p.ui.t('koppeling.effectLink', { reference: p.reference, earlier })],
      action: `/meldingen/${p.reference}/koppelen`,
      values: { reference: earlier },
    });
  });

  app.post('/meldingen/:reference/heropenen/controleren', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const reason = reopenReasonOf(reply, p);
    if (!reason) return reply;
    const read = await p.scoped.state(p.reference);
    if (read.status !== 'ok') {
      return page(
        reply,
        404,
        messagePage(
          p.ui,
          p.ui.t('casePage.notFoundTitle'),
          p.ui.t('casePage.notFound', { reference: p.reference }),
        ),
      );
    }
    const region = REGIONS.get(read.state.regionId)?.name ?? read.state.regionId;
    return confirm(reply, p, {
      title: p.ui.t('koppeling.reopenLegend'),
      effects: [
        p.ui.t('koppeling.effectReopen', {
          region,
          reference: p.reference,
          reason: p.ui.t(`koppeling.reasons.${reason}`),
        }),
        p.ui.t('koppeling.effectReopenPartners'),
      ],
      action: `/meldingen/${p.reference}/heropenen`,
      values: { reason },
    });
  });

  app.post('/meldingen/:reference/koppelen', async (request, reply) => {
    const p = post(request, reply);
    if (!p) return reply;
    const { ui, back, reference, scoped } = p;
    const earlier = linkOf(reply, p);
    if (!earlier) return reply;
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
    const { ui, back, reference, scoped } = p;
    const reason = reopenReasonOf(reply, p);
    if (!reason) return reply;
    const outcome = await scoped.reopen(reference, reason, deps.clock());
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
      case 'already_reopened':
        return refusal(
          reply,
          ui,
          409,
          ui.t('koppeling.problems.alreadyReopened', { reference: outcome.reference }),
          back,
        );
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
