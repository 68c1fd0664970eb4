/**
 * The gallery's copies in docs/: each chosen screenshot kept small (Chromium draws it smaller or
 * cuts a long page, no image library needed), and docs/gallery.md written anew to list them.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { projectRoot } from '../testkit/tools';
import { GALLERY, GALLERY_DOCS_DIR, galleryMarkdown } from './galleryCaptions';

/** A copy in docs/ stays below this; larger screenshots are scaled down until they fit. */
const DOCS_MAX_BYTES = 150 * 1024;

export interface DocsOptions {
  /** Where the run wrote its screenshots, and the docs folder they are copied into. */
  from: string;
  to: string;
  timeoutMs: number;
  sizes: { phone: { height: number }; desktop: { height: number } };
  say: (line: string) => void;
}

/**
 * The copy for docs/: the screenshot as it is when small enough, else drawn smaller (by Chromium,
 * no image library) until it fits; a long page is also cut to its first screens.
 */
async function docsCopy(
  browser: Browser,
  source: string,
  target: string,
  phone: boolean,
  o: DocsOptions,
): Promise<number> {
  const png = readFileSync(source);
  if (png.length <= DOCS_MAX_BYTES) {
    writeFileSync(target, png);
    return png.length;
  }
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(o.timeoutMs);
    await page.setContent(
      `<body style="margin:0"><img id="i" src="data:image/png;base64,${png.toString('base64')}"></body>`,
    );
    const natural = await page.evaluate<{ w: number; h: number }>(
      '(() => { const i = document.getElementById("i"); return { w: i.naturalWidth, h: i.naturalHeight }; })()',
    );
    // A phone page (wider than the phone where something overflows) stays at its size and is cut
    // to its first screens; a desktop page is drawn smaller first (its text stays readable down to
    // half) and cut only if that is not enough.
    const tries = phone
      ? [3, 2, 1.5, 1].map((screens) => ({ scale: 1, height: screens * o.sizes.phone.height }))
      : [0.8, 0.65, 0.5, 0.5, 0.5].map((scale, i) => ({
          scale,
          height: i < 3 ? Infinity : (i === 3 ? 2.5 : 1.5) * o.sizes.desktop.height * scale,
        }));
    let small: Buffer = png;
    for (const { scale, height } of tries) {
      const width = Math.round(natural.w * scale);
      await page.evaluate(`document.getElementById("i").style.width = "${width}px"`);
      const clip = { x: 0, y: 0, width, height: Math.round(Math.min(natural.h * scale, height)) };
      small = await page.screenshot({ clip, fullPage: true });
      if (small.length <= DOCS_MAX_BYTES) break;
    }
    writeFileSync(target, small);
    return small.length;
  } finally {
    await context.close();
  }
}

export async function writeDocs(browser: Browser, written: Set<string>, o: DocsOptions): Promise<void> {
  const { say } = o;
  rmSync(o.to, { recursive: true, force: true });
  mkdirSync(o.to, { recursive: true });
  let total = 0;
  for (const entry of GALLERY) {
    for (const file of entry.images) {
      if (!written.has(file)) throw new Error(`docs/gallery wants ${file}, which the run did not write`);
      const bytes = await docsCopy(
        browser,
        join(o.from, file),
        join(o.to, file),
        file.endsWith('-phone.png'),
        o,
      );
      total += bytes;
      say(`docs/${GALLERY_DOCS_DIR}/${file}: ${Math.round(bytes / 1024)} KB`);
    }
  }
  writeFileSync(join(projectRoot, 'docs', 'gallery.md'), galleryMarkdown());
  say(`docs/gallery.md lists ${GALLERY.length} pages, ${Math.round(total / 1024)} KB of images`);
}
