/**
 * Throttling of staff password guessing. Failed logins are counted per account id from one client
 * (the pair) and per client over all ids; a pair or a client with too many failures is refused
 * until its lock ends, even with the right password. Only failures count: a helpline centre sits
 * behind one NAT address and the whole shift logs in at once, so successful logins must never
 * lock anybody out.
 *
 * - No lock per account id alone: then anybody could lock a colleague out from anywhere by typing
 *   their id with wrong passwords. A guesser's failures lock their own pair and their own client;
 *   the real user, from their own client, logs in.
 * - A client is its IPv4 address, or its IPv6 /64 (one household or host gets a whole /64, so a
 *   guesser would otherwise get a fresh limit per address), grouped by @fastify/rate-limit's
 *   `normalizeIP`, which also reads an IPv4-mapped IPv6 address as the IPv4 one.
 * - Backoff: the first lock lasts the rest of the window; each further lock of the same key while
 *   it is remembered doubles, up to `maxLockMs`. A key is remembered after its lock ends for as
 *   long again as the lock lasted.
 * - A live lock is never evicted: memory is bounded by `maxTrackedKeys` per kind, and when that
 *   many keys are live a failure of a new key goes uncounted instead. Evicting would let a flood of
 *   junk failures lift the lock on the one account an attacker is after.
 *
 * Why not @fastify/rate-limit's limiter itself: its store is an LRU cache, which evicts the least
 * recently used keys, live locks included (the flood above); a peek (`increment: false`) ignores
 * the exponential backoff the store applied; its check is asynchronous, so a refusal check, the
 * password check and the count of its outcome would no longer happen in one turn of the event
 * loop, and parallel guesses could slip past the limit between them; and it reads Date.now()
 * itself (the clock is handed in here, so tests move time next to a live Temporal server).
 *
 * In memory, for one process. Several intake processes behind a load balancer would each count
 * on their own (an attacker gets the limits once per process): they would need a shared store.
 */
import { createHash } from 'node:crypto';
import { normalizeIP } from '@fastify/rate-limit';

export interface LoginThrottleOptions {
  /** Milliseconds since the epoch; handed in so tests move time instead of sleeping. */
  now: () => number;
  windowMs?: number;
  /** Failures of one account id from one client in a window before that pair is locked. */
  maxAccountFailures?: number;
  /** Failures from one client in a window (over all ids) before that client is locked. */
  maxClientFailures?: number;
  /** The longest a lock grows to by backoff. */
  maxLockMs?: number;
  /** Keys remembered per kind (pairs, clients): random ids or addresses cannot exhaust memory. */
  maxTrackedKeys?: number;
}

export const LOGIN_THROTTLE_DEFAULTS = {
  windowMs: 15 * 60 * 1000,
  maxAccountFailures: 10,
  maxClientFailures: 50,
  maxLockMs: 4 * 60 * 60 * 1000,
  maxTrackedKeys: 100_000,
} as const;

/** IPv6 clients are grouped by their /64. */
export const IPV6_CLIENT_PREFIX = 64;

/** Which limit refused or tripped: the account id's from this client, or the client's. */
export type ThrottleScope = 'account' | 'client';

export interface LoginAttemptKeys {
  /** The id as typed; undefined when the request carried none (only the client counts then). */
  accountId: string | undefined;
  clientIp: string;
}

export interface ThrottleRefusal {
  scope: ThrottleScope;
  /** Until the refusing lock ends; at least 1. */
  retryAfterSeconds: number;
}

export interface LoginThrottle {
  /** Whether this attempt must be refused before its password is even looked at. */
  refusal(keys: LoginAttemptKeys): ThrottleRefusal | undefined;
  /** Counts a failed attempt; returns the limits that this very failure reached (to log once). */
  recordFailure(keys: LoginAttemptKeys): ThrottleScope[];
  /** Clears the id's failures from this client; the client's stay, or a guesser could reset them with their own account. */
  recordSuccess(keys: LoginAttemptKeys): void;
  /** How many pairs and clients are remembered now (for tests and diagnostics). */
  trackedKeys(): { accounts: number; clients: number };
}

interface Entry {
  windowStart: number;
  failures: number;
  /** Locks so far while remembered: the next lasts windowMs × 2^locks. */
  locks: number;
  lockedUntil: number;
  /** When the key may be forgotten: its window over, its lock over and as long again. */
  forgetAt: number;
}

class FailureCounts {
  private readonly entries = new Map<string, Entry>();
  /** No full sweep before this: the earliest forgetAt the last sweep left behind. */
  private nextSweepAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxLockMs: number,
    private readonly maxKeys: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again, or undefined when it is not locked. */
  lockedFor(key: string): number | undefined {
    const lockedUntil = this.entries.get(key)?.lockedUntil ?? 0;
    const now = this.now();
    return lockedUntil > now ? lockedUntil - now : undefined;
  }

  /** Counts a failure; true when this failure locked the key. */
  fail(key: string): boolean {
    const now = this.now();
    this.pruneFront(now);
    let entry = this.entries.get(key);
    if (entry && now >= entry.forgetAt) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      if (!this.hasRoom(now)) return false;
      entry = { windowStart: now, failures: 0, locks: 0, lockedUntil: 0, forgetAt: now + this.windowMs };
      this.entries.set(key, entry);
    }
    if (now >= entry.windowStart + this.windowMs) {
      entry.windowStart = now;
      entry.failures = 0;
    }
    entry.failures += 1;
    entry.forgetAt = Math.max(entry.forgetAt, entry.windowStart + this.windowMs);
    if (entry.failures < this.limit) return false;
    const lockMs = Math.min(this.windowMs * 2 ** entry.locks, this.maxLockMs);
    entry.locks += 1;
    entry.lockedUntil = entry.windowStart + lockMs;
    // The count starts anew when the lock ends.
    entry.windowStart = entry.lockedUntil;
    entry.failures = 0;
    entry.forgetAt = entry.lockedUntil + lockMs;
    return true;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Cheap upkeep on every failure: forgettable keys at the front (the oldest) go. */
  private pruneFront(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now < entry.forgetAt) return;
      this.entries.delete(key);
    }
  }

  /** Room for a new key: when full, every forgettable key goes, but never a remembered one. */
  private hasRoom(now: number): boolean {
    if (this.entries.size < this.maxKeys) return true;
    if (now < this.nextSweepAt) return false;
    let earliest = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this.entries) {
      if (now >= entry.forgetAt) this.entries.delete(key);
      else earliest = Math.min(earliest, entry.forgetAt);
    }
    this.nextSweepAt = earliest;
    return this.entries.size < this.maxKeys;
  }
}

/** The client: an IPv4 address, or the /64 of an IPv6 one. */
export function clientKey(ip: string): string {
  try {
    return normalizeIP(ip, IPV6_CLIENT_PREFIX);
  } catch {
    return ip; // an address the parser cannot read is counted as it is
  }
}

/** Ids are keyed by digest: a fixed size per entry whatever was typed, and no ids kept in clear. */
function pairKey(accountId: string, client: string): string {
  return `${createHash('sha256').update(accountId, 'utf8').digest('base64url')} ${client}`;
}

export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const windowMs = options.windowMs ?? LOGIN_THROTTLE_DEFAULTS.windowMs;
  const maxLockMs = options.maxLockMs ?? LOGIN_THROTTLE_DEFAULTS.maxLockMs;
  const maxKeys = options.maxTrackedKeys ?? LOGIN_THROTTLE_DEFAULTS.maxTrackedKeys;
  const pairs = new FailureCounts(
    options.maxAccountFailures ?? LOGIN_THROTTLE_DEFAULTS.maxAccountFailures,
    windowMs,
    maxLockMs,
    maxKeys,
    options.now,
  );
  const clients = new FailureCounts(
    options.maxClientFailures ?? LOGIN_THROTTLE_DEFAULTS.maxClientFailures,
    windowMs,
    maxLockMs,
    maxKeys,
    options.now,
  );

  return {
    refusal(keys) {
      const client = clientKey(keys.clientIp);
      const locks: ThrottleRefusal[] = [];
      const pairMs =
        keys.accountId === undefined ? undefined : pairs.lockedFor(pairKey(keys.accountId, client));
      if (pairMs !== undefined) locks.push({ scope: 'account', retryAfterSeconds: toSeconds(pairMs) });
      const clientMs = clients.lockedFor(client);
      if (clientMs !== undefined) locks.push({ scope: 'client', retryAfterSeconds: toSeconds(clientMs) });
      // Both locked: name the later end, or the caller comes back only to be refused again.
      return locks.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
    },
    recordFailure(keys) {
      const client = clientKey(keys.clientIp);
      const tripped: ThrottleScope[] = [];
      if (keys.accountId !== undefined && pairs.fail(pairKey(keys.accountId, client)))
        tripped.push('account');
      if (clients.fail(client)) tripped.push('client');
      return tripped;
    },
    recordSuccess(keys) {
      if (keys.accountId !== undefined) pairs.forget(pairKey(keys.accountId, clientKey(keys.clientIp)));
    },
    trackedKeys() {
      return { accounts: pairs.size, clients: clients.size };
    },
  };
}

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
