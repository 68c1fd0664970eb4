/**
 * The stack the page tour walks (testkit/pageTour.ts): a throwaway Temporal dev server, a worker
 * with the real workflow, the intake service, the same service two days on for the ops overview,
 * the codec server and Debian's Chromium; the walk's variants (language, size, invented person)
 * and the small moves every step makes (open a page expecting its status, log in).
 */
import { acceptReplayedCodes, testAccounts, testCode } from './staffAccounts';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildCodecServer } from '../codec/server';
import { createLogger } from '../config/logger';
import { AesGcmPayloadCodec } from '../config/payloadCodec';
import { buildServer } from '../web/server';
import { launchChromium } from './browser';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from './intakeHarness';
import { freePort } from './processes';
import { TEST_PAYLOAD_KEYS } from './temporal';

/** Longest any one page may take to load or answer; the pages answer in well under a second. */
export const PAGE_TIMEOUT_MS = 20_000;
/** The ops overview is shown as ops would see it two days on, when the sample requests are overdue. */
const OPS_CLOCK_AHEAD_MS = 2 * 24 * 3600_000;
/** The time of the ops-later service. */
export const opsLaterClock = () => new Date(Date.now() + OPS_CLOCK_AHEAD_MS);

export const SIZES = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type Size = keyof typeof SIZES;

/** One walk through the pages: a language and a size, and the invented person of its case. */
export interface Variant {
  lang: 'nl' | 'en';
  locale: string;
  size: Size;
  yesterday: string;
  person: { name: string; phone: string };
}

/** Clearly invented people; the numbers are in the range the test fixtures use. */
export const VARIANTS: Variant[] = [
  {
    lang: 'nl',
    locale: 'nl-NL',
    size: 'desktop',
    yesterday: 'gisteren',
    person: { name: 'Fenna Fictief', phone: '0612300011' },
  },
  {
    lang: 'nl',
    locale: 'nl-NL',
    size: 'phone',
    yesterday: 'gisteren',
    person: { name: 'Vera Verzonnen', phone: '0612300012' },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    size: 'desktop',
    yesterday: 'yesterday',
    person: { name: 'Pim Proefpersoon', phone: '0612300013' },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    size: 'phone',
    yesterday: 'yesterday',
    person: { name: 'Tessa Testgeval', phone: '0612300014' },
  },
];

/** A page of the tour that did not load; the message names the page, language and size. */
export class PageFailed extends Error {}

/**
 * Called at every page once it stands as a person sees it; `part` names the section a long
 * page's screenshot shows (a form far down the case page).
 */
export type Visit = (name: string, on: Page, part?: string) => Promise<void>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives a value, at most `timeoutMs`; `what` names the wait in the error. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(250);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

export interface TourStack {
  h: IntakeHarness;
  base: string;
  /** The same service two days on, for the ops overview; on another host name, so its cookies are its own. */
  opsLater: FastifyInstance;
  opsLaterBase: string;
  codec: FastifyInstance;
  codecBase: string;
  browser: Browser;
}

/**
 * Starts everything the pages need; `running` is filled as parts start, so a watchdog can stop
 * what is up if a start hangs.
 */
export async function startTourStack(
  running: Partial<TourStack> = {},
  say: (line: string) => void = () => undefined,
): Promise<TourStack> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  say('starting a throwaway Temporal dev server, a worker and the intake service');
  const h = await startIntakeHarness({ publicBaseUrl: base });
  const stack = Object.assign(running, { h, base });
  try {
    await h.app.listen({ host: '127.0.0.1', port });
    const laterPort = await freePort();
    stack.opsLater = await buildServer({
      client: h.client,
      taskQueue: h.taskQueue,
      config: { ...TEST_CONFIG, PUBLIC_BASE_URL: base },
      accounts: await testAccounts(TEST_CONFIG),
      totpReplays: acceptReplayedCodes,
      logger: createLogger({ level: 'silent', name: 'tour-ops-later' }),
      clock: opsLaterClock,
    });
    await stack.opsLater.listen({ host: '127.0.0.1', port: laterPort });
    stack.opsLaterBase = `http://localhost:${laterPort}`;
    const codecPort = await freePort();
    stack.codecBase = `http://127.0.0.1:${codecPort}`;
    stack.codec = await buildCodecServer({
      codec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
      config: {
        CODEC_PUBLIC_URL: stack.codecBase,
        CODEC_UI_ORIGINS: ['http://localhost:8233'],
      },
      accounts: await testAccounts({
        STAFF_ACCOUNTS: 'ops:ops-wachtwoord-123',
        OPS_STAFF_IDS: 'ops',
      }),
      totpReplays: acceptReplayedCodes,
      logger: createLogger({ level: 'silent', name: 'tour-codec' }),
    });
    await stack.codec.listen({ host: '127.0.0.1', port: codecPort });
    stack.browser = await launchChromium();
    return stack as TourStack;
  } catch (error) {
    await stopTourStack(stack);
    throw error;
  }
}

export async function stopTourStack(stack: Partial<TourStack>): Promise<void> {
  await stack.browser?.close().catch(() => undefined);
  await stack.codec?.close().catch(() => undefined);
  await stack.opsLater?.close().catch(() => undefined);
  await stack.h?.stop().catch(() => undefined);
}

/** The pages' own status pages are visited on purpose; any other status ends the page. */
export async function go(on: Page, url: string, expected = 200): Promise<void> {
  const response = await on.goto(url);
  const status = response?.status() ?? 0;
  if (status !== expected) throw new Error(`${url} answered ${status}, not ${expected}`);
}

/** Logs in with the account's code at `when`: the service's time (the ops-later one runs ahead). */
export async function login(
  on: Page,
  at: string,
  next: string,
  id: string,
  password: string,
  when: Date = new Date(),
): Promise<void> {
  await go(on, `${at}${next}`);
  await on.fill('#id', id);
  await on.fill('#wachtwoord', password);
  await on.fill('#code', testCode(id, when));
  await Promise.all([on.waitForURL(`${at}${next}`), on.press('#code', 'Enter')]);
}
