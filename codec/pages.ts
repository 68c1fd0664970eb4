/** The codec server's two pages: the ops login and a short message, in the intake's page frame. */
import type { PageUi } from '../web/kit/language';
import { html } from '../web/kit/html';
import { layout } from '../web/kit/layout';
import { oneTimeCodeField } from '../web/views/loginPage';
import { messagePage } from '../web/kit/messagePage';

export function codecLoginPage(
  ui: PageUi,
  input: { failed: boolean; back?: string; retryAfterMinutes?: number },
): string {
  const { t } = ui;
  const message =
    input.retryAfterMinutes !== undefined
      ? t('codec.throttled', { count: input.retryAfterMinutes })
      : t('codec.failed');
  const body = html`<h1 class="utrecht-heading-1">${t('codec.title')}</h1>
    <p class="utrecht-paragraph">${t('codec.intro')}</p>
    ${input.failed ? html`<div class="utrecht-alert utrecht-alert--error samenvatting" role="alert" id="login-fout"><p class="utrecht-paragraph">${message}</p></div>` : ''}
    <form method="post" action="/inloggen">
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
