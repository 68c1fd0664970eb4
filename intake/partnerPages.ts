/**
 * Partner pages behind signed links: acknowledge a request, or record a check-in outcome. The
 * token is the credential; the page says plainly (in Dutch) when a link expired, was already
 * used, or the request lapsed, so a partner on night duty never wonders whether it worked.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CheckInOutcome } from '../domain/types';
import type { DecisionRecord, RequestView } from '../workflows/messages';
import { PARTNER_PAGE_PATH, verifyPartnerToken, type PartnerToken } from './links';
import { formatLocal } from './localTime';
import type { MeldingService } from './meldingService';
import { messagePage } from './views/messagePage';
import { partnerPage } from './views/partnerPage';

export interface PartnerPagesDeps {
  linkSecret: string;
  meldingen: MeldingService;
  clock: () => Date;
}

const CHECKIN_OUTCOMES: CheckInOutcome[] = ['gaat_goed', 'stressreactie', 'geen_contact'];

function page(reply: FastifyReply, code: number, body: string) {
  return reply.code(code).type('text/html; charset=utf-8').send(body);
}

const OUTCOME_LABELS: Record<string, string> = {
  gaat_goed: 'gaat goed',
  stressreactie: 'stressreactie',
  geen_contact: 'geen contact',
};

/** What a check-in recorded, in words, from the case history: "gaat goed", "stressreactie (PTSS: ja)". */
function recordedOutcome(decisions: DecisionRecord[] | undefined, requestId: string): string | undefined {
  const record = decisions?.filter((d) => d.type === 'checkin' && d.requestId === requestId).at(-1);
  if (!record) return undefined;
  const [outcome, ptss] = record.value.split('; ptss: ');
  const label = OUTCOME_LABELS[outcome ?? ''] ?? outcome;
  return ptss ? `${label} (PTSS: ${ptss})` : label;
}

/**
 * A link used before, or a request no longer open: says what was already recorded and when, and
 * changes nothing. An acting link works once.
 */
function closedPage(
  reply: FastifyReply,
  request: RequestView,
  reference: string,
  decisions?: DecisionRecord[],
) {
  if (request.status === 'acknowledged') {
    const when = request.acknowledgedAt ? ` op ${formatLocal(request.acknowledgedAt)}` : '';
    const outcome = request.kind === 'checkin' ? recordedOutcome(decisions, request.requestId) : undefined;
    const what =
      request.kind === 'checkin'
        ? `De uitkomst${outcome ? ` "${outcome}"` : ''} is al vastgelegd`
        : 'Het verzoek is al bevestigd';
    return page(
      reply,
      409,
      messagePage(
        'Deze link is al gebruikt',
        `${what}${when} (melding ${reference}). U hoeft niets meer te doen.`,
      ),
    );
  }
  return page(
    reply,
    410,
    messagePage(
      'Dit verzoek is vervallen',
      `Het verzoek voor melding ${reference} is ingetrokken, overgedragen of vervallen. U hoeft niets te doen; neem geen contact op met het slachtoffer op basis van dit bericht.`,
    ),
  );
}

export function registerPartnerPages(app: FastifyInstance, deps: PartnerPagesDeps): void {
  const { linkSecret, meldingen, clock } = deps;

  /** Verifies the link and finds its request; answers the page itself when there is nothing to act on. */
  async function resolve(token: string, reply: FastifyReply) {
    const verified = verifyPartnerToken(token, linkSecret, clock());
    if (!verified.ok && verified.reason === 'expired') {
      return void page(
        reply,
        410,
        messagePage(
          'Deze link is verlopen',
          `De link voor melding ${verified.token.meldingRef} is verlopen. Staat het verzoek nog open, dan heeft u of uw achterwacht een nieuw bericht met een nieuwe link gekregen. Twijfelt u? Bel de coördinator van het CSG.`,
        ),
      );
    }
    if (!verified.ok || verified.token.purpose !== 'actie') {
      return void page(
        reply,
        404,
        messagePage('Deze link is ongeldig', 'Controleer of u de hele link uit het bericht heeft geopend.'),
      );
    }
    const link: PartnerToken = verified.token;
    const state = await meldingen.state(link.meldingRef);
    const request = state?.requests.find((r) => r.requestId === link.requestId);
    if (!state || !request) {
      return void page(
        reply,
        404,
        messagePage('Verzoek niet gevonden', `Er is geen open verzoek bij melding ${link.meldingRef}.`),
      );
    }
    if (request.status !== 'open') return void closedPage(reply, request, link.meldingRef, state.decisions);
    const details = await meldingen.handoverDetails(link.meldingRef, link.requestId);
    if (!details) return void closedPage(reply, { ...request, status: 'cancelled' }, link.meldingRef);
    return { link, request, details };
  }

  app.get(`${PARTNER_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const found = await resolve(token, reply);
    if (!found) return reply;
    return page(reply, 200, partnerPage({ ...found, actionPath: `${PARTNER_PAGE_PATH}/${token}` }));
  });

  app.post(`${PARTNER_PAGE_PATH}/:token`, async (request, reply) => {
    const token = (request.params as { token: string }).token;
    const found = await resolve(token, reply);
    if (!found) return reply;
    const { link, details } = found;
    const by = `partnerlink:${found.request.role}`;
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
      if (!chosen || !(CHECKIN_OUTCOMES as string[]).includes(chosen)) {
        return page(
          reply,
          400,
          partnerPage({
            ...found,
            actionPath,
            values,
            problems: { outcome: 'Kies hoe het met het slachtoffer gaat.' },
          }),
        );
      }
      outcome = await meldingen.decide(link.meldingRef, {
        type: 'checkin',
        input: {
          requestId: link.requestId,
          outcome: chosen as CheckInOutcome,
          by,
          ...(ptss !== undefined ? { ptss } : {}),
        },
      });
      if (outcome.status === 'rejected') {
        const problem = outcome.problems[0]!;
        const field = problem.field === 'ptss' ? 'ptss' : 'formulier';
        const message =
          field === 'ptss' ? 'Dit is de screening: kies of de screening op PTSS wijst.' : problem.message;
        // The state may have moved on meanwhile (another casemanager recorded it): show that instead.
        const now = await meldingen.state(link.meldingRef);
        const current = now?.requests.find((r) => r.requestId === link.requestId);
        if (current && current.status !== 'open')
          return closedPage(reply, current, link.meldingRef, now?.decisions);
        return page(
          reply,
          400,
          partnerPage({
            details,
            request: found.request,
            actionPath,
            values,
            problems: { [field]: message },
          }),
        );
      }
    } else {
      outcome = await meldingen.decide(link.meldingRef, {
        type: 'ontvangstbevestiging',
        input: { requestId: link.requestId, by },
      });
    }
    if (outcome.status !== 'ok') {
      const now = await meldingen.state(link.meldingRef);
      const current = now?.requests.find((r) => r.requestId === link.requestId);
      if (current && current.status !== 'open')
        return closedPage(reply, current, link.meldingRef, now?.decisions);
      return page(
        reply,
        409,
        messagePage('Niet gelukt', 'Het verzoek kon niet worden vastgelegd. Bel de coördinator van het CSG.'),
      );
    }
    request.log.info(
      { event: 'partner_action', reference: link.meldingRef, requestId: link.requestId },
      'partner acted on link',
    );
    return page(
      reply,
      200,
      messagePage(
        found.request.kind === 'checkin' ? 'Uitkomst vastgelegd' : 'Bevestigd: dank u',
        found.request.kind === 'checkin'
          ? `De uitkomst van het contactmoment voor melding ${link.meldingRef} is vastgelegd.`
          : `U heeft het verzoek voor melding ${link.meldingRef} aangenomen. De escalatie is gestopt.`,
      ),
    );
  });
}
