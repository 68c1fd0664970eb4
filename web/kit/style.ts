/**
 * The stylesheets of every page: the NL Design System (the Utrecht component library and the
 * example theme's design tokens), then our own few rules for what the system lacks. Served by the
 * intake service and the codec server from their own origin under /stijl/, so the pages' CSP
 * allows styles from 'self' only: no inline style, no CDN. Read once at start; sent compressed
 * to browsers that take gzip (the component library is 400 KB, phones at night count).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { loadFontFiles } from './fonts';

/** The theme's class: its design tokens apply inside it. */
export const THEME_CLASS = 'voorbeeld-theme';

export const STYLE_PATH = '/stijl/';

// The pages' CSP (web/kit/securityHeaders.ts) allows styles only from these stylesheets, none
// inline, and fonts only from our origin (web/kit/fonts.ts).

const FONTS = 'lettertypen.css';

const SOURCES: Record<string, () => string> = {
  'nlds-componenten.css': () => require.resolve('@utrecht/component-library-css/dist/index.css'),
  'nlds-thema.css': () =>
    require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
  'eigen.css': () => join(__dirname, 'eigen.css'),
};

/**
 * In the order the pages link them: the theme's fonts first, our own rules last, so they win over
 * the system's.
 */
export const STYLESHEETS = [FONTS, ...Object.keys(SOURCES)].map((name) => `${STYLE_PATH}${name}`);

interface Sheet {
  plain: Buffer;
  gzip: Buffer;
}

/** Cached a day: the files (stylesheets and fonts) change only with a release, and hold no personal data. */
const CACHE = 'public, max-age=86400';

export function registerStylesheets(app: FastifyInstance): void {
  const sheets = new Map<string, Sheet>();
  const fonts = loadFontFiles(STYLE_PATH);
  const addSheet = (name: string, plain: Buffer) => sheets.set(name, { plain, gzip: gzipSync(plain) });
  addSheet(FONTS, Buffer.from(fonts.css));
  for (const [name, path] of Object.entries(SOURCES)) addSheet(name, readFileSync(path()));
  app.get<{ Params: { name: string } }>(`${STYLE_PATH}:name`, async (request, reply) => {
    const font = fonts.files.get(request.params.name);
    // woff2 is compressed already: sent as it is.
    if (font) return reply.type('font/woff2').header('cache-control', CACHE).send(font);
    const sheet = sheets.get(request.params.name);
    if (!sheet) return reply.callNotFound();
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    reply.type('text/css; charset=utf-8').header('cache-control', CACHE).header('vary', 'accept-encoding');
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? sheet.gzip : sheet.plain);
  });
}
