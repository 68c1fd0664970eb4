/** A short page with one message and one way on: errors, expired links, confirmations. */
import { html } from './html';
import { layout } from './layout';

export function messagePage(title: string, message: string, link?: string, linkText = 'Verder'): string {
  const body = html`<div class="melding" role="status" tabindex="-1" autofocus>
    <h1>${title}</h1>
    <p>${message}</p>
    ${link ? html`<p><a href="${link}">${linkText}</a></p>` : ''}
  </div>`;
  return layout({ title, body });
}
