/**
 * The stack every Chromium test of the staff pages stands on: the intake service with its own
 * dev server and worker (`startIntakeHarness`), listening on a free port so the browser can reach
 * it, and one headless Chromium. Registers its own beforeAll/afterAll, so a suite writes one line.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { freePort } from './processes';
import { startIntakeHarness, type IntakeHarness } from './intakeHarness';

export interface BrowserStack {
  /** The intake harness: its Fastify app, Temporal client, sent messages. */
  readonly h: IntakeHarness;
  readonly browser: Browser;
  /** The service's address, e.g. http://127.0.0.1:40123 (also its public base for links). */
  readonly base: string;
}

export function useBrowserStack(): BrowserStack {
  let h: IntakeHarness | undefined;
  let browser: Browser | undefined;
  let base: string | undefined;
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    h = await startIntakeHarness({ publicBaseUrl: base });
    await h.app.listen({ host: '127.0.0.1', port });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`the browser stack's ${what} is not up (used before beforeAll?)`);
    return value;
  };
  return {
    get h() {
      return ready(h, 'intake harness');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
    get base() {
      return ready(base, 'address');
    },
  };
}
