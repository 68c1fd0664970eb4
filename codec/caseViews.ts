/**
 * What the codec server writes into the access log (accessLog/). The Temporal Web UI shows a
 * case's history decoded, so opening a case there is seeing the victim's details:
 *
 * - The UI's own calls name the case: `/api/v1/namespaces/<ns>/workflows/<workflow id>/...`, and
 *   the workflow id is the melding reference. One `temporal_ui` entry per staff member and case,
 *   not one per call (a case page makes a dozen), again after WINDOW_MS.
 * - A decode request names no case. When it comes from a UI page of a case (its Referer), the
 *   case is known and counts as opened there; otherwise it gets a `decode` entry with the number
 *   of payloads (a command-line client, or a UI on another origin).
 *
 * The entry is written before the answer: when the log cannot be written, nothing is shown.
 */
import type { AccessLog } from '../accessLog';

/** How long one opening of a case covers the UI's further calls about it. */
export const WINDOW_MS = 10 * 60_000;

const UI_CASE_PATH = /^(?:\/api\/v1)?\/namespaces\/[^/]+\/workflows\/([^/?#]+)/;
const REFERENCE = /^[A-Za-z0-9._-]{1,100}$/;

/** The case a UI path (an API call or a page) is about, when it names one. */
export function caseOfUiPath(path: string): string | undefined {
  const found = UI_CASE_PATH.exec(path)?.[1];
  if (!found) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(found);
  } catch {
    return undefined;
  }
  return REFERENCE.test(id) ? id : undefined;
}

/** The path of a Referer header of this server's own origin; undefined for any other. */
function ownPathOf(referer: string | undefined, ownOrigin: string): string | undefined {
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.origin === ownOrigin ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

export interface CodecAccessLog {
  /** A UI call (or page) by an ops member: logs the case it opens, once per window. */
  uiCall(staffId: string, path: string): Promise<void>;
  /** A decode of `payloads` payloads: for the case of the UI page it came from, or without one. */
  decoded(staffId: string, payloads: number, referer: string | undefined): Promise<void>;
}

export function codecAccessLog(deps: {
  log: AccessLog;
  ownOrigin: string;
  clock: () => Date;
}): CodecAccessLog {
  const lastLogged = new Map<string, number>();
  async function opened(staffId: string, reference: string) {
    const now = deps.clock();
    const key = JSON.stringify([staffId, reference]);
    const last = lastLogged.get(key);
    if (last !== undefined && now.getTime() - last < WINDOW_MS) return;
    await deps.log.record({ at: now.toISOString(), by: staffId, reference, reason: 'temporal_ui' });
    lastLogged.set(key, now.getTime());
    // Keep the memory small: drop what no longer covers anything.
    if (lastLogged.size > 10_000) {
      for (const [k, at] of lastLogged) if (now.getTime() - at >= WINDOW_MS) lastLogged.delete(k);
    }
  }
  return {
    async uiCall(staffId, path) {
      const reference = caseOfUiPath(path);
      if (reference) await opened(staffId, reference);
    },
    async decoded(staffId, payloads, referer) {
      const page = ownPathOf(referer, deps.ownOrigin);
      const reference = page === undefined ? undefined : caseOfUiPath(page);
      if (reference) return opened(staffId, reference);
      await deps.log.record({
        at: deps.clock().toISOString(),
        by: staffId,
        reason: 'decode',
        detail: `payloads=${payloads}`,
      });
    },
  };
}
