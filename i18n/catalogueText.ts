/**
 * The catalogues read as plain data, without i18next: for workflow code (Temporal's sandbox, where
 * a text must come out the same on every replay) and for the Temporal UI's summary and details,
 * which the UI renders as Markdown. Same keys, same {{name}} interpolation as the pages.
 */
import { en } from './en';
import { nl } from './nl';

export type CatalogueLang = 'nl' | 'en';

const CATALOGUES: Record<CatalogueLang, unknown> = { nl, en };

function lookUp(lang: CatalogueLang, key: string): string | undefined {
  let at: unknown = CATALOGUES[lang];
  for (const part of key.split('.')) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' ? at : undefined;
}

/** The catalogue's text for `key` with `values` filled in; the key itself where there is none. */
export function catalogueText(
  lang: CatalogueLang,
  key: string,
  values: Record<string, unknown> = {},
): string {
  const text = lookUp(lang, key);
  if (text === undefined) return key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The catalogue's word for a code (`${group}.${code}`), or the code where it has none (a newer code). */
export function codeWord(lang: CatalogueLang, group: string, code: string): string {
  return lookUp(lang, `${group}.${code}`) ?? code;
}

/**
 * `text` with Markdown's marks escaped, so a value put into Markdown reads as it is: an underscore
 * or asterisk in it cannot open emphasis that runs on over the rest of the line.
 */
export function markdownSafe(text: string): string {
  return text.replace(/[\\`*_[\]{}<>#|~]/g, (mark) => `\\${mark}`);
}
