/**
 * The staff login page: two fields, the first with focus, one message when it fails (never which
 * half was wrong), and when logins are refused for too many failed attempts, how long to wait.
 */
import type { PageUi } from '../kit/language';
import { html } from '../kit/html';
import { layout } from '../kit/layout';
import { oidcChoice } from '../kit/oidcChoice';

export function loginPage(
  ui: PageUi,
  input: {
    failed: boolean;
    /** Set when refused by the throttle: whole minutes until a new attempt may succeed. */
    retryAfterMinutes?: number;
    id?: string;
    next?: string;
    /** The organisation whose identity provider is offered above the form (OIDC_ISSUER set). */
    oidcOrganisation?: string | undefined;
    /** The form's CSRF token (a session before login carries its secret). */
    csrfToken: string;
  },
): string {
  const { t } = ui;
  const message =
    input.retryAfterMinutes !== undefined
      ? t('login.throttled', { count: input.retryAfterMinutes })
      : t('login.failed');
  const body = html`<h1 class="utrecht-heading-1">${t('login.title')}</h1>
    <p class="utrecht-paragraph">${t('login.intro')}</p>
    ${input.failed ? html`<div class="utrecht-alert utrecht-alert--error samenvatting" role="alert" id="login-fout"><p class="utrecht-paragraph">${message}</p></div>` : ''}
    ${input.oidcOrganisation ? oidcChoice(ui, input.oidcOrganisation, `/inloggen/oidc?next=${encodeURIComponent(input.next ?? '')}`) : ''}
    <form method="post" action="/inloggen">
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      <input type="hidden" name="next" value="${input.next ?? ''}" />
      <label class="utrecht-form-label" for="id">${t('login.staffId')}</label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="text"
        id="id"
        name="id"
        value="${input.id ?? ''}"
        autocomplete="username"
        autofocus
        required${input.failed ? html` aria-describedby="login-fout"` : ''}
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
      <p class="utrecht-paragraph">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          ${t('login.submit')}
        </button>
      </p>
    </form>`;
  return layout({ title: input.failed ? t('login.titleFailed') : t('login.title'), body, ui });
}
