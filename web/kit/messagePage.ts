/** A short page with one message and one way on: errors, expired links, confirmations. */
import type { PageUi } from './language';
import { html } from './html';
import { layout } from './layout';

export function messagePage(
  ui: PageUi,
  title: string,
  message: string,
  link?: string,
  linkText?: string,
): string {
  const body = html`<div
    class="utrecht-alert utrecht-alert--info melding"
    role="status"
    tabindex="-1"
    autofocus
  >
    <h1 class="utrecht-heading-1">${title}</h1>
    <p class="utrecht-paragraph">${message}</p>
    ${link ? html`<p class="utrecht-paragraph"><a class="utrecht-link utrecht-link--html-a" href="${link}">${linkText ?? ui.t('error.continue')}</a></p>` : ''}
  </div>`;
  return layout({ title, body, ui });
}
