/**
 * The languages a person can read the system in: Dutch first (the helpline, partners and ops work
 * in Dutch), English alongside. One i18next instance over the two catalogues; each request or
 * message gets a translator fixed to its language.
 *
 * No fallback to Dutch for a missing English text: a gap must show (and fail the catalogue test),
 * not hide behind the other language.
 */
import { createInstance } from 'i18next';
import { en } from './en';
import { nl } from './nl';

export const LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Lang = 'nl';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

const i18n = createInstance();
void i18n.init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  fallbackLng: false,
  initAsync: false,
  // Pages escape every value themselves (web/kit/html.ts); emails and SMS are plain text.
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function translator(lang: Lang): Translate {
  const t = i18n.getFixedT(lang);
  return (key, values) => String(t(key, values));
}

/**
 * The best of our languages for an Accept-Language header ("en-GB,en;q=0.9,nl;q=0.8"): the one
 * with the highest weight, `fallback` when the header names neither.
 */
export function preferredLanguage(header: string | undefined, fallback: Lang = DEFAULT_LANGUAGE): Lang {
  if (!header) return fallback;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.slice(0, 500).split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag?.trim().toLowerCase().split('-')[0];
    if (!isLang(primary)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? fallback;
}

/** The catalogue's words for `key`, or `fallback` (a code as recorded) where the catalogue has none. */
export function wordsOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}
