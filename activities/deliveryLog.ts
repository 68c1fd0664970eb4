/**
 * The delivery log: one durable record per (melding, request, attempt, channel), checked before
 * anything is sent, so a retried activity never sends the same message twice.
 *
 * File-backed (one small JSON file per key) because it must survive a worker restart and Node 20
 * has no built-in database. Writes are crash-safe: write a temp file, fsync, then link (create,
 * failing if it exists) or rename (replace), then fsync the directory.
 *
 * Life of a record: `sending` (claimed, before the provider is called) → `sent` or `failed`
 * (permanent). A transient failure removes the claim so the next try starts clean.
 *
 * The remaining window, stated honestly: if the process dies after the provider accepted the
 * message and before `sent` is on disk, the next try finds a stale `sending` record. Idle, that
 * window is milliseconds; under a burst it is not (a worker killed during a burst of handovers
 * left about half of its sends in flight in it; docs/benchmark.md, Fault runs). The log alone cannot tell
 * whether such a message left, so the activity asks the provider: Twilio's message list for SMS,
 * the relay's message search for email (mailSearch.ts). Only where the provider cannot be asked
 * (an email relay without a search) is it sent again, with the same Message-ID: a duplicate
 * handover is recoverable, a lost one is harm.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DeliveryChannel } from './types';

export interface DeliveryKey {
  meldingRef: string;
  requestId: string;
  /** The ladder step, or a notice name for notices (`notice-ingetrokken`). */
  attempt: number | string;
  channel: DeliveryChannel;
}

export interface DeliveryRecord {
  key: string;
  state: 'sending' | 'sent' | 'failed';
  /** When this try claimed the key (ms since epoch). */
  claimedAt: number;
  finishedAt?: number;
  /** The provider's id (Twilio SID, SMTP Message-ID); not personal. */
  providerId?: string;
  /** Non-personal failure reason. */
  reason?: string;
}

export type Claim =
  /** Nobody sent this yet: go ahead (the key is now claimed by this try). */
  | { status: 'claimed' }
  | { status: 'sent'; record: DeliveryRecord }
  | { status: 'failed'; record: DeliveryRecord }
  /** Another try claimed it recently and may still be sending: do not send, retry later. */
  | { status: 'in_flight'; record: DeliveryRecord }
  /** A try claimed it long ago and never finished (crash): it may or may not have sent. Claimed now. */
  | { status: 'uncertain'; record: DeliveryRecord };

export interface DeliveryLog {
  claim(key: DeliveryKey): Promise<Claim>;
  markSent(key: DeliveryKey, providerId?: string): Promise<void>;
  markFailed(key: DeliveryKey, reason: string): Promise<void>;
  /** Drops a claim after a transient failure: nothing was sent, the next try starts clean. */
  release(key: DeliveryKey): Promise<void>;
  read(key: DeliveryKey): Promise<DeliveryRecord | undefined>;
}

export function deliveryKeyString(key: DeliveryKey): string {
  return [key.meldingRef, key.requestId, String(key.attempt), key.channel].join('/');
}

/** A stable hash of the key: file names and Message-IDs without separators or user text. */
export function deliveryKeyHash(key: DeliveryKey): string {
  return createHash('sha256').update(deliveryKeyString(key)).digest('hex').slice(0, 40);
}

export interface FileDeliveryLogOptions {
  directory: string;
  /**
   * How long a `sending` claim is presumed alive. Longer than the slowest send (SMTP and Twilio
   * timeouts are well under a minute), so a try that timed out in Temporal but is still talking
   * to the provider is not overtaken by its retry.
   */
  leaseMs?: number;
  now?: () => number;
}

export function createFileDeliveryLog(options: FileDeliveryLogOptions): DeliveryLog {
  const leaseMs = options.leaseMs ?? 120_000;
  const now = options.now ?? Date.now;
  const dir = options.directory;
  let ready: Promise<void> | undefined;
  const ensureDir = () => (ready ??= fs.mkdir(dir, { recursive: true, mode: 0o700 }).then(() => undefined));
  const pathOf = (key: DeliveryKey) => join(dir, `${deliveryKeyHash(key)}.json`);

  async function syncDir(): Promise<void> {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async function writeTemp(record: DeliveryRecord): Promise<string> {
    const tmp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(record));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return tmp;
  }

  /** Creates the record only if none exists; false when one does. */
  async function createExclusive(path: string, record: DeliveryRecord): Promise<boolean> {
    const tmp = await writeTemp(record);
    try {
      await fs.link(tmp, path);
      await syncDir();
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      await fs.unlink(tmp).catch(() => undefined);
    }
  }

  async function replace(path: string, record: DeliveryRecord): Promise<void> {
    const tmp = await writeTemp(record);
    await fs.rename(tmp, path);
    await syncDir();
  }

  async function readPath(path: string): Promise<DeliveryRecord | undefined> {
    try {
      return JSON.parse(await fs.readFile(path, 'utf8')) as DeliveryRecord;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // Unreadable record: written files are complete (temp + link/rename), so this is outside damage.
      // Treat it as an old claim of unknown outcome rather than as "never sent".
      return { key: '(unreadable)', state: 'sending', claimedAt: 0 };
    }
  }

  return {
    async claim(key) {
      await ensureDir();
      const path = pathOf(key);
      const fresh: DeliveryRecord = { key: deliveryKeyString(key), state: 'sending', claimedAt: now() };
      if (await createExclusive(path, fresh)) return { status: 'claimed' };
      const existing = await readPath(path);
      if (existing === undefined) {
        // Released between our attempt and our read: try once more.
        return (await createExclusive(path, fresh))
          ? { status: 'claimed' }
          : { status: 'in_flight', record: fresh };
      }
      if (existing.state === 'sent') return { status: 'sent', record: existing };
      if (existing.state === 'failed') return { status: 'failed', record: existing };
      if (now() - existing.claimedAt < leaseMs) return { status: 'in_flight', record: existing };
      await replace(path, fresh);
      return { status: 'uncertain', record: existing };
    },
    async markSent(key, providerId) {
      await ensureDir();
      const path = pathOf(key);
      const previous = await readPath(path);
      await replace(path, {
        key: deliveryKeyString(key),
        state: 'sent',
        claimedAt: previous?.claimedAt ?? now(),
        finishedAt: now(),
        ...(providerId !== undefined ? { providerId } : {}),
      });
    },
    async markFailed(key, reason) {
      await ensureDir();
      const path = pathOf(key);
      const previous = await readPath(path);
      await replace(path, {
        key: deliveryKeyString(key),
        state: 'failed',
        claimedAt: previous?.claimedAt ?? now(),
        finishedAt: now(),
        reason,
      });
    },
    async release(key) {
      await fs.unlink(pathOf(key)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
    async read(key) {
      return readPath(pathOf(key));
    },
  };
}
