/**
 * Which language a page is in: the visitor's own choice (the link on every page, remembered in a
 * cookie for a year), else the browser's Accept-Language, else Dutch. Every request carries its
 * language and a translator fixed to it (`request.lang`, `request.t`), and `pageUi` gives a view
 * what it needs to render: the translator, the language, and the link to the other language.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLang, preferredLanguage, translator, type Lang, type Translate } from '../../i18n';

export const LANGUAGE_COOKIE = 'csg_taal';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
  }
}

/** What every page view needs to speak the visitor's language. */
export interface PageUi {
  t: Translate;
  lang: Lang;
  /** The visible link to the same page in the other language. */
  switchHref: string;
}

export function otherLanguage(lang: Lang): Lang {
  return lang === 'nl' ? 'en' : 'nl';
}

const SAME_SITE = 'http://same-site.invalid';

/**
 * Only a path on this site, else "/": never an absolute or protocol-relative URL (no open
 * redirect). Browsers read a backslash as a slash and drop tabs and newlines from a Location, so
 * "/\evil.example" or "/<tab>/evil.example" would leave the site as surely as "//evil.example":
 * those characters are refused outright, and what is left must resolve on this origin.
 */
export function safeBackPath(value: unknown): string {
  if (typeof value !== 'string' || value.length >= 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u0020\u007f]/.test(value)) return '/';
  try {
    return new URL(value, SAME_SITE).origin === SAME_SITE ? value : '/';
  } catch {
    return '/';
  }
}

/** `back` is where the link returns to; a GET page returns to itself. */
export function pageUi(request: FastifyRequest, back?: string): PageUi {
  const target = back ?? (request.method === 'GET' ? request.url : '/');
  // An error before the language hook ran (a malformed request line) still gets a page, in Dutch.
  const lang = isLang(request.lang) ? request.lang : 'nl';
  return {
    t: request.t ?? translator(lang),
    lang,
    switchHref: `/taal/${otherLanguage(lang)}?terug=${encodeURIComponent(safeBackPath(target))}`,
  };
}

export function registerLanguage(app: FastifyInstance, options: { secureCookies: boolean }): void {
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('t', undefined as unknown as Translate);
  app.addHook('onRequest', async (request) => {
    const chosen = request.cookies?.[LANGUAGE_COOKIE];
    request.lang = isLang(chosen) ? chosen : preferredLanguage(request.headers['accept-language']);
    request.t = translator(request.lang);
  });

  app.get('/taal/:lang', async (request, reply) => {
    const { lang } = request.params as { lang: string };
    const back = safeBackPath((request.query as Record<string, unknown>).terug);
    if (!isLang(lang)) return reply.redirect(back, 303);
    reply.setCookie(LANGUAGE_COOKIE, lang, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      maxAge: ONE_YEAR_SECONDS,
    });
    return reply.redirect(back, 303);
  });
}
