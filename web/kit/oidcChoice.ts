/** On a login page: the way in through the organisation's identity provider, above the local form. */
import { html, type SafeHtml } from './html';
import type { PageUi } from './language';

export function oidcChoice(ui: PageUi, organisation: string, href: string): SafeHtml {
  return html`<p class="utrecht-paragraph">
      <a class="utrecht-link utrecht-link--html-a" id="oidc" href="${href}"
        >${ui.t('oidc.loginWith', { organisation })}</a
      >
    </p>
    <p class="utrecht-paragraph">${ui.t('oidc.orLocal')}</p>`;
}
