/** The codec server's two pages: the ops login and a short message, in the intake's page frame. */
import type { PageUi } from '../web/kit/language';
import { html } from '../web/kit/html';
import { layout } from '../web/kit/layout';
import { oneTimeCodeField } from '../web/views/loginPage';
import { messagePage } from '../web/kit/messagePage';
import { oidcChoice } from '../web/kit/oidcChoice';

export function codecLoginPage(
  ui: PageUi,
  input: {
    failed: boolean;
    back?: string;
    retryAfterMinutes?: number;
    oidcOrganisation?: string | undefined;
    csrfToken: string;
  },
): string {
  const { t } = ui;
  const message =
    input.retryAfterMinutes !== undefined
      ? t('codec.throttled', { count: input.retryAfterMinutes })
      : t('codec.failed');
  const body = html`<h1 class="utrecht-heading-1">${t('codec.title')}</h1>
    <p class="utrecht-paragraph">${t('codec.intro')}</p>
    ${input.failed ? html`<div class="utrecht-alert utrecht-alert--error samenvatting" role="alert" id="login-fout"><p class="utrecht-paragraph">${message}</p></div>` : ''}
    ${input.oidcOrganisation ? oidcChoice(ui, input.oidcOrganisation, `/inloggen/oidc${input.back ? `?terug=${encodeURIComponent(input.back)}` : ''}`) : ''}
    <form method="post" action="/inloggen">
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      ${input.back ? html`<input type="hidden" name="terug" value="${input.back}" />` : ''}
      <label class="utrecht-form-label" for="id">${t('codec.opsId')}</label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="text"
        id="id"
        name="id"
        autocomplete="username"
        autofocus
        required
      />
      <label class="utrecht-form-label" for="wachtwoord">${t('login.password')}</label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="password"
        id="wachtwoord"
        name="wachtwoord"
        autocomplete="current-password"
        required
      />
      ${oneTimeCodeField(ui)}
      <p class="utrecht-paragraph">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          ${t('login.submit')}
        </button>
      </p>
    </form>`;
  return layout({ title: input.failed ? t('login.titleFailed') : t('login.title'), body, ui });
}

export const codecMessagePage = (ui: PageUi, title: string, message: string) =>
  messagePage(ui, title, message);

/** After an ops login without a page to go on to: said so, with the way to log out again. */
export function codecLoggedInPage(ui: PageUi, csrfToken: string): string {
  const { t } = ui;
  const body = html`<div
      class="utrecht-alert utrecht-alert--info melding"
      role="status"
      tabindex="-1"
      autofocus
    >
      <h1 class="utrecht-heading-1">${t('codec.loggedInTitle')}</h1>
      <p class="utrecht-paragraph">${t('codec.loggedIn')}</p>
    </div>
    <form method="post" action="/uitloggen">
      <input type="hidden" name="_csrf" value="${csrfToken}" />
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        ${t('nav.logout')}
      </button>
    </form>`;
  return layout({ title: t('codec.loggedInTitle'), body, ui });
}
