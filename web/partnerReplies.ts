/**
 * What every partner page answers with, whatever the request: the page itself, the pages for a
 * link that was used, whose request lapsed or moved on, and who acted through a link.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CHECK_IN_OUTCOMES, isOneOf } from '../domain/vocabulary';
import type { DecisionRecord, RequestView } from '../workflows/messages';
import { pageUi, type PageUi } from './kit/language';
import { PARTNER_PAGE_PATH, type PartnerToken } from '../cases/links';
import type { LinkBinding } from '../domain/linkBinding';
import { formatLocal } from '../domain/localTime';
import { messagePage } from './kit/messagePage';

export function page(reply: FastifyReply, code: number, body: string) {
  return reply.code(code).type('text/html; charset=utf-8').send(body);
}

/** What a check-in recorded, in words, from the case history: "Stressreactie (PTSS: ja)". */
export function recordedOutcome(
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
export function closedPage(
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
export function bindingOf(link: PartnerToken): LinkBinding {
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
export function movedOnPage(ui: PageUi, reply: FastifyReply, reference: string) {
  return page(
    reply,
    410,
    messagePage(ui, ui.t('partner.movedOnTitle'), ui.t('partner.movedOn', { reference })),
  );
}

/** The language link returns to the partner page itself (GET), also after a post. */
export function partnerUi(request: FastifyRequest, token: string): PageUi {
  return pageUi(request, `${PARTNER_PAGE_PATH}/${token}`);
}

/** Who acted, as the history records it: a link sent to the owner's own address names them. */
export function actorOf(link: PartnerToken, request: RequestView): string {
  return link.addressee ? `partnerlink:${request.role}:${link.addressee}` : `partnerlink:${request.role}`;
}
