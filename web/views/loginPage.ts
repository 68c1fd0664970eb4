/**
 * The staff login page: id, password and the TOTP code, the first with focus, one message when it
 * fails (never which of the three was wrong), and when logins are refused for too many failed attempts, how long to wait.
 */
import type { PageUi } from '../kit/language';
import { html, type SafeHtml } from '../kit/html';
import { layout } from '../kit/layout';
import { oidcChoice } from '../kit/oidcChoice';

/**
 * The second factor's field, shared with the codec's login: digits on a phone's keypad, and the
 * browser or app may fill it from an authenticator (autocomplete one-time-code).
 */
export function oneTimeCodeField(ui: PageUi): SafeHtml {
  const { t } = ui;
  return html`<label class="utrecht-form-label" for="code">${t('login.code')}</label>
    <p class="utrecht-paragraph hint" id="code-uitleg">${t('login.codeHint')}</p>
    <input
      class="utrecht-textbox utrecht-textbox--html-input"
      type="text"
      id="code"
      name="code"
      inputmode="numeric"
      pattern="[0-9 ]{6,7}"
      maxlength="7"
      autocomplete="one-time-code"
      aria-describedby="code-uitleg"
      required
    />`;
}

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
      ${oneTimeCodeField(ui)}
      <p class="utrecht-paragraph">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          ${t('login.submit')}
        </button>
      </p>
    </form>`;
  return layout({ title: input.failed ? t('login.titleFailed') : t('login.title'), body, ui });
}
