/**
 * The theme's own fonts, served from our origin: the example theme names Noto Sans for text and
 * Noto Serif for headings, which few phones have; without them a page falls back to whatever sans
 * and serif the device has. Only what the pages use: text in regular and bold, headings in bold
 * (the theme's heading weight), each in the Latin and Latin Extended subsets (Dutch, English and
 * the names of people from the rest of Europe), as woff2, which every browser we support reads.
 * The browser loads a subset only when a page has a character in its range.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface Face {
  /** The fontsource package that ships it. */
  pkg: '@fontsource/noto-sans' | '@fontsource/noto-serif';
  family: 'Noto Sans' | 'Noto Serif';
  weight: 400 | 700;
}

const FACES: Face[] = [
  { pkg: '@fontsource/noto-sans', family: 'Noto Sans', weight: 400 },
  { pkg: '@fontsource/noto-sans', family: 'Noto Sans', weight: 700 },
  { pkg: '@fontsource/noto-serif', family: 'Noto Serif', weight: 700 },
];

const SUBSETS = ['latin', 'latin-ext'] as const;

export interface FontFiles {
  /** The @font-face rules, their URLs under `stylePath`. */
  css: string;
  /** Each font file by the name the rules use. */
  files: Map<string, Buffer>;
}

/**
 * The subset's character range, as fontsource states it in the package's all-subsets stylesheet
 * (the per-subset files leave it out): without it the browser would load every subset.
 */
function unicodeRange(weightCss: string, fileName: string): string {
  const block = weightCss.split('@font-face').find((b) => b.includes(`/${fileName}`));
  const range = block?.match(/unicode-range:\s*([^;]+);/)?.[1];
  if (!range) throw new Error(`no unicode-range for ${fileName}`);
  return range.trim();
}

export function loadFontFiles(stylePath: string): FontFiles {
  const files = new Map<string, Buffer>();
  const rules: string[] = [];
  for (const face of FACES) {
    const weightCssPath = require.resolve(`${face.pkg}/${face.weight}.css`);
    const root = dirname(weightCssPath);
    const weightCss = readFileSync(weightCssPath, 'utf8');
    for (const subset of SUBSETS) {
      const name = `${face.pkg.slice('@fontsource/'.length)}-${subset}-${face.weight}-normal.woff2`;
      files.set(name, readFileSync(join(root, 'files', name)));
      rules.push(
        [
          '@font-face {',
          `  font-family: '${face.family}';`,
          '  font-style: normal;',
          // swap: text shows at once in the fallback font; a slow line at night never hides it.
          '  font-display: swap;',
          `  font-weight: ${face.weight};`,
          `  src: url(${stylePath}${name}) format('woff2');`,
          `  unicode-range: ${unicodeRange(weightCss, name)};`,
          '}',
        ].join('\n'),
      );
    }
  }
  return {
    css: `/* Noto Sans and Noto Serif (SIL Open Font License), from fontsource. */\n${rules.join('\n')}\n`,
    files,
  };
}
