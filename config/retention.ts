/**
 * How long the stores outside the case file keep what they hold, with the basis beside each value,
 * for the daily pruning (activities/pruning.ts). The case file's own terms, per record kind, are in
 * caseFile/retention.ts (the WGBO's 20 years); what is kept here is shorter because it is not the
 * registration of care but what the engine needed to do its work.
 *
 * The sources say nothing on retention (see caseFile/retention.ts): these terms come from the law's
 * principle of storage limitation (AVG art. 5 lid 1 onder e: no longer than the purpose needs) and
 * from what each store is for. They are for the privacy officer and the CSG's FG to confirm.
 *
 * Shortening a term prunes on the next run; lengthening one cannot bring back what was pruned.
 */

export interface StoreRetention {
  days: number;
  /** Why this long, for whoever reads or changes the value. */
  basis: string;
}

/**
 * The delivery log (activities/deliveryLog.ts): which message step went out by which channel,
 * when, and the provider's id. Counted from the entry's last change (sent or failed; the claim
 * for one that never finished).
 */
export const DELIVERY_LOG_RETENTION: StoreRetention = {
  days: 365,
  basis:
    'AVG art. 5 lid 1 onder e (opslagbeperking). Doel: een stap nooit twee keer versturen (nodig ' +
    'zolang de melding die stap kan herhalen: minuten tot dagen) en vragen over de bezorging aan ' +
    'een partner beantwoorden in het jaar erna. Aan wie welk verzoek ging, blijft in het dossier ' +
    '(partnerverzoek, 20 jaar); dit log houdt alleen de technische bezorging.',
};

/**
 * The copies of a mail relay the system runs itself (maildev in development, MAIL_COPIES_URL):
 * test messages of the development stack. Counted from when the relay received the message.
 */
export const MAIL_COPIES_RETENTION: StoreRetention = {
  days: 14,
  basis:
    'Alleen de ontwikkelomgeving: kopieën van testberichten, zodat een ontwikkelaar ziet wat er ' +
    'verstuurd is. Er is geen doel om ze langer te houden; in productie bewaart de relay van de ' +
    'partner zijn berichten onder zijn eigen termijn.',
};

const DAY_MS = 24 * 3600_000;

/** The moment before which an entry of this term is past it, as seen at `now`. */
export function storeRetentionCutoff(now: Date, term: StoreRetention): Date {
  return new Date(now.getTime() - term.days * DAY_MS);
}
