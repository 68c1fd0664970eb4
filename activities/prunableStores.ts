/**
 * The stores the daily pruning runs over (activities/pruning.ts), each with its own term:
 * - `bezorglog`: the delivery log's entries (config/retention.ts, DELIVERY_LOG_RETENTION);
 * - `dossier`: the case file's records, per kind (caseFile/retention.ts);
 * - `mailkopieen`: the copies of a relay the system runs itself, in development maildev
 *   (config/retention.ts, MAIL_COPIES_RETENTION); not there in production.
 * The names are the privacy service's store names (cases/privacy/caseStores.ts), so the metric,
 * the log and the erasure receipt speak of the same places.
 *
 * A store that prunes by a cutoff of its own (the access log's `pruneOlderThan`) joins with
 * `olderThanPrunable` and a term in config/retention.ts; one that knows its own expiry (the
 * session store's `pruneExpired`) as `{ name, prune: (now) => store.pruneExpired(now) }`.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { CaseFile } from '../caseFile';
import { storeRetentionCutoff, type StoreRetention } from '../config/retention';
import type { DeliveryRecord } from './deliveryLog';
import type { PrunableStore } from './pruning';

/** A store that removes what is older than a cutoff: the cutoff is `now` less its term. */
export function olderThanPrunable(
  name: string,
  retention: StoreRetention,
  pruneOlderThan: (cutoff: Date) => Promise<number>,
): PrunableStore {
  return { name, prune: (now) => pruneOlderThan(storeRetentionCutoff(now, retention)) };
}

/** The delivery log's entries whose last change (finished, else claimed) is before the cutoff. */
export function deliveryLogPrunable(directory: string, retention: StoreRetention): PrunableStore {
  return {
    name: 'bezorglog',
    async prune(now) {
      const before = storeRetentionCutoff(now, retention).getTime();
      let names: string[];
      try {
        names = await fs.readdir(directory);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0; // nothing sent yet
        throw error;
      }
      let removed = 0;
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        const file = join(directory, name);
        let record: DeliveryRecord;
        try {
          record = JSON.parse(await fs.readFile(file, 'utf8')) as DeliveryRecord;
        } catch {
          continue; // released meanwhile, or outside damage: kept for whoever looks into it
        }
        const last = record.finishedAt ?? record.claimedAt;
        if (typeof last !== 'number' || last >= before) continue;
        try {
          await fs.unlink(file);
          removed += 1;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      return removed;
    },
  };
}

/** The case file's records past their kind's retention; the count over every kind. */
export function caseFilePrunable(caseFile: Pick<CaseFile, 'prune'>): PrunableStore {
  return {
    name: 'dossier',
    async prune(now) {
      const perKind = await caseFile.prune(now);
      return Object.values(perKind).reduce((sum, n) => sum + (n ?? 0), 0);
    },
  };
}

interface RelayMessage {
  id: string;
  /** When the relay received it (maildev). */
  time?: string;
  /** The message's Date header, where the relay gives no receipt time. */
  date?: string;
}

const RELAY_TIMEOUT_MS = 10_000;

/**
 * The relay's copies received before the cutoff, over its REST API (`GET <base>/email`,
 * `DELETE <base>/email/<id>`, as cases/privacy/mailCopiesStore.ts uses it for erasure).
 */
export function mailCopiesPrunable(deps: {
  baseUrl: string;
  retention: StoreRetention;
  fetch?: typeof fetch;
}): PrunableStore {
  const doFetch = deps.fetch ?? fetch;
  const base = deps.baseUrl.replace(/\/$/, '');
  return {
    name: 'mailkopieen',
    async prune(now) {
      const before = storeRetentionCutoff(now, deps.retention).getTime();
      const response = await doFetch(`${base}/email`, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(RELAY_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`mail copies: the relay answered HTTP ${response.status}`);
      const list: unknown = await response.json();
      if (!Array.isArray(list)) throw new Error('mail copies: the relay gave no list');
      let removed = 0;
      for (const message of list as RelayMessage[]) {
        const received = new Date(message.time ?? message.date ?? Number.NaN).getTime();
        if (Number.isNaN(received) || received >= before) continue;
        const deleted = await doFetch(`${base}/email/${encodeURIComponent(message.id)}`, {
          method: 'DELETE',
          signal: AbortSignal.timeout(RELAY_TIMEOUT_MS),
        });
        if (deleted.ok) removed += 1;
        else if (deleted.status !== 404) {
          throw new Error(`mail copies: the relay answered HTTP ${deleted.status} to a delete`);
        }
      }
      return removed;
    },
  };
}
