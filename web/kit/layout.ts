/**
 * The page frame for every HTML page: in the visitor's language (Dutch first), with a visible link
 * to the other language, styled by the NL Design System (web/kit/style.ts) and readable without
 * it, with no scripts, a skip link and a visible focus frame for keyboard users. A page passes its
 * content as `body`, marked up with the system's `utrecht-*` classes, and gets the rest here.
 */
import { otherLanguage, type PageUi } from './language';
import { html, type SafeHtml } from './html';
import { STYLESHEETS, THEME_CLASS } from './style';

export function layout(options: { title: string; body: SafeHtml; nav?: SafeHtml; ui: PageUi }): string {
  const { t, lang, switchHref } = options.ui;
  const other = otherLanguage(lang);
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${options.title} · ${t('layout.site')}</title>
        ${STYLESHEETS.map((href) => html`<link rel="stylesheet" href="${href}" />`)}
      </head>
      <body class="${THEME_CLASS} utrecht-document utrecht-document--surface utrecht-page-body">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud"
          >${t('layout.skip')}</a
        >
        <div class="utrecht-page-body__content">
          <header class="utrecht-page-header">
            <p class="utrecht-paragraph taal">
              <a
                class="utrecht-link utrecht-link--html-a"
                href="${switchHref}"
                lang="${other}"
                hreflang="${other}"
                title="${t('layout.otherLanguageHint')}"
                >${t('layout.otherLanguage')}</a
              >
            </p>
            ${options.nav ?? ''}
          </header>
          <main id="inhoud" class="utrecht-page-content">${options.body}</main>
        </div>
      </body>
    </html>`.value;
}
