/**
 * docs/gallery.md and docs/gallery/ stay in step: every image the page shows is there, every file
 * there is shown, and the images stay small enough to keep in git. (`npm run gallery` writes both.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const docs = join(__dirname, '..', '..', 'docs');
const page = readFileSync(join(docs, 'gallery.md'), 'utf8');
const named = [...page.matchAll(/!\[[^\]]*\]\(gallery\/([^)]+)\)/g)].map((m) => m[1]!);
const files = readdirSync(join(docs, 'gallery'));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('the gallery page names its refresh command and shows images', () => {
  expect(page).toContain('npm run gallery');
  expect(named.length).toBeGreaterThan(0);
});

test('every image the gallery page shows exists in docs/gallery/', () => {
  expect(named.filter((file) => !files.includes(file))).toEqual([]);
});

test('every file in docs/gallery/ is shown on the gallery page', () => {
  expect(files.filter((file) => !named.includes(file))).toEqual([]);
});

test('the images are PNGs, each about 150 KB at most, together under 3 MB', () => {
  const sizes = files.map((file) => {
    const path = join(docs, 'gallery', file);
    expect([file, readFileSync(path).subarray(0, 8).equals(PNG_SIGNATURE)]).toEqual([file, true]);
    return [file, statSync(path).size] as const;
  });
  expect(sizes.filter(([, size]) => size > 160 * 1024)).toEqual([]);
  expect(sizes.reduce((sum, [, size]) => sum + size, 0)).toBeLessThan(3 * 1024 * 1024);
});
