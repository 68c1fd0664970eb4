/**
 * The decision and correction forms of the case page: fields generated from the decision table,
 * the current values beside them, and the summary of a refused decision.
 */
import type { CaseState, PlannedCheckIn } from '../../workflows/messages';
import { formatLocal } from '../../domain/localTime';
import type { SharedDetails } from '../../domain/types';
import type { Translate } from '../../i18n';
import {
  CASE_PAGE_DECISIONS,
  choiceWords,
  fieldsOf,
  isDirect,
  type CasePageDecision,
  type DecisionField,
  type DecisionFormValues,
} from '../caseDecisions';
import { REGIONS } from '../../regions';
import { attr, html, type SafeHtml } from '../kit/html';
import { radioButton } from './radioButton';

/** Problems with one decision's form, each already in the reader's words. */
export interface DecisionProblems {
  decision: CasePageDecision;
  problems: Array<{ field: string; text: string }>;
  values: DecisionFormValues;
}

/**
 * The choices a form offers: a wish that is already the wish, the case's own region, or its own
 * casemanager, is no change to offer.
 */
function choicesFor(name: CasePageDecision, field: DecisionField, state: CaseState): readonly string[] {
  const choices = field.choices ?? [];
  if (name === 'politiewens') return choices.filter((c) => c !== state.policeWish);
  if (name === 'medische_wens' && field.name === 'wish')
    return choices.filter((c) => c !== state.medicalWish);
  if (name === 'overdracht') return choices.filter((c) => c !== state.regionId);
  // Only a check-in still ahead in the plan can be moved or cancelled.
  if (field.name === 'checkInId') return plannedCheckIns(state).map((c) => c.id);
  // The case region's own casemanagers, but not the one who owns it already.
  if (name === 'eigenaar' && field.name === 'casemanager') {
    const staff = REGIONS.get(state.regionId)?.casemanagers ?? {};
    return choices.filter((c) => Object.hasOwn(staff, c) && c !== state.casemanager);
  }
  return choices;
}

/** The plan's check-ins that have not started yet, soonest first. */
export function plannedCheckIns(state: CaseState): PlannedCheckIn[] {
  return (state.checkInPlan ?? [])
    .filter((c) => c.status === 'gepland')
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A choice in words; a planned check-in by its moment (and whether it is the screening). */
function optionWords(t: Translate, field: DecisionField, choice: string, state: CaseState): string {
  if (field.name !== 'checkInId') return choiceWords(t, field, choice);
  const planned = state.checkInPlan?.find((c) => c.id === choice);
  if (!planned) return choice;
  return t(planned.screening ? 'contactmomenten.plannedScreening' : 'contactmomenten.plannedCheckIn', {
    at: formatLocal(planned.at),
  });
}

/** A correction field's value as it stands now, in words; undefined where there is none to show. */
function currentWords(t: Translate, field: string, current: SharedDetails | undefined): string | undefined {
  if (!current) return undefined;
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? undefined : t(`casePage.yesNo.${String(value)}`);
  switch (field) {
    case 'victimAge': {
      const age = current.victimAge;
      if (!age) return undefined;
      if (age.kind === 'years') return String(age.years);
      return age.kind === 'band' ? t(`form.ageBands.${age.band}`) : t('form.ageBands.onbekend');
    }
    case 'dateOfBirth':
    case 'name':
    case 'phone':
    case 'email':
      return current.contact?.[field];
    case 'municipality':
    case 'language':
      return current[field];
    case 'safeToCall':
    case 'safeToText':
    case 'safeToEmail':
      return yesNo(current.contactPreferences?.[field]);
    case 'interpreterNeeded':
      return yesNo(current.interpreterNeeded);
    default:
      return undefined;
  }
}

function fieldHtml(
  t: Translate,
  name: CasePageDecision,
  field: DecisionField,
  state: CaseState,
  refused: DecisionProblems | undefined,
  current: SharedDetails | undefined,
): SafeHtml {
  const id = `${name}-${field.name}`;
  const mine = refused?.decision === name ? refused : undefined;
  const problem = mine?.problems.find((p) => p.field === field.name);
  const value = mine?.values[field.name];
  const now = currentWords(t, field.name, current);
  const error = problem ? html`<p class="utrecht-paragraph fout" id="${id}-fout">${problem.text}</p>` : '';
  const nowHint = now
    ? html`<p class="utrecht-paragraph hint" id="${id}-nu">${t('casePage.currentValue', { value: now })}</p>`
    : '';
  const describedBy = [problem ? `${id}-fout` : '', now ? `${id}-nu` : ''].filter(Boolean).join(' ');
  const invalid = html`${problem ? html` aria-invalid="true"` : ''}${
    describedBy ? html` aria-describedby="${describedBy}"` : ''
  }`;
  const required = field.optional ? '' : html` required`;
  const label = t(field.label ?? `casePage.fields.${field.name}`);
  const shown = `${field.timeKind ? ` tijd-${field.timeKind}` : ''}${field.reached ? ` bereikt-${field.reached}` : ''}`;
  if (!field.choices) {
    const list = field.suggestions ? `${id}-lijst` : undefined;
    return html`<div class="veld${shown}">
      <label class="utrecht-form-label" for="${id}">${label}</label>${nowHint}${error}
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="${field.input ?? 'text'}"
        id="${id}"
        name="${field.name}"
        value="${value ?? ''}"
        autocomplete="off"
        ${list ? html`list="${list}"` : ''}${required}${invalid}
      />
      ${
        list
          ? html`<datalist id="${list}">
              ${field.suggestions!().map((s) => html`<option value="${s}"></option>`)}
            </datalist>`
          : ''
      }
    </div>`;
  }
  const choices = choicesFor(name, field, state);
  if (field.select) {
    const words = (c: string) => optionWords(t, field, c, state);
    return html`<div class="veld${shown}">
      <label class="utrecht-form-label" for="${id}">${label}</label>${nowHint}${error}
      <select
        class="utrecht-select utrecht-select--html-select"
        id="${id}"
        name="${field.name}"
        ${required}${invalid}
      >
        <option value="">${t(field.placeholder ?? 'casePage.chooseReason')}</option>
        ${choices.map(
          (c) => html`<option value="${c}" ${attr('selected', value === c)}>${words(c)}</option>`,
        )}
      </select>
    </div>`;
  }
  // The group itself is the target of the problem summary's link (tabindex: focusable by link only).
  return html`<div
    role="radiogroup"
    id="${id}"
    tabindex="-1"
    aria-labelledby="${id}-label"
    class="keuze${shown}"
    ${invalid}
  >
    <p class="utrecht-paragraph" id="${id}-label"><strong>${label}</strong></p>
    ${nowHint} ${error}
    ${choices.map((c) =>
      radioButton(field.name, c, choiceWords(t, field, c), value === c, {
        idPrefix: id,
        required: !field.optional,
      }),
    )}
  </div>`;
}

export function decisionForm(
  t: Translate,
  name: CasePageDecision,
  state: CaseState,
  csrfToken: string,
  refused: DecisionProblems | undefined,
  current: SharedDetails | undefined,
): SafeHtml {
  const generic = refused?.decision === name ? refused.problems.filter((p) => !hasField(name, p.field)) : [];
  return html`<form
    method="post"
    action="/meldingen/${state.reference}/besluiten/${name}${isDirect(name) ? '' : '/controleren'}"
    id="besluit-${name}"
  >
    <fieldset class="utrecht-form-fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        ${t(CASE_PAGE_DECISIONS[name].label)}
      </legend>
      <input type="hidden" name="_csrf" value="${csrfToken}" />
      ${generic.map((p) => html`<p class="utrecht-paragraph fout">${p.text}</p>`)}
      ${fieldsOf(name).map((field) => fieldHtml(t, name, field, state, refused, current))}
      <p class="utrecht-paragraph">
        <button class="utrecht-button utrecht-button--primary-action" type="submit" id="${name}-verder">
          ${t(isDirect(name) ? 'contactmomenten.record' : 'casePage.check')}
        </button>
      </p>
    </fieldset>
  </form>`;
}

export function hasField(name: CasePageDecision, field: string): boolean {
  return fieldsOf(name).some((f) => f.name === field);
}

export function refusedSummary(t: Translate, refused: DecisionProblems): SafeHtml {
  return html`<div
    class="utrecht-alert utrecht-alert--error samenvatting"
    role="alert"
    id="problemen"
    tabindex="-1"
    autofocus
  >
    <h2 class="utrecht-heading-2">
      ${t('casePage.problemsTitle')}: ${t(CASE_PAGE_DECISIONS[refused.decision].label)}
    </h2>
    <ul class="utrecht-unordered-list">
      ${refused.problems.map((p) =>
        hasField(refused.decision, p.field)
          ? html`<li>
              <a class="utrecht-link utrecht-link--html-a" href="#${refused.decision}-${p.field}"
                >${p.text}</a
              >
            </li>`
          : html`<li>${p.text}</li>`,
      )}
    </ul>
    <p class="utrecht-paragraph">${t('casePage.nothingChanged')}</p>
  </div>`;
}
