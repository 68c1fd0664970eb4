/**
 * Asks the mail relay whether it accepted a message, by its Message-ID.
 *
 * SMTP has no way to ask "did you get this one?": a sender killed after the relay took the message
 * and before its own record cannot know (RFC 1047's old problem). The delivery log narrows that to
 * one question, asked only after a crash; this answers it from the relay's own list of accepted
 * messages, as Twilio's message list answers it for SMS (sms.ts).
 *
 * The contract is `GET <base>/email?messageId=<id>` (the id without its angle brackets) answering
 * a JSON list (empty: not accepted):
 * maildev's REST API, the development relay. A production relay with a message trace (most hosted
 * relays have one) gets a small adapter to the same contract; without one, SMTP_SEARCH_URL stays
 * unset and such a message is sent again with the same Message-ID (deliveryLog.ts says why).
 */
import { DeliveryError } from './errors';

export interface MailSearch {
  /** True when the relay holds a message with this Message-ID (`<hash@domain>`). */
  accepted(messageId: string): Promise<boolean>;
}

const SEARCH_TIMEOUT_MS = 10_000;

export function createMailSearch(deps: { baseUrl: string; fetch?: typeof fetch }): MailSearch {
  const doFetch = deps.fetch ?? fetch;
  const base = new URL(deps.baseUrl);
  // Credentials in the URL (https://user:pass@relay/...) become a Basic header: fetch refuses them inline.
  const authorization =
    base.username !== ''
      ? `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`
      : undefined;
  base.username = '';
  base.password = '';
  const basePath = base.pathname.replace(/\/$/, '');

  return {
    async accepted(messageId) {
      const url = new URL(`${basePath}/email`, base);
      url.searchParams.set('messageId', messageId.replace(/^<|>$/g, ''));
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { accept: 'application/json', ...(authorization ? { authorization } : {}) },
          signal: AbortSignal.timeout(SEARCH_TIMEOUT_MS),
        });
      } catch {
        throw new DeliveryError({
          kind: 'transient',
          reason: 'email: the relay message search did not answer',
        });
      }
      if (!response.ok) {
        throw new DeliveryError({
          kind: 'transient',
          reason: `email: the relay message search answered HTTP ${response.status}`,
        });
      }
      const found: unknown = await response.json().catch(() => undefined);
      if (!Array.isArray(found)) {
        throw new DeliveryError({
          kind: 'transient',
          reason: 'email: the relay message search gave no list',
        });
      }
      return found.length > 0;
    },
  };
}
