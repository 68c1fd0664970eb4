/**
 * The planted-data search: distinctive values planted in a case, looked for in bytes that must not
 * hold them (a database file, a log, a message, what Temporal shows), as themselves and as the
 * simple re-encodings a leak would take (hex, URL, JSON escapes, base64 at each alignment, UTF-16).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The values and their re-encodings, each with what it is (for the failure message). */
export function needlesOf(values: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  // The first description of a string wins: "Plantinga" is reported as itself, not as its JSON form.
  const add = (needle: string, what: string) => found.has(needle) || found.set(needle, what);
  for (const value of values) {
    add(value, `"${value}"`);
    add(Buffer.from(value).toString('hex'), `hex of "${value}"`);
    add(encodeURIComponent(value), `URL-encoded "${value}"`);
    add(JSON.stringify(value).slice(1, -1), `JSON-escaped "${value}"`);
    // base64 at each of the three alignments, without the edge characters that depend on neighbours.
    for (const pad of ['', 'x', 'xx']) {
      const b64 = Buffer.from(pad + value).toString('base64');
      add(b64.slice(pad.length === 0 ? 0 : 4, -4), `base64 of "${value}"`);
    }
  }
  return found;
}

/** Where each needle was found: "what (where)" lines; empty when the haystacks are clean. */
export function leaks(
  needles: Map<string, string>,
  haystacks: Array<[where: string, content: Buffer | string]>,
): string[] {
  const found: string[] = [];
  for (const [needle, what] of needles) {
    if (needle.length < 6) continue;
    for (const [where, content] of haystacks) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      if (bytes.includes(needle) || bytes.includes(Buffer.from(needle, 'utf16le'))) {
        found.push(`${what} (in ${where})`);
      }
    }
  }
  return found;
}

/** Every file under a folder, at any depth. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}
