/** The staff bar on staff pages: who is logged in, a new intake, and logging out (a form: it changes state). */
import type { PageUi } from '../language';
import { html, type SafeHtml } from './html';

export function staffNav(ui: PageUi, staffId: string, csrfToken: string): SafeHtml {
  const { t } = ui;
  return html`<nav aria-label="${t('nav.label')}">
    <span>${t('nav.loggedInAs', { staffId })}</span>
    <a href="/meldingen/nieuw">${t('nav.newMelding')}</a>
    <form method="post" action="/uitloggen">
      <input type="hidden" name="_csrf" value="${csrfToken}" /><button type="submit">
        ${t('nav.logout')}
      </button>
    </form>
  </nav>`;
}
