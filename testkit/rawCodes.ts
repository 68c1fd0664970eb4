/**
 * Finds the codes of the melding's vocabularies (domain/vocabulary.ts) in text a person reads:
 * a page shows the catalogue's word, never the identifier a program stores. The list is built
 * from the vocabulary arrays themselves, so a new code is checked as soon as it exists.
 */
import { en } from '../i18n/en';
import { nl } from '../i18n/nl';
import * as vocabulary from '../domain/vocabulary';
import type { Lang } from '../i18n';

/** Every code of every closed vocabulary. */
function allCodes(): string[] {
  const codes = new Set<string>();
  for (const value of Object.values(vocabulary)) {
    if (!Array.isArray(value)) continue;
    for (const code of value) if (typeof code === 'string') codes.add(code);
  }
  return [...codes];
}

/** Every text of a catalogue, to tell abbreviations (the catalogue writes "NFI", "GGZ") apart. */
function catalogueTexts(catalogue: unknown, into: string[] = []): string[] {
  if (typeof catalogue === 'string') into.push(catalogue);
  else if (catalogue && typeof catalogue === 'object')
    for (const value of Object.values(catalogue)) catalogueTexts(value, into);
  return into;
}

/** The tiers and statuses whose codes are English words: on a Dutch page they are raw. */
const ENGLISH_CODES = [
  ...vocabulary.RECIPIENT_TIERS.filter((t) => t !== 'owner' && t !== 'coordinator'),
  'owner',
  ...vocabulary.REQUEST_STATUSES.filter((s) => s !== 'open'),
];

/**
 * The codes no reader reads as a word: those joined by an underscore, and the abbreviations the
 * catalogues write in capitals but the code keeps in lower case ("nfi", "ggz", "fmo").
 */
export function rawCodes(lang: Lang): string[] {
  const texts = [...catalogueTexts(nl), ...catalogueTexts(en)].join('\n');
  const codes = allCodes().filter(
    (code) =>
      code.includes('_') || (/^[a-z]+$/.test(code) && new RegExp(`\\b${code.toUpperCase()}\\b`).test(texts)),
  );
  return lang === 'nl' ? [...codes, ...ENGLISH_CODES] : codes;
}

/**
 * The raw codes found in `text`, each with a little of the text around it so a failure shows
 * where. Matched as whole words and case-sensitively: "NFI" is the word, "nfi" the code.
 */
export function rawCodesIn(text: string, lang: Lang): string[] {
  const found: string[] = [];
  for (const code of rawCodes(lang)) {
    const pattern = new RegExp(`(?<![\\w/-])${code}(?![\\w-])|\\w+/${code}\\b`, 'g');
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      found.push(
        `"${code}" in "…${text.slice(Math.max(0, at - 30), at + code.length + 30).replace(/\s+/g, ' ')}…"`,
      );
    }
  }
  return found;
}
