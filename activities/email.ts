/**
 * The email channel: one message to one partner address over SMTP (nodemailer). The transport is
 * handed in (see transports.ts), so tests use a real SMTP server on a free port.
 */
import type { Transporter } from 'nodemailer';
import { classifySmtpError, DeliveryError } from './errors';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * Stable per melding, request, attempt and channel (`<hash@sender-domain>`): if the crash window
   * ever causes a resend, mail clients and archives see the same message, not a new one.
   */
  messageId: string;
}

export interface EmailChannel {
  send(email: OutgoingEmail): Promise<{ providerId: string }>;
}

export function createEmailChannel(deps: { transport: Transporter; mailFrom: string }): EmailChannel {
  return {
    async send(email) {
      try {
        const info = await deps.transport.sendMail({
          from: deps.mailFrom,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
          // Partners' auto-responders must not answer into the void, nor trigger vacation replies loops.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
        return { providerId: String(info.messageId ?? email.messageId) };
      } catch (err) {
        throw new DeliveryError(classifySmtpError(err));
      }
    },
  };
}

/** `<hash@domain-of-sender>`; the hash comes from the delivery key, never from an address. */
export function stableMessageId(keyHash: string, mailFrom: string): string {
  const domain = mailFrom.split('@')[1] ?? 'localhost';
  return `<${keyHash}@${domain}>`;
}
