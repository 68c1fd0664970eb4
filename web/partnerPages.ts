/**
 * Partner pages behind signed links: acknowledge a request, or record a check-in outcome; a
 * request that runs as a task is accepted or declined, scheduled and reported done there
 * (web/partnerTaskPost.ts). The token is the credential; the page says plainly when a link
 * expired, was already used, or the request lapsed, so a partner on night duty never wonders
 * whether it worked.
 */
import type { AccessLog } from '../accessLog';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CHECK_IN_OUTCOMES, isOneOf } from '../domain/vocabulary';
import type { PageUi } from './kit/language';
import { PARTNER_PAGE_PATH, verifyPartnerToken, type PartnerToken } from '../cases/links';
import { linkStanding } from '../domain/linkBinding';
import type { MeldingService } from '../cases/meldingService';
import { messagePage } from './kit/messagePage';
import { partnerPage } from './views/partnerPage';
import { actorOf, bindingOf, closedPage, movedOnPage, page, partnerUi } from './partnerReplies';
import { postTaskAction } from './partnerTaskPost';
import { answerTaskStanding, showTask, taskOf, taskStanding } from './partnerTaskStanding';

export interface PartnerPagesDeps {
  linkSecret: string;
  meldingen: MeldingService;
  clock: () => Date;
  /** Every page that shows the handover details is written there first (accessLog/). */
  accessLog?: AccessLog;
}

export function registerPartnerPages(app: FastifyInstance, deps: PartnerPagesDeps): void {
  const { linkSecret, meldingen, clock } = deps;

  /** Verifies the link and finds its request; answers the page itself when there is nothing to act on. */
  async function resolve(token: string, ui: PageUi, reply: FastifyReply, method: 'GET' | 'POST') {
    const { t } = ui;
    const verified = verifyPartnerToken(token, linkSecret, clock());
    if (!verified.ok && verified.reason === 'expired') {
      return void page(
        reply,
        410,
        messagePage(
          ui,
          t('partner.expiredTitle'),
          t('partner.expired', { reference: verified.token.meldingRef }),
        ),
      );
    }
    if (!verified.ok || verified.token.purpose !== 'actie') {
      return void page(reply, 404, messagePage(ui, t('partner.invalidTitle'), t('partner.invalid')));
    }
    const link: PartnerToken = verified.token;
    const state = await meldingen.state(link.meldingRef);
    const request = state?.requests.find((r) => r.requestId === link.requestId);
    if (!state || !request) {
      return void page(
        reply,
        404,
        messagePage(ui, t('partner.notFoundTitle'), t('partner.notFound', { reference: link.meldingRef })),
      );
    }
    const task = taskOf(request);
    if (task) {
      // A task's link stays in use after accepting, until the task is final.
      const standing = taskStanding(request, task, link, state.casemanager);
      if (standing !== 'open' && standing !== 'accepted') {
        return void answerTaskStanding(
          ui,
          reply,
          standing,
          request,
          task,
          link,
          method === 'GET' ? 200 : 409,
        );
      }
    } else {
      if (request.status !== 'open')
        return void closedPage(ui, reply, request, link.meldingRef, state.decisions);
      // A link of an earlier step (or one the case cannot check) shows nothing and records nothing.
      if (linkStanding(request, bindingOf(link), state.casemanager) !== 'awaited') {
        return void movedOnPage(ui, reply, link.meldingRef);
      }
    }
    // The coordinator's decision after failed contacts is taken on the case page, signed in, where
    // the contacts are: the link only leads there (nothing is recorded through it).
    if (request.kind === 'contactpogingen') {
      return void page(
        reply,
        200,
        messagePage(
          ui,
          t('partner.decideOnCasePageTitle'),
          t('partner.decideOnCasePage', { reference: link.meldingRef }),
          `/meldingen/${link.meldingRef}`,
          t('partner.openCasePage'),
        ),
      );
    }
    const details = await meldingen.handoverDetails(link.meldingRef, link.requestId);
    if (!details) return void closedPage(ui, reply, { ...request, status: 'cancelled' }, link.meldingRef);
    // The partner is no staff member: the entry names the link's role (and its addressee) and request.
    await deps.accessLog?.record({
      at: clock().toISOString(),
      by: actorOf(link, request),
      reference: link.meldingRef,
      reason: 'partnerlink',
      detail: link.requestId,
    });
    return { link, request, details, task };
  }

  app.get(`${PARTNER_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const ui = partnerUi(request, token);
    const found = await resolve(token, ui, reply, 'GET');
    if (!found) return reply;
    const actionPath = `${PARTNER_PAGE_PATH}/${token}`;
    const { task, ...rest } = found;
    if (task) return showTask(reply, 200, { ...rest, task, actionPath, ui });
    return page(reply, 200, partnerPage({ ...rest, actionPath, ui }));
  });

  app.post(`${PARTNER_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const ui = partnerUi(request, token);
    const { t } = ui;
    const found = await resolve(token, ui, reply, 'POST');
    if (!found) return reply;
    const { link, details, task } = found;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const actionPath = `${PARTNER_PAGE_PATH}/${token}`;
    if (task) {
      return postTaskAction(
        { meldingen, clock, log: request.log },
        reply,
        {
          link,
          request: found.request,
          task,
          details,
          actionPath,
          ui,
        },
        body,
      );
    }
    // A link sent to the owner's own address names them, so the history records who acted.
    const by = actorOf(link, found.request);

    let outcome;
    if (found.request.kind === 'checkin') {
      const chosen = typeof body.outcome === 'string' ? body.outcome : undefined;
      const ptss = body.ptss === 'ja' ? true : body.ptss === 'nee' ? false : undefined;
      const values = {
        ...(chosen ? { outcome: chosen } : {}),
        ...(typeof body.ptss === 'string' ? { ptss: body.ptss } : {}),
      };
      if (!isOneOf(CHECK_IN_OUTCOMES, chosen)) {
        return page(
          reply,
          400,
          partnerPage({
            ...found,
            actionPath,
            values,
            problems: { outcome: t('partner.chooseOutcome') },
            ui,
          }),
        );
      }
      outcome = await meldingen.decide(link.meldingRef, {
        type: 'checkin',
        input: {
          requestId: link.requestId,
          link: bindingOf(link),
          outcome: chosen,
          by,
          ...(ptss !== undefined ? { ptss } : {}),
        },
      });
      if (outcome.status === 'rejected') {
        const problem = outcome.problems[0]!;
        // The request escalated between the page and the answer.
        if (problem.field === 'link') return movedOnPage(ui, reply, link.meldingRef);
        const field = problem.field === 'ptss' ? 'ptss' : 'formulier';
        const message = field === 'ptss' ? t('partner.screeningNeedsPtss') : problem.message;
        // The state may have moved on meanwhile (another casemanager recorded it): show that instead.
        const now = await meldingen.state(link.meldingRef);
        const current = now?.requests.find((r) => r.requestId === link.requestId);
        if (current && current.status !== 'open')
          return closedPage(ui, reply, current, link.meldingRef, now?.decisions);
        return page(
          reply,
          400,
          partnerPage({
            details,
            request: found.request,
            actionPath,
            values,
            problems: { [field]: message },
            ui,
          }),
        );
      }
    } else {
      outcome = await meldingen.decide(link.meldingRef, {
        type: 'ontvangstbevestiging',
        input: { requestId: link.requestId, link: bindingOf(link), by },
      });
    }
    if (outcome.status === 'rejected' && outcome.problems[0]?.field === 'link') {
      return movedOnPage(ui, reply, link.meldingRef);
    }
    if (outcome.status !== 'ok') {
      const now = await meldingen.state(link.meldingRef);
      const current = now?.requests.find((r) => r.requestId === link.requestId);
      if (current && current.status !== 'open')
        return closedPage(ui, reply, current, link.meldingRef, now?.decisions);
      return page(reply, 409, messagePage(ui, t('partner.failedTitle'), t('partner.failed')));
    }
    request.log.info(
      { event: 'partner_action', reference: link.meldingRef, requestId: link.requestId },
      'partner acted on link',
    );
    return page(
      reply,
      200,
      messagePage(
        ui,
        found.request.kind === 'checkin' ? t('partner.recordedTitle') : t('partner.confirmedTitle'),
        found.request.kind === 'checkin'
          ? t('partner.recorded', { reference: link.meldingRef })
          : t('partner.confirmed', { reference: link.meldingRef }),
      ),
    );
  });
}
