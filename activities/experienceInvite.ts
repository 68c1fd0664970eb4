/**
 * The one invitation to the victim, after the case ended, to answer a few questions about the help
 * they received: by SMS, or by email when only that is safe (the workflow chooses). Exactly once
 * like every partner message: the delivery log claims the send before the provider is called
 * (activities/delivery.ts), and after a crash Twilio's message list is asked, which works because
 * every try writes the very same text (the link's nonce and expiry do not change between tries).
 *
 * The text is minimal: no word about what happened or who sends it beyond the link, since
 * whoever holds the phone reads it too. The number and address are never logged.
 */
import type { Logger } from '../config/logger';
import { translator } from '../i18n';
import type { ExperienceLinks } from '../cases/experienceLinks';
import type { Semester } from '../domain/semesterReport';
import type { ChannelPlan } from './channelPlans';
import { createDelivery } from './delivery';
import type { DeliveryLog } from './deliveryLog';
import { deliveryKeyHash, type DeliveryKey } from './deliveryLog';
import { stableMessageId, type EmailChannel } from './email';
import type { SmsChannel } from './sms';
import type { ChannelDelivery } from './types';

export interface ExperienceInvite {
  /** For the delivery log's key and the log lines; never in the text or the link. */
  meldingRef: string;
  channel: 'sms' | 'email';
  /** The victim's number or address: only here, in the case's own (encrypted) history. */
  to: string;
  language: 'nl' | 'en';
  regionId: string;
  semester: Semester;
  /** ISO; the workflow's moment of sending plus the link's validity, the same on every try. */
  expiresAt: string;
}

export interface ExperienceActivities {
  sendExperienceInvite(invite: ExperienceInvite): Promise<ChannelDelivery>;
}

export interface ExperienceActivityDeps {
  sms: SmsChannel;
  email: EmailChannel;
  mailFrom: string;
  deliveryLog: DeliveryLog;
  links: ExperienceLinks;
  logger: Logger;
}

/** The delivery-log key: one invitation per case, whichever channel it took. */
export const INVITE_REQUEST_ID = 'ervaringsvragen';

export function createExperienceActivities(deps: ExperienceActivityDeps): ExperienceActivities {
  const log = deps.logger.child({ component: 'experience-invite' });
  const { deliverAll } = createDelivery({ deliveryLog: deps.deliveryLog, log });
  return {
    async sendExperienceInvite(invite) {
      const t = translator(invite.language);
      const url = deps.links.inviteUrl({
        meldingRef: invite.meldingRef,
        regionId: invite.regionId,
        semester: invite.semester,
        language: invite.language,
        expiresAt: new Date(invite.expiresAt),
      });
      const key: DeliveryKey = {
        meldingRef: invite.meldingRef,
        requestId: INVITE_REQUEST_ID,
        attempt: 'uitnodiging',
        channel: invite.channel,
      };
      let plan: ChannelPlan;
      if (invite.channel === 'sms') {
        const body = t('ervaring.sms', { url });
        const to = internationalNumber(invite.to);
        plan = {
          channel: 'sms',
          key,
          send: () => deps.sms.send({ to, body }),
          findSent: (since) => deps.sms.findSent({ to, body, since }),
        };
      } else {
        const text = t('ervaring.mail', { url });
        plan = {
          channel: 'email',
          key,
          send: () =>
            deps.email.send({
              to: invite.to,
              subject: t('ervaring.mailSubject'),
              text,
              html: mailHtml(invite.language, text, url),
              messageId: stableMessageId(deliveryKeyHash(key), deps.mailFrom),
            }),
        };
      }
      const report = await deliverAll([plan], [], { requestId: INVITE_REQUEST_ID, attempt: 0 });
      return report.deliveries[0]!;
    },
  };
}

/**
 * The number as Twilio takes it (E.164): the intake accepts "06 1234 5678" as a helpline worker
 * types it; a Dutch number without a country code is a Dutch one.
 */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[\s()-]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+31${digits.slice(1)}`;
  return digits;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text as one paragraph, its link clickable and allowed to break on a narrow screen. */
function mailHtml(lang: 'nl' | 'en', text: string, url: string): string {
  const href = escapeHtml(url);
  const link = `<a href="${href}" style="overflow-wrap:anywhere;word-break:break-all">${href}</a>`;
  return `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;max-width:40em"><p>${escapeHtml(text).replace(href, link)}</p></body></html>`;
}
