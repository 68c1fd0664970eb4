/**
 * Which channels one partner message goes out on: SMS to alert and email for the record, each
 * the contact has in the directory; a missing one is reported `not_configured`, not skipped in
 * silence. Each plan carries its delivery-log key and, where the provider can be asked, how to
 * find out whether a crashed try already sent it.
 */
import type { ResolvedRecipient } from './directory';
import { deliveryKeyHash, type DeliveryKey } from './deliveryLog';
import type { EmailChannel } from './email';
import { stableMessageId } from './email';
import type { MailSearch } from './mailSearch';
import type { SmsChannel } from './sms';
import type { RenderedMessage } from './templates';
import type { ChannelDelivery, DeliveryChannel } from './types';

export interface ChannelPlan {
  channel: DeliveryChannel;
  key: DeliveryKey;
  send: () => Promise<{ providerId: string }>;
  /** Asks the provider whether an earlier, crashed try already sent it. */
  findSent?: (since: Date) => Promise<string | undefined>;
}

export interface ChannelDeps {
  email: EmailChannel;
  sms: SmsChannel;
  mailFrom: string;
  mailSearch?: MailSearch;
}

export function planChannels(
  deps: ChannelDeps,
  recipient: ResolvedRecipient,
  keyBase: Omit<DeliveryKey, 'channel'>,
  rendered: RenderedMessage,
  statusCallback: string | undefined,
): { plans: ChannelPlan[]; missing: ChannelDelivery[] } {
  const { email, sms } = deps;
  const out: ChannelPlan[] = [];
  const missing: ChannelDelivery[] = [];
  const { email: address, sms: number } = recipient.contact;
  if (number !== undefined) {
    const key: DeliveryKey = { ...keyBase, channel: 'sms' };
    out.push({
      channel: 'sms',
      key,
      send: () => sms.send({ to: number, body: rendered.sms, ...(statusCallback ? { statusCallback } : {}) }),
      findSent: (since) => sms.findSent({ to: number, body: rendered.sms, since }),
    });
  } else {
    missing.push({ channel: 'sms', status: 'not_configured', reason: 'no SMS number in the directory' });
  }
  if (address !== undefined) {
    const key: DeliveryKey = { ...keyBase, channel: 'email' };
    const messageId = stableMessageId(deliveryKeyHash(key), deps.mailFrom);
    const search = deps.mailSearch;
    out.push({
      channel: 'email',
      key,
      send: () =>
        email.send({
          to: address,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId,
        }),
      ...(search
        ? { findSent: async () => ((await search.accepted(messageId)) ? messageId : undefined) }
        : {}),
    });
  } else {
    missing.push({
      channel: 'email',
      status: 'not_configured',
      reason: 'no email address in the directory',
    });
  }
  return { plans: out, missing };
}
