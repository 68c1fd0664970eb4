/**
 * The SMS channel: Twilio Programmable Messaging through the official SDK. The client is handed
 * in (see transports.ts); in development and tests it points at the Twilio contract mock.
 *
 * Each SMS asks Twilio to post its delivery status (queued, sent, delivered, undelivered, failed)
 * to the intake service's signed StatusCallback URL, which signals the workflow: "accepted by
 * Twilio" is not "arrived", and the workflow learns the difference.
 */
import type { Twilio } from 'twilio';
import { classifyTwilioError, DeliveryError } from './errors';

export interface OutgoingSms {
  to: string;
  body: string;
  /** Signed URL where Twilio posts delivery status; absent for notices nobody waits on. */
  statusCallback?: string;
}

export interface SmsChannel {
  send(sms: OutgoingSms): Promise<{ providerId: string }>;
  /**
   * After a crash between send and record: did Twilio accept this very body for this number since
   * `since`? Twilio has no idempotency key on message creation, so its own message list is the
   * only source of truth. Returns the SID when found.
   */
  findSent(sms: { to: string; body: string; since: Date }): Promise<string | undefined>;
}

export function createSmsChannel(deps: { client: Twilio; from: string }): SmsChannel {
  return {
    async send(sms) {
      try {
        const message = await deps.client.messages.create({
          to: sms.to,
          from: deps.from,
          body: sms.body,
          ...(sms.statusCallback ? { statusCallback: sms.statusCallback } : {}),
        });
        return { providerId: message.sid };
      } catch (err) {
        throw new DeliveryError(classifyTwilioError(err));
      }
    },
    async findSent({ to, body, since }) {
      try {
        // One page only, newest first: an earlier try of this step is minutes old, not pages deep.
        const page = await deps.client.messages.page({
          to,
          from: deps.from,
          // Twilio filters on the date only (UTC); one day earlier covers a claim just before midnight.
          dateSentAfter: new Date(since.getTime() - 24 * 3600_000),
          pageSize: 50,
        });
        return page.instances.find((m) => m.body === body)?.sid;
      } catch (err) {
        throw new DeliveryError(classifyTwilioError(err));
      }
    },
  };
}
