/**
 * Staff pages asked as staff open them: through the real intake service (its HTTP app, a staff
 * session cookie from the login form), one view after another, each timed, with the Temporal
 * calls each view made counted on the way.
 */
import { testAccounts, testCode, acceptReplayedCodes } from '../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../config/logger';
import { TEST_CONFIG } from '../testkit/intakeHarness';
import { buildServer } from '../web/server';
import { sleep, summarize } from './measure';
import { injectLogin } from '../testkit/staffLogin';

/** The Temporal calls made through a client, by kind. */
export interface CallCounts {
  /** Visibility: count and list (a list counted once, however many pages it reads). */
  visibility: number;
  /** Queries to a workflow (the case state and the other read-only queries). */
  queries: number;
  /** Describe calls (the case's status and close time). */
  describes: number;
}
type CallKind = keyof CallCounts;
const KINDS: CallKind[] = ['visibility', 'queries', 'describes'];

/**
 * The calls counted, and when each kind was first asked and last answered since `mark()`: the
 * wall time a view spent waiting on that kind (calls in parallel overlap; a view that asks one
 * kind after another adds them).
 */
export interface CallLog {
  calls: CallCounts;
  mark(): void;
  spans(): CallCounts;
}

/** Counts and times the visibility calls, queries and describes made through a client, passing them on. */
export function countingClient(client: Client): { client: Client } & CallLog {
  const calls: CallCounts = { visibility: 0, queries: 0, describes: 0 };
  let first: Partial<Record<CallKind, number>> = {};
  let last: Partial<Record<CallKind, number>> = {};
  const begin = (kind: CallKind) => {
    calls[kind] += 1;
    first[kind] ??= performance.now();
  };
  const end = (kind: CallKind) => {
    last[kind] = performance.now();
  };
  const timed =
    (kind: CallKind, fn: (...a: unknown[]) => unknown, self: unknown) =>
    (...args: unknown[]) => {
      begin(kind);
      return (fn.apply(self, args) as Promise<unknown>).finally(() => end(kind));
    };
  /** A list is asked when it is iterated: timed from the first page asked to the last read. */
  const timedList =
    (fn: (...a: unknown[]) => AsyncIterable<unknown>, self: unknown) =>
    (...args: unknown[]) => {
      const iterable = fn.apply(self, args);
      return {
        async *[Symbol.asyncIterator]() {
          begin('visibility');
          try {
            yield* iterable;
          } finally {
            end('visibility');
          }
        },
      };
    };
  const workflow = new Proxy(client.workflow, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (name === 'count') return timed('visibility', value as (...a: unknown[]) => unknown, target);
      if (name === 'list') return timedList(value as (...a: unknown[]) => AsyncIterable<unknown>, target);
      if (name === 'getHandle') {
        return (...args: unknown[]) => {
          const handle = (value as (...a: unknown[]) => Record<string, unknown>).apply(target, args);
          handle.query = timed('queries', handle.query as (...a: unknown[]) => unknown, handle);
          handle.describe = timed('describes', handle.describe as (...a: unknown[]) => unknown, handle);
          return handle;
        };
      }
      return value;
    },
  });
  return {
    client: new Proxy(client, {
      get: (target, name, receiver) =>
        name === 'workflow' ? workflow : (Reflect.get(target, name, receiver) as unknown),
    }),
    calls,
    mark() {
      first = {};
      last = {};
    },
    spans() {
      const span = (kind: CallKind) => Math.max(0, (last[kind] ?? 0) - (first[kind] ?? last[kind] ?? 0));
      return { visibility: span('visibility'), queries: span('queries'), describes: span('describes') };
    },
  };
}

/** The passwords of TEST_CONFIG's accounts the benchmark logs in with. */
const PASSWORDS: Record<string, string> = {
  ops: 'ops-wachtwoord-123',
  'cm-017': 'casemanager-wachtwoord-1',
};

export interface PageTimes {
  url: string;
  views: number;
  /** The first view (nothing cached or kept yet). */
  firstViewMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Views that did not answer 200 (left out of the percentiles), and the first one's status. */
  failed: number;
  failedStatus?: number;
  /** The calls of one view (the most any view made). */
  calls: CallCounts;
  /** Median wall time per view spent waiting on each kind of call (see CallLog). */
  waitedP50Ms: CallCounts;
}

/** The intake service over a counting client, for timing its pages. */
export interface PageBench {
  app: FastifyInstance;
  calls: CallCounts;
  /** `views` views of `url` as `staffId`, `pauseMs` apart; those not answering 200 are counted apart. */
  time(url: string, staffId: string, views: number, pauseMs: number): Promise<PageTimes>;
  close(): Promise<void>;
}

export async function pageBench(stack: { client: Client; taskQueue: string }): Promise<PageBench> {
  const counting = countingClient(stack.client);
  const app = await buildServer({
    client: counting.client,
    taskQueue: stack.taskQueue,
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent', name: 'bench-staff-pages' }),
  });
  const cookies = new Map<string, string>();
  async function cookieOf(staffId: string): Promise<string> {
    const known = cookies.get(staffId);
    if (known) return known;
    const login = await injectLogin(app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        id: staffId,
        wachtwoord: PASSWORDS[staffId] ?? '',
        code: testCode(staffId),
      }).toString(),
    });
    const session = login.cookies.find((c) => c.name === 'csg_sessie');
    if (!session) throw new Error(`bench: no session for ${staffId} (login answered ${login.statusCode})`);
    const cookie = `csg_sessie=${session.value}`;
    cookies.set(staffId, cookie);
    return cookie;
  }

  return {
    app,
    calls: counting.calls,
    async time(url, staffId, views, pauseMs) {
      const cookie = await cookieOf(staffId);
      const most: CallCounts = { visibility: 0, queries: 0, describes: 0 };
      const waited: Record<CallKind, number[]> = { visibility: [], queries: [], describes: [] };
      let failed = 0;
      let failedStatus: number | undefined;
      const view = async (): Promise<number | undefined> => {
        const before = { ...counting.calls };
        counting.mark();
        const t0 = performance.now();
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        const ms = performance.now() - t0;
        if (res.statusCode !== 200) {
          failed += 1;
          failedStatus ??= res.statusCode;
          return undefined;
        }
        const spans = counting.spans();
        for (const kind of KINDS) {
          most[kind] = Math.max(most[kind], counting.calls[kind] - before[kind]);
          waited[kind].push(spans[kind]);
        }
        return ms;
      };
      const firstViewMs = (await view()) ?? NaN;
      for (const kind of KINDS) waited[kind] = []; // the medians are of the timed views
      const times: number[] = [];
      for (let i = 0; i < views; i++) {
        if (pauseMs > 0) await sleep(pauseMs);
        const ms = await view();
        if (ms !== undefined) times.push(ms);
      }
      const s = summarize(times);
      return {
        url,
        views,
        firstViewMs: Math.round(firstViewMs),
        p50Ms: Math.round(s.p50),
        p95Ms: Math.round(s.p95),
        p99Ms: Math.round(s.p99),
        maxMs: Math.round(s.max),
        failed,
        ...(failedStatus !== undefined ? { failedStatus } : {}),
        calls: most,
        waitedP50Ms: {
          visibility: Math.round(summarize(waited.visibility).p50),
          queries: Math.round(summarize(waited.queries).p50),
          describes: Math.round(summarize(waited.describes).p50),
        },
      };
    },
    close: () => app.close(),
  };
}
