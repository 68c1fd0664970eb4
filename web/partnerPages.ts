/**
 * Partner pages behind signed links: acknowledge a request, or record a check-in outcome. The
 * token is the credential; the page says plainly (in Dutch) when a link expired, was already
 * used, or the request lapsed, so a partner on night duty never wonders whether it worked.
 */
import type { AccessLog } from '../accessLog';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CHECK_IN_OUTCOMES, isOneOf } from '../domain/vocabulary';
import type { DecisionRecord, RequestView } from '../workflows/messages';
import { pageUi, type PageUi } from './kit/language';
import { PARTNER_PAGE_PATH, verifyPartnerToken, type PartnerToken } from '../cases/links';
import { linkStanding, type LinkBinding } from '../domain/linkBinding';
import { formatLocal } from '../domain/localTime';
import type { MeldingService } from '../cases/meldingService';
import { messagePage } from './kit/messagePage';
import { partnerPage } from './views/partnerPage';

export interface PartnerPagesDeps {
  linkSecret: string;
  meldingen: MeldingService;
  clock: () => Date;
  /** Every page that shows the handover details is written there first (accessLog/). */
  accessLog?: AccessLog;
}

function page(reply: FastifyReply, code: number, body: string) {
  return reply.code(code).type('text/html; charset=utf-8').send(body);
}

/** What a check-in recorded, in words, from the case history: "Stressreactie (PTSS: ja)". */
function recordedOutcome(
  ui: PageUi,
  decisions: DecisionRecord[] | undefined,
  requestId: string,
): string | undefined {
  const record = decisions?.filter((d) => d.type === 'checkin' && d.requestId === requestId).at(-1);
  if (!record) return undefined;
  const [outcome, ptss] = record.value.split('; ptss: ');
  const label = isOneOf(CHECK_IN_OUTCOMES, outcome) ? ui.t(`partner.outcomes.${outcome}`) : (outcome ?? '');
  return ptss ? label + ui.t('partner.ptssSuffix', { ptss: ui.t(`form.choices.${ptss}`) }) : label;
}

/**
 * A link used before, or a request no longer open: says what was already recorded and when, and
 * changes nothing. An acting link works once.
 */
function closedPage(
  ui: PageUi,
  reply: FastifyReply,
  request: RequestView,
  reference: string,
  decisions?: DecisionRecord[],
) {
  const { t } = ui;
  if (request.status === 'acknowledged') {
    const when = request.acknowledgedAt ? t('partner.at', { when: formatLocal(request.acknowledgedAt) }) : '';
    const outcome =
      request.kind === 'checkin' ? recordedOutcome(ui, decisions, request.requestId) : undefined;
    const what =
      request.kind !== 'checkin'
        ? t('partner.confirmedAlready')
        : outcome
          ? t('partner.outcomeRecordedAs', { outcome })
          : t('partner.outcomeRecorded');
    return page(
      reply,
      409,
      messagePage(ui, t('partner.usedTitle'), t('partner.usedBody', { what, when, reference })),
    );
  }
  return page(reply, 410, messagePage(ui, t('partner.lapsedTitle'), t('partner.lapsed', { reference })));
}

/** What the link was sent for, as the workflow checks it (domain/linkBinding.ts). */
function bindingOf(link: PartnerToken): LinkBinding {
  return {
    attempt: link.attempt,
    ...(link.tier !== undefined ? { tier: link.tier } : {}),
    ...(link.addressee !== undefined ? { addressee: link.addressee } : {}),
  };
}

/**
 * The request moved on past this link's addressee (escalated, reassigned, another owner): no
 * details, nothing recorded; whoever is awaited now has their own link.
 */
function movedOnPage(ui: PageUi, reply: FastifyReply, reference: string) {
  return page(
    reply,
    410,
    messagePage(ui, ui.t('partner.movedOnTitle'), ui.t('partner.movedOn', { reference })),
  );
}

/** The language link returns to the partner page itself (GET), also after a post. */
function partnerUi(request: FastifyRequest, token: string): PageUi {
  return pageUi(request, `${PARTNER_PAGE_PATH}/${token}`);
}

export function registerPartnerPages(app: FastifyInstance, deps: PartnerPagesDeps): void {
  const { linkSecret, meldingen, clock } = deps;

  /** Verifies the link and finds its request; answers the page itself when there is nothing to act on. */
  async function resolve(token: string, ui: PageUi, reply: FastifyReply) {
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
    if (request.status !== 'open')
      return void closedPage(ui, reply, request, link.meldingRef, state.decisions);
    // A link of an earlier step (or one the case cannot check) shows nothing and records nothing.
    if (linkStanding(request, bindingOf(link), state.casemanager) !== 'awaited') {
      return void movedOnPage(ui, reply, link.meldingRef);
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
      by: link.addressee ? `partnerlink:${request.role}:${link.addressee}` : `partnerlink:${request.role}`,
      reference: link.meldingRef,
      reason: 'partnerlink',
      detail: link.requestId,
    });
    return { link, request, details };
  }

  app.get(`${PARTNER_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const ui = partnerUi(request, token);
    const found = await resolve(token, ui, reply);
    if (!found) return reply;
    return page(reply, 200, partnerPage({ ...found, actionPath: `${PARTNER_PAGE_PATH}/${token}`, ui }));
  });

  app.post(`${PARTNER_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const ui = partnerUi(request, token);
    const { t } = ui;
    const found = await resolve(token, ui, reply);
    if (!found) return reply;
    const { link, details } = found;
    // A link sent to the owner's own address names them, so the history records who acted.
    const by = link.addressee
      ? `partnerlink:${found.request.role}:${link.addressee}`
      : `partnerlink:${found.request.role}`;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const actionPath = `${PARTNER_PAGE_PATH}/${token}`;

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
