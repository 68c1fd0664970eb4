/**
 * The delivery log (activities/deliveryLog.ts) as a case store: which message of which request
 * went out by which channel, when, and the provider's id for it. One file per key under
 * DELIVERY_LOG_DIR, named by a hash of the key; the key inside each record names the case, so a
 * case's entries are found by reading the records (a few per request, each a few hundred bytes).
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DeliveryRecord } from '../../activities/deliveryLog';
import type { CaseStore } from './caseStores';

/** One delivery log entry as the export shows it. */
export interface DeliveryEntry {
  requestId: string;
  /** The ladder step, or the notice's name. */
  attempt: string;
  channel: string;
  state: DeliveryRecord['state'];
  claimedAt: string;
  finishedAt?: string;
  providerId?: string;
  reason?: string;
}

interface Found {
  file: string;
  entry: DeliveryEntry;
}

/** `meldingRef/requestId/attempt/channel` (deliveryKeyString); the request id may hold a slash. */
function parseKey(
  key: string,
): { meldingRef: string; requestId: string; attempt: string; channel: string } | undefined {
  const parts = key.split('/');
  if (parts.length < 4) return undefined;
  const channel = parts.pop()!;
  const attempt = parts.pop()!;
  const meldingRef = parts.shift()!;
  return { meldingRef, requestId: parts.join('/'), attempt, channel };
}

export function deliveryLogCaseStore(directory: string): CaseStore {
  async function entriesOf(reference: string): Promise<Found[]> {
    let names: string[];
    try {
      names = await fs.readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const found: Found[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const file = join(directory, name);
      let record: DeliveryRecord;
      try {
        record = JSON.parse(await fs.readFile(file, 'utf8')) as DeliveryRecord;
      } catch {
        continue; // released meanwhile, or outside damage: not this case's to judge
      }
      const key = parseKey(record.key);
      if (key?.meldingRef !== reference) continue;
      found.push({
        file,
        entry: {
          requestId: key.requestId,
          attempt: key.attempt,
          channel: key.channel,
          state: record.state,
          claimedAt: new Date(record.claimedAt).toISOString(),
          ...(record.finishedAt !== undefined
            ? { finishedAt: new Date(record.finishedAt).toISOString() }
            : {}),
          ...(record.providerId !== undefined ? { providerId: record.providerId } : {}),
          ...(record.reason !== undefined ? { reason: record.reason } : {}),
        },
      });
    }
    return found.sort((a, b) => a.entry.claimedAt.localeCompare(b.entry.claimedAt));
  }

  return {
    name: 'bezorglog',
    async held(reference) {
      const found = await entriesOf(reference);
      return found.length ? { verzendingen: found.map((f) => f.entry) } : undefined;
    },
    async erase(reference) {
      const found = await entriesOf(reference);
      for (const { file } of found) {
        await fs.unlink(file).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      }
      return { verzendingen: found.length };
    },
  };
}
