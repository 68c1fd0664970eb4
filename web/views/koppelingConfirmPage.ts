/**
 * The confirmation step of a link or a reopening: what will happen, in plain words, and two ways
 * on: confirm (a form that carries the checked values on) or back to the case unchanged.
 */
import type { PageUi } from '../kit/language';
import { html } from '../kit/html';
import { layout } from '../kit/layout';
import { staffNav } from './nav';

export interface KoppelingConfirmInput {
  reference: string;
  title: string;
  effects: string[];
  /** Where the confirmation posts, with the checked values it carries on. */
  action: string;
  values: Record<string, string>;
  staffId: string;
  csrfToken: string;
  ui: PageUi;
}

export function koppelingConfirmPage(input: KoppelingConfirmInput): string {
  const { ui, reference } = input;
  const { t } = ui;
  const body = html`<div
      class="utrecht-alert utrecht-alert--info melding"
      id="bevestiging"
      role="status"
      tabindex="-1"
      autofocus
    >
      <h1 class="utrecht-heading-1">${t('casePage.confirmTitle', { what: input.title })}</h1>
      <p class="utrecht-paragraph">${t('casePage.title', { reference })}</p>
      <ul class="utrecht-unordered-list" id="gevolgen">
        ${input.effects.map((effect) => html`<li>${effect}</li>`)}
      </ul>
      <p class="utrecht-paragraph">${t('casePage.confirmQuestion')}</p>
    </div>
    <form method="post" action="${input.action}">
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      ${Object.entries(input.values).map(
        ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
      )}
      <p class="utrecht-paragraph">
        <button class="utrecht-button utrecht-button--primary-action" type="submit" id="bevestigen">
          ${t('casePage.confirm')}
        </button>
        <a class="utrecht-link utrecht-link--html-a" href="/meldingen/${reference}" id="annuleren"
          >${t('casePage.cancel')}</a
        >
      </p>
    </form>`;
  return layout({
    title: t('casePage.confirmTitle', { what: input.title }),
    body,
    nav: staffNav(ui, input.staffId, input.csrfToken),
    ui,
  });
}
