/**
 * The confirmation step of a decision on the case page: what will happen, in plain words, and
 * two ways on: confirm (a form that carries the checked values on) or back to the case unchanged.
 */
import type { CaseState } from '../../workflows/messages';
import type { Translate } from '../../i18n';
import {
  CASE_PAGE_DECISIONS,
  fieldsOf,
  type CasePageDecision,
  type DecisionFormValues,
} from '../caseDecisions';
import type { PageUi } from '../kit/language';
import { html } from '../kit/html';
import { layout } from '../kit/layout';
import { staffNav } from './nav';

export interface ConfirmPageInput {
  state: CaseState;
  decision: CasePageDecision;
  values: DecisionFormValues;
  staffId: string;
  csrfToken: string;
  ui: PageUi;
}

/** What the decision will do to this case, sentence by sentence. */
export function effectsOf(
  t: Translate,
  decision: CasePageDecision,
  values: DecisionFormValues,
  state: CaseState,
): string[] {
  switch (decision) {
    case 'toestemming': {
      const role = t(`request.roles.${values.role}`);
      return [
        values.given === 'true'
          ? t('casePage.effects.consentGiven', { role })
          : t('casePage.effects.consentWithdrawn', { role }),
      ];
    }
    case 'politiewens':
      return [
        t('casePage.effects.policeWish', {
          from: state.policeWish ? t(`form.choices.${state.policeWish}`) : '',
          to: t(`form.choices.${values.wish}`),
        }),
        t(`casePage.effects.police_${values.wish}`),
      ];
    case 'aangifte':
      return [
        values.made === 'true' ? t('casePage.effects.aangifteMade') : t('casePage.effects.aangifteNotMade'),
      ];
    case 'intrekking':
      return [t('casePage.effects.withdraw'), t('casePage.cannotUndo')];
    case 'sluiting':
      return [
        t('casePage.effects.close', { reason: t(`casePage.closeReasons.${values.reason}`) }),
        t('casePage.cannotUndo'),
      ];
  }
}

export function decisionConfirmPage(input: ConfirmPageInput): string {
  const { state, decision, values, ui } = input;
  const { t } = ui;
  const what = t(CASE_PAGE_DECISIONS[decision].label);
  const ref = state.reference;
  const chosen = fieldsOf(decision).filter((field) => values[field.name] !== undefined);
  const body = html`<div class="melding" id="bevestiging" role="status" tabindex="-1" autofocus>
      <h1>${t('casePage.confirmTitle', { what })}</h1>
      <p>${t('casePage.title', { reference: ref })}</p>
      ${
        chosen.length
          ? html`<dl>
              ${chosen.map(
                (field) =>
                  html`<dt>${t(`casePage.fields.${field.name}`)}</dt>
                    <dd>${t(field.words(values[field.name]!))}</dd>`,
              )}
            </dl>`
          : ''
      }
      <ul id="gevolgen">
        ${effectsOf(t, decision, values, state).map((effect) => html`<li>${effect}</li>`)}
      </ul>
      <p>${t('casePage.confirmQuestion')}</p>
    </div>
    <form method="post" action="/meldingen/${ref}/besluiten/${decision}">
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      ${chosen.map((field) => html`<input type="hidden" name="${field.name}" value="${values[field.name]!}" />`)}
      <p>
        <button type="submit" id="bevestigen">${t('casePage.confirm')}</button>
        <a href="/meldingen/${ref}" id="annuleren">${t('casePage.cancel')}</a>
      </p>
    </form>`;
  return layout({
    title: t('casePage.confirmTitle', { what }),
    body,
    nav: staffNav(ui, input.staffId, input.csrfToken),
    ui,
  });
}
