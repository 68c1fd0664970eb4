/** The codec server's two pages: the ops login and a short message, in the intake's page frame. */
import type { PageUi } from '../web/kit/language';
import { html } from '../web/kit/html';
import { layout } from '../web/kit/layout';
import { messagePage } from '../web/kit/messagePage';

export function codecLoginPage(ui: PageUi, input: { failed: boolean; retryAfterMinutes?: number }): string {
  const { t } = ui;
  const message =
    input.retryAfterMinutes !== undefined
      ? t('codec.throttled', { count: input.retryAfterMinutes })
      : t('codec.failed');
  const body = html`<h1>${t('codec.title')}</h1>
    <p>${t('codec.intro')}</p>
    ${input.failed ? html`<div class="samenvatting" role="alert" id="login-fout"><p>${message}</p></div>` : ''}
    <form method="post" action="/inloggen">
      <label for="id">${t('codec.opsId')}</label>
      <input type="text" id="id" name="id" autocomplete="username" autofocus required />
      <label for="wachtwoord">${t('login.password')}</label>
      <input type="password" id="wachtwoord" name="wachtwoord" autocomplete="current-password" required />
      <p><button type="submit">${t('login.submit')}</button></p>
    </form>`;
  return layout({ title: input.failed ? t('login.titleFailed') : t('login.title'), body, ui });
}

export const codecMessagePage = (ui: PageUi, title: string, message: string) =>
  messagePage(ui, title, message);
