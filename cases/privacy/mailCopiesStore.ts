/**
 * The copies a mail relay keeps of the messages it accepted, as a case store, for a relay the
 * system runs itself: in development maildev, which keeps every message under `.data/mail` and
 * answers `GET <base>/email` (every message) and `DELETE <base>/email/<id>` (MAIL_COPIES_URL). A
 * case's messages are those whose subject names its reference (every partner message does).
 *
 * In production the relay is the partners' mail systems and keeps its copies under their own
 * retention: MAIL_COPIES_URL stays unset and the export says the messages are with the partners.
 */
import type { CaseStore } from './caseStores';

interface RelayMessage {
  id: string;
  subject?: string;
  date?: string;
  to?: Array<{ address?: string }>;
}

const TIMEOUT_MS = 10_000;

export function mailCopiesCaseStore(deps: { baseUrl: string; fetch?: typeof fetch }): CaseStore {
  const doFetch = deps.fetch ?? fetch;
  const base = deps.baseUrl.replace(/\/$/, '');

  async function messagesOf(reference: string): Promise<RelayMessage[]> {
    const response = await doFetch(`${base}/email`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`mail copies: the relay answered HTTP ${response.status}`);
    const list: unknown = await response.json();
    if (!Array.isArray(list)) throw new Error('mail copies: the relay gave no list');
    return (list as RelayMessage[]).filter((m) => m.subject?.includes(reference));
  }

  return {
    name: 'mailkopieen',
    async held(reference) {
      const messages = await messagesOf(reference);
      if (messages.length === 0) return undefined;
      return {
        berichten: messages.map((m) => ({
          to: (m.to ?? []).map((t) => t.address ?? ''),
          subject: m.subject ?? '',
          ...(m.date ? { date: m.date } : {}),
        })),
      };
    },
    async erase(reference) {
      const messages = await messagesOf(reference);
      for (const m of messages) {
        const response = await doFetch(`${base}/email/${encodeURIComponent(m.id)}`, {
          method: 'DELETE',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (!response.ok && response.status !== 404) {
          throw new Error(`mail copies: the relay answered HTTP ${response.status} to a delete`);
        }
      }
      return { berichten: messages.length };
    },
  };
}
