/**
 * The staff bar on staff pages: who is logged in, the way back to the start of their area (a new
 * intake for the helpline, the worklist for a casemanager, the overdue list for ops), and logging
 * out (a form: it changes state).
 */
import type { PageUi } from '../kit/language';
import { html, type SafeHtml } from '../kit/html';

const AREAS = {
  intake: {
    label: 'nav.label',
    loggedInAs: 'nav.loggedInAs',
    home: '/meldingen/nieuw',
    homeText: 'nav.newMelding',
  },
  casemanager: {
    label: 'worklist.navLabel',
    loggedInAs: 'nav.loggedInAs',
    home: '/mijn-casussen',
    homeText: 'worklist.navLink',
  },
  ops: { label: 'ops.navLabel', loggedInAs: 'ops.loggedInAs', home: '/ops', homeText: 'ops.stuckTitle' },
} as const;

export type NavArea = keyof typeof AREAS;

export function staffNav(ui: PageUi, staffId: string, csrfToken: string, area: NavArea = 'intake'): SafeHtml {
  const { t } = ui;
  const words = AREAS[area];
  return html`<nav class="staf-nav" aria-label="${t(words.label)}">
    <span>${t(words.loggedInAs, { staffId })}</span>
    <a class="utrecht-link utrecht-link--html-a" href="${words.home}">${t(words.homeText)}</a>
    ${area !== 'ops' ? html`<a class="utrecht-link utrecht-link--html-a" href="/meldingen/zoeken">${t('find.navLink')}</a>` : ''}
    <form method="post" action="/uitloggen">
      <input type="hidden" name="_csrf" value="${csrfToken}" /><button
        class="utrecht-button utrecht-button--secondary-action"
        type="submit"
      >
        ${t('nav.logout')}
      </button>
    </form>
  </nav>`;
}
