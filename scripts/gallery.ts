/**
 * The gallery: a screenshot of every page a person reads, so a reviewer sees the pages without
 * running the stack. `npm run gallery` starts what the pages need as the browser tests do (a
 * throwaway Temporal dev server, a worker with the real workflow, the intake service and the codec
 * server in this process, Debian's Chromium headless), walks through sample cases with invented
 * people at desktop and phone size in Dutch and English, and writes every screenshot into
 * .data/screenshots/gallery/ (not in git). A chosen few are copied, each kept small, into
 * docs/gallery/, and docs/gallery.md is written anew to list them.
 *
 * Every wait is bounded; a page that does not load ends the run with a message naming it.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildCodecServer } from '../codec/server';
import { createLogger } from '../config/logger';
import { AesGcmPayloadCodec } from '../config/payloadCodec';
import { buildServer } from '../web/server';
import { decide, getCaseState, startMelding } from '../cases/meldingClient';
import { buildIntake } from '../testkit/meldingFixtures';
import { launchChromium } from '../testkit/browser';
import { startIntakeHarness, TEST_CONFIG, type IntakeHarness } from '../testkit/intakeHarness';
import { freePort } from '../testkit/processes';
import { TEST_PAYLOAD_KEYS } from '../testkit/temporal';
import { projectRoot } from '../testkit/tools';
import { GALLERY_DOCS_DIR } from './galleryCaptions';
import { writeDocs } from './galleryDocs';

const OUT = join(projectRoot, '.data', 'screenshots', 'gallery');
const DOCS = join(projectRoot, 'docs', GALLERY_DOCS_DIR);
/** Longest any one page may take to load or answer; the pages answer in well under a second. */
const PAGE_TIMEOUT_MS = 20_000;
/** The whole run, servers included; it takes about a minute and a half on an idle machine. */
const RUN_TIMEOUT_MS = 6 * 60_000;
/** The ops overview is shown as ops would see it two days on, when the sample requests are overdue. */
const OPS_CLOCK_AHEAD_MS = 2 * 24 * 3600_000;

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
type Size = keyof typeof SIZES;

/** One walk through the pages: a language and a size, and the invented person of its case. */
interface Variant {
  lang: 'nl' | 'en';
  locale: string;
  size: Size;
  yesterday: string;
  person: { name: string; phone: string };
}

/** Clearly invented people; the numbers are in the range the test fixtures use. */
const VARIANTS: Variant[] = [
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

class PageFailed extends Error {}

function say(line: string): void {
  process.stdout.write(`[gallery] ${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives a value, at most `timeoutMs`; `what` names the wait in the error. */
async function waitFor<T>(
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

interface Stack {
  h: IntakeHarness;
  base: string;
  /** The same service two days on, for the ops overview; on another host name, so its cookies are its own. */
  opsLater: FastifyInstance;
  opsLaterBase: string;
  codec: FastifyInstance;
  codecBase: string;
  browser: Browser;
}

/** The stack of this run, for the watchdog to stop before it gives up. */
const running: Partial<Stack> = {};

async function startStack(): Promise<Stack> {
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
      logger: createLogger({ level: 'silent', name: 'gallery-ops-later' }),
      clock: () => new Date(Date.now() + OPS_CLOCK_AHEAD_MS),
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
        CODEC_OPS_ACCOUNTS: 'ops:ops-wachtwoord-123',
        CODEC_SESSION_SECRET: 'gallery-codec-session-secret-0123456789',
      },
      logger: createLogger({ level: 'silent', name: 'gallery-codec' }),
    });
    await stack.codec.listen({ host: '127.0.0.1', port: codecPort });
    stack.browser = await launchChromium();
    return stack as Stack;
  } catch (error) {
    await stopStack(stack);
    throw error;
  }
}

async function stopStack(stack: Partial<Stack>): Promise<void> {
  await stack.browser?.close().catch(() => undefined);
  await stack.codec?.close().catch(() => undefined);
  await stack.opsLater?.close().catch(() => undefined);
  await stack.h?.stop().catch(() => undefined);
}

/** One walk: every page in order, each screenshot named `<page>-<lang>-<size>.png`. */
async function walk(stack: Stack, v: Variant): Promise<string[]> {
  const written: string[] = [];
  const context = await stack.browser.newContext({ locale: v.locale, viewport: SIZES[v.size] });
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  const page = await context.newPage();
  const { base, h } = stack;

  /**
   * Runs one page's steps and takes its screenshot, of the whole page or of its `part` (a form far
   * down a long page); any failure names the page.
   */
  async function shot(
    name: string,
    steps: () => Promise<void>,
    on: Page = page,
    part?: string,
  ): Promise<void> {
    try {
      await steps();
      const file = `${name}-${v.lang}-${v.size}.png`;
      const path = join(OUT, file);
      if (part) await on.locator(part).screenshot({ path, animations: 'disabled' });
      else await on.screenshot({ path, fullPage: true, animations: 'disabled' });
      written.push(file);
    } catch (error) {
      // Playwright's first line says what timed out, a later one what it waited for.
      const message = error instanceof Error ? error.message : String(error);
      const lines = stripVTControlCharacters(message).split('\n');
      const why = [lines[0], lines.find((l) => l.includes('waiting for'))?.trim()].filter(Boolean).join(' ');
      throw new PageFailed(`the page "${name}" (${v.lang}, ${v.size}) did not load: ${why}`);
    }
  }

  async function go(on: Page, url: string): Promise<void> {
    const response = await on.goto(url);
    const status = response?.status() ?? 0;
    if (status >= 400) throw new Error(`${url} answered ${status}`);
  }

  async function login(on: Page, at: string, next: string, id: string, password: string): Promise<void> {
    await go(on, `${at}${next}`);
    await on.fill('#id', id);
    await on.fill('#wachtwoord', password);
    await Promise.all([on.waitForURL(`${at}${next}`), on.press('#wachtwoord', 'Enter')]);
  }

  await shot('login', async () => {
    await go(page, `${base}/meldingen/nieuw`);
    await page.waitForSelector('#wachtwoord');
  });
  await login(page, base, '/meldingen/nieuw', 'helpline-017', 'helpline-wachtwoord-1');
  await shot('intake-empty', async () => {
    await page.waitForSelector('#kanaal');
  });

  // A melding as it comes in on the phone: still undecided about the police, wanting medical care;
  // first with a phone number the form refuses.
  await shot('intake-problems', async () => {
    await page.check('#beller-slachtoffer');
    await page.check('#tijdsoort-exact');
    await page.fill('#datum', v.yesterday);
    await page.fill('#tijd', '23:00');
    await page.fill('#leeftijd', '24');
    await page.fill('#gemeente', 'Maastricht');
    await page.check('#politie-twijfel');
    await page.check('#medisch-ja');
    await page.fill('#naam', v.person.name);
    await page.fill('#telefoon', 'bel me');
    await page.check('#veilig-bellen');
    await Promise.all([page.waitForEvent('load'), page.press('#telefoon', 'Enter')]);
    await page.waitForSelector('#samenvatting');
  });
  await shot('triage-result', async () => {
    await page.fill('#telefoon', v.person.phone);
    await Promise.all([page.waitForEvent('load'), page.press('#telefoon', 'Enter')]);
    await page.waitForSelector('#resultaat');
  });
  const reference = (await page.textContent('#referentie'))?.trim() ?? '';
  if (!reference) throw new PageFailed(`the page "triage-result" (${v.lang}, ${v.size}) shows no reference`);

  // The partner requests go out at once; the case page then lists them as open.
  await waitFor(
    `the requests of ${reference}`,
    () => (h.sent.some((s) => s.message.meldingRef === reference) ? true : undefined),
    PAGE_TIMEOUT_MS,
  );
  await shot('decision-confirm', async () => {
    await go(page, `${base}/meldingen/${reference}`);
    await page.selectOption('#toestemming-role', 'zedenpolitie');
    await page.check('#toestemming-given-true');
    await Promise.all([page.waitForEvent('load'), page.click('#toestemming-verder')]);
    await page.waitForSelector('#bevestiging');
  });
  await shot('case-page', async () => {
    await Promise.all([page.waitForEvent('load'), page.click('#bevestigen')]);
    await page.waitForSelector('#gedaan');
    await page.check('#politiewens-wish-ja');
    await Promise.all([page.waitForEvent('load'), page.click('#politiewens-verder')]);
    await page.waitForSelector('#bevestiging');
    await Promise.all([page.waitForEvent('load'), page.click('#bevestigen')]);
    await page.waitForSelector('#gedaan');
    await page.waitForSelector('#tijdlijn');
  });

  // Visibility follows a start shortly after: a search before it finds nothing and is repeated.
  await shot('find-hit', async () => {
    await waitFor(
      `a search by phone finding ${reference}`,
      async () => {
        await go(page, `${base}/meldingen/zoeken`);
        await page.fill('#telefoon', v.person.phone);
        await Promise.all([page.waitForEvent('load'), page.press('#telefoon', 'Enter')]);
        const hit = page.locator('tbody tr a', { hasText: reference });
        return (await hit.count()) > 0 ? true : undefined;
      },
      PAGE_TIMEOUT_MS,
    );
  });

  // The casemanager's handover link, as it arrives in the mail: no login.
  const partner = await context.newPage();
  await shot(
    'partner-handover',
    async () => {
      const link = await waitFor(
        `the handover link of ${reference}`,
        () =>
          h.sent.find(
            (s) => s.message.meldingRef === reference && s.message.requestId === 'casemanager_overdracht',
          )?.actionUrl,
        PAGE_TIMEOUT_MS,
      );
      await go(partner, link);
      await partner.waitForSelector('h1');
    },
    partner,
  );

  await walkAsCasemanager(stack, v, reference, shot, login);

  const ops = await context.newPage();
  await shot(
    'ops-overview',
    async () => {
      await login(ops, stack.opsLaterBase, '/ops', 'ops', 'ops-wachtwoord-123');
      await ops.waitForSelector('#referentie');
    },
    ops,
  );
  await shot(
    'ops-case',
    async () => {
      await go(ops, `${stack.opsLaterBase}/ops/meldingen/${reference}`);
      await ops.waitForSelector('main');
    },
    ops,
  );
  await shot(
    'codec-login',
    async () => {
      await go(ops, `${stack.codecBase}/inloggen`);
      await ops.waitForSelector('form');
    },
    ops,
  );
  await context.close();
  return written;
}

type Shot = (name: string, steps: () => Promise<void>, on: Page, part?: string) => Promise<void>;
type Login = (on: Page, at: string, next: string, id: string, password: string) => Promise<void>;

/**
 * The casemanager's pages, in a session of their own (the helpline may not correct the age): the age correction of the walk's case and
 * its confirmation (at 14 the FMO moves to the NFI; not confirmed, so the case stays as it is),
 * then the same person again: a closed melding reopened, and the new one linked to the walk's case;
 * last their worklist, with a case they took over.
 */
async function walkAsCasemanager(
  stack: Stack,
  v: Variant,
  reference: string,
  shot: Shot,
  login: Login,
): Promise<void> {
  const { base, h } = stack;
  const context = await stack.browser.newContext({ locale: v.locale, viewport: SIZES[v.size] });
  context.setDefaultTimeout(PAGE_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
  const cm = await context.newPage();
  const load = (selector: string) => Promise.all([cm.waitForEvent('load'), cm.click(selector)]);
  try {
    await login(cm, base, `/meldingen/${reference}`, 'cm-017', 'casemanager-wachtwoord-1');
    await shot(
      'correction-form',
      async () => {
        await cm.fill('#leeftijd-victimAge', '14');
        await cm.selectOption('#leeftijd-reason', 'invoerfout');
      },
      cm,
      '#besluit-leeftijd',
    );
    await shot(
      'correction-confirm',
      async () => {
        await load('#leeftijd-verder');
        await cm.waitForSelector('#gevolgen');
      },
      cm,
    );

    // An earlier melding of the same person, withdrawn and closed, then reopened from its page.
    const earlier = buildIntake({ municipality: 'Maastricht' });
    await startMelding(h.client, h.taskQueue, earlier);
    await decide(h.client, earlier.reference, { type: 'intrekking', input: { by: 'helpline-017' } });
    await h.client.workflow.getHandle(earlier.reference).result();
    await shot(
      'case-links',
      async () => {
        await cm.goto(`${base}/meldingen/${earlier.reference}`);
        await cm.selectOption('#heropenen-reason', 'opnieuw_contact');
        await load('#heropenen-verder');
        await load('#bevestigen');
        await cm.waitForSelector('#heropend-vanuit');
        await cm.fill('#koppelen-reference', reference);
        await load('#koppelen-verder');
        await load('#bevestigen');
        await cm.waitForSelector('#gekoppeld-aan');
      },
      cm,
      '#koppelingen',
    );

    // The casemanager's start page, with a case they took over (visibility lists it a moment later).
    const mine = buildIntake({ municipality: 'Heerlen', wishes: { police: 'nee', medicalCare: 'nee' } });
    await startMelding(h.client, h.taskQueue, mine);
    await waitFor(
      'the handover request',
      async () =>
        (await getCaseState(h.client, mine.reference)).openRequests.some(
          (r) => r.kind === 'casemanager_overdracht',
        ) || undefined,
      PAGE_TIMEOUT_MS,
    );
    await decide(h.client, mine.reference, {
      type: 'ontvangstbevestiging',
      input: { requestId: 'casemanager_overdracht', by: 'cm-017' },
    });
    await shot(
      'worklist',
      async () => {
        await waitFor(
          'the case on the worklist',
          async () => {
            await cm.goto(`${base}/mijn-casussen`);
            return (await cm.locator(`#melding-${mine.reference}`).count()) > 0 || undefined;
          },
          PAGE_TIMEOUT_MS,
        );
      },
      cm,
    );
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  // The worker's own log stays quiet unless something goes wrong.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const stack = await startStack();
  try {
    const written = new Set<string>();
    for (const variant of VARIANTS) {
      say(`pages in ${variant.lang} at ${variant.size} size`);
      for (const file of await walk(stack, variant)) written.add(file);
    }
    say(`${written.size} screenshots in .data/screenshots/gallery/`);
    await writeDocs(stack.browser, written, {
      from: OUT,
      to: DOCS,
      timeoutMs: PAGE_TIMEOUT_MS,
      sizes: SIZES,
      say,
    });
  } finally {
    await stopStack(stack);
  }
  const kept = readdirSync(DOCS).reduce((sum, f) => sum + statSync(join(DOCS, f)).size, 0);
  say(
    `done in ${Math.round((Date.now() - started) / 1000)} s (docs/${GALLERY_DOCS_DIR}: ${Math.round(kept / 1024)} KB)`,
  );
}

// A run that hangs anywhere (a server that never starts included) ends here, its servers stopped.
const watchdog = setTimeout(() => {
  process.stderr.write(`[gallery] failed: not finished after ${RUN_TIMEOUT_MS / 1000} s\n`);
  void Promise.race([stopStack(running), sleep(15_000)]).finally(() => process.exit(1));
}, RUN_TIMEOUT_MS);

main().then(
  () => {
    clearTimeout(watchdog);
    process.exit(0);
  },
  (error: unknown) => {
    const message =
      error instanceof PageFailed ? error.message : error instanceof Error ? error.stack : error;
    process.stderr.write(`[gallery] failed: ${String(message)}\n`);
    process.exit(1);
  },
);
