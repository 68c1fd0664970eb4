/**
 * The page frame for every HTML page: in the visitor's language (Dutch first), with a visible link
 * to the other language, readable without CSS frameworks or scripts, with a skip link and a
 * visible focus outline for keyboard users.
 */
import { otherLanguage, type PageUi } from './language';
import { html, raw, type SafeHtml } from './html';

/**
 * One stylesheet for every page. The incident-time correction shows only the chosen kind's
 * fields: `:has()` on its radio, since pages run without scripts; a browser without `:has()` drops
 * the rule and shows every field.
 */
const STYLE = `
body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
a{color:#0b4f9c}
:focus{outline:3px solid #f2a900;outline-offset:2px}
fieldset{border:1px solid #888;margin:0 0 1rem;padding:.5rem 1rem 1rem}
legend{font-weight:700;padding:0 .25rem}
label{display:block;margin-top:.5rem}
.keuze label{display:inline-block;margin-right:1rem;font-weight:400}
form:not(:has([name=tijdsoort][value=exact]:checked)) .tijd-exact,form:not(:has([name=tijdsoort][value=approximate]:checked)) .tijd-approximate{display:none}
.hint{color:#444;font-size:.9em;margin:0}
input[type=text],input[type=email],input[type=tel],input[type=password],select{font-size:1rem;padding:.25rem;min-width:16rem}
.fout{color:#b00020;font-weight:700;margin:.25rem 0}
[aria-invalid=true]{border:2px solid #b00020}
.samenvatting{border:3px solid #b00020;padding:.5rem 1rem;margin-bottom:1rem}
.resultaat{border:3px solid #0b6b2b;padding:.5rem 1rem;margin-bottom:1rem}
.melding{border:3px solid #0b4f9c;padding:.5rem 1rem;margin-bottom:1rem}
button{font-size:1rem;padding:.5rem 1.25rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff}
@media all{.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}}
nav{display:flex;gap:1rem;justify-content:flex-end}
.taal{text-align:right;margin:0}
`;

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
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <a class="skip" href="#inhoud">${t('layout.skip')}</a>
        <p class="taal">
          <a href="${switchHref}" lang="${other}" hreflang="${other}" title="${t('layout.otherLanguageHint')}"
            >${t('layout.otherLanguage')}</a
          >
        </p>
        ${options.nav ?? ''}
        <main id="inhoud">${options.body}</main>
      </body>
    </html>`.value;
}
