/**
 * Throttling of staff password guessing: failed logins are counted per account id and per client
 * IP in fixed windows, and an id or IP with too many failures is refused until its window ends,
 * even with the right password. Only failures count: a helpline centre sits behind one NAT
 * address and the whole shift logs in at once, so successful logins must never lock anybody out.
 *
 * Why not @fastify/rate-limit: since 11.2 it can peek without counting, so a route could count
 * failures only, but it has no way to forget a key (a successful login must clear its id's
 * failures), it reads Date.now() itself (the window cannot be tested without faking global time
 * next to a live Temporal server), and its key comes from a keyGenerator over the request, while
 * the id arrives in three shapes (form body, JSON body, Basic header) and is only known after
 * parsing. What is left is a counter per key: small enough to own.
 *
 * Every call is synchronous, so a refusal check, the password check and the count of its outcome
 * happen in one turn of the event loop: parallel guesses cannot slip past the limit between them.
 *
 * In memory, for one intake process. Several intake processes behind a load balancer would each
 * count on their own (an attacker gets the limits once per process): they would need a shared
 * store (e.g. Redis with an atomic increment and expiry) instead of these maps.
 */
import { createHash } from 'node:crypto';

export interface LoginThrottleOptions {
  /** Milliseconds since the epoch; handed in so tests move time instead of sleeping. */
  now: () => number;
  windowMs?: number;
  /** Failures of one account id in a window before that id is refused. */
  maxAccountFailures?: number;
  /** Failures from one client IP in a window (over all ids) before that IP is refused. */
  maxClientFailures?: number;
  /** Keys tracked per kind (ids, IPs): an attacker sending random ids cannot exhaust memory. */
  maxTrackedKeys?: number;
}

export const LOGIN_THROTTLE_DEFAULTS = {
  windowMs: 15 * 60 * 1000,
  maxAccountFailures: 10,
  maxClientFailures: 50,
  maxTrackedKeys: 10_000,
} as const;

/** Which limit refused or tripped: the account id's or the client IP's. */
export type ThrottleScope = 'account' | 'client';

export interface LoginAttemptKeys {
  /** The id as typed; undefined when the request carried none (only the IP counts then). */
  accountId: string | undefined;
  clientIp: string;
}

export interface ThrottleRefusal {
  scope: ThrottleScope;
  /** Until the window of the refusing limit ends; at least 1. */
  retryAfterSeconds: number;
}

export interface LoginThrottle {
  /** Whether this attempt must be refused before its password is even looked at. */
  refusal(keys: LoginAttemptKeys): ThrottleRefusal | undefined;
  /** Counts a failed attempt; returns the limits that this very failure reached (to log once). */
  recordFailure(keys: LoginAttemptKeys): ThrottleScope[];
  /** Clears the id's failures; the IP's stay, or a guesser could reset them with their own account. */
  recordSuccess(keys: LoginAttemptKeys): void;
  /** How many ids and IPs are tracked now (for tests and diagnostics). */
  trackedKeys(): { accounts: number; clients: number };
}

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Failures per key in fixed windows that start at a key's first failure. A Map keeps insertion
 * order and a window is re-inserted when it starts anew, so the oldest windows are always at the
 * front: expired ones are pruned from there, and when the map is full of live windows the oldest
 * is evicted. Evicting a live lock lets that key try again early; refusing new keys instead would
 * let an attacker lock every login out by filling the map, and the helpline must stay reachable.
 */
class FailureWindows {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the key may try again, or undefined when it is not locked. */
  lockedFor(key: string): number | undefined {
    const now = this.now();
    const window = this.live(key, now);
    if (!window || window.failures < this.limit) return undefined;
    return window.startedAt + this.windowMs - now;
  }

  /** Counts a failure; true when this failure reached the limit. */
  fail(key: string): boolean {
    const now = this.now();
    this.pruneExpired(now);
    let window = this.live(key, now);
    if (!window) {
      this.windows.delete(key);
      while (this.windows.size >= this.maxKeys) this.evictOldest();
      window = { startedAt: now, failures: 0 };
      this.windows.set(key, window);
    }
    window.failures += 1;
    return window.failures === this.limit;
  }

  forget(key: string): void {
    this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }

  private live(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    return window && now < window.startedAt + this.windowMs ? window : undefined;
  }

  private pruneExpired(now: number): void {
    for (const [key, window] of this.windows) {
      if (now < window.startedAt + this.windowMs) return;
      this.windows.delete(key);
    }
  }

  private evictOldest(): void {
    const oldest = this.windows.keys().next();
    if (!oldest.done) this.windows.delete(oldest.value);
  }
}

/** Ids are keyed by digest: a fixed size per entry whatever was typed, and no ids kept in clear. */
function accountKey(accountId: string): string {
  return createHash('sha256').update(accountId, 'utf8').digest('base64url');
}

export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const windowMs = options.windowMs ?? LOGIN_THROTTLE_DEFAULTS.windowMs;
  const maxKeys = options.maxTrackedKeys ?? LOGIN_THROTTLE_DEFAULTS.maxTrackedKeys;
  const accounts = new FailureWindows(
    options.maxAccountFailures ?? LOGIN_THROTTLE_DEFAULTS.maxAccountFailures,
    windowMs,
    maxKeys,
    options.now,
  );
  const clients = new FailureWindows(
    options.maxClientFailures ?? LOGIN_THROTTLE_DEFAULTS.maxClientFailures,
    windowMs,
    maxKeys,
    options.now,
  );

  return {
    refusal(keys) {
      const locks: ThrottleRefusal[] = [];
      const accountMs =
        keys.accountId === undefined ? undefined : accounts.lockedFor(accountKey(keys.accountId));
      if (accountMs !== undefined) locks.push({ scope: 'account', retryAfterSeconds: toSeconds(accountMs) });
      const clientMs = clients.lockedFor(keys.clientIp);
      if (clientMs !== undefined) locks.push({ scope: 'client', retryAfterSeconds: toSeconds(clientMs) });
      // Both locked: name the later end, or the caller comes back only to be refused again.
      return locks.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
    },
    recordFailure(keys) {
      const tripped: ThrottleScope[] = [];
      if (keys.accountId !== undefined && accounts.fail(accountKey(keys.accountId))) tripped.push('account');
      if (clients.fail(keys.clientIp)) tripped.push('client');
      return tripped;
    },
    recordSuccess(keys) {
      if (keys.accountId !== undefined) accounts.forget(accountKey(keys.accountId));
    },
    trackedKeys() {
      return { accounts: accounts.size, clients: clients.size };
    },
  };
}

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
