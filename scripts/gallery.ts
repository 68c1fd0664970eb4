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
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Page } from 'playwright-core';
import {
  PAGE_TIMEOUT_MS,
  PageFailed,
  SIZES,
  startTourStack,
  stopTourStack,
  tour,
  VARIANTS,
  type TourStack,
  type Variant,
} from '../testkit/pageTour';
import { projectRoot } from '../testkit/tools';
import { GALLERY_DOCS_DIR } from './galleryCaptions';
import { writeDocs } from './galleryDocs';

const OUT = join(projectRoot, '.data', 'screenshots', 'gallery');
const DOCS = join(projectRoot, 'docs', GALLERY_DOCS_DIR);
/** The whole run, servers included; it takes about a minute and a half on an idle machine. */
const RUN_TIMEOUT_MS = 6 * 60_000;

function say(line: string): void {
  process.stdout.write(`[gallery] ${line}\n`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The stack of this run, for the watchdog to stop before it gives up. */
const running: Partial<TourStack> = {};

/** One walk: every page of the tour, each screenshot named `<page>-<lang>-<size>.png`. */
async function walk(stack: TourStack, v: Variant): Promise<string[]> {
  const written: string[] = [];
  await tour(stack, v, async (name: string, on: Page, part?: string) => {
    const file = `${name}-${v.lang}-${v.size}.png`;
    const path = join(OUT, file);
    try {
      if (part) await on.locator(part).screenshot({ path, animations: 'disabled' });
      else await on.screenshot({ path, fullPage: true, animations: 'disabled' });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new PageFailed(`the page "${name}" (${v.lang}, ${v.size}) could not be shot: ${message}`);
    }
    written.push(file);
  });
  return written;
}

async function main(): Promise<void> {
  const started = Date.now();
  // The worker's own log stays quiet unless something goes wrong.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const stack = await startTourStack(running, say);
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
    await stopTourStack(stack);
  }
  const kept = readdirSync(DOCS).reduce((sum, f) => sum + statSync(join(DOCS, f)).size, 0);
  say(
    `done in ${Math.round((Date.now() - started) / 1000)} s (docs/${GALLERY_DOCS_DIR}: ${Math.round(kept / 1024)} KB)`,
  );
}

// A run that hangs anywhere (a server that never starts included) ends here, its servers stopped.
const watchdog = setTimeout(() => {
  process.stderr.write(`[gallery] failed: not finished after ${RUN_TIMEOUT_MS / 1000} s\n`);
  void Promise.race([stopTourStack(running), sleep(15_000)]).finally(() => process.exit(1));
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
