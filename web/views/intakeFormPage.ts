/**
 * The intake form for helpline staff: one page, keyboard only, in the order of the phone call.
 * The first field has focus; after an invalid submit the error summary at the top has focus and
 * links to each field, and every field shows its own problem, with everything typed kept.
 */
import {
  FORM_CHOICES,
  INTAKE_FORM_FIELDS,
  type FormProblems,
  type IntakeFormField,
  type IntakeFormValues,
} from '../intakeForm';
import type { PageUi } from '../kit/language';
import { attr, html, type SafeHtml } from '../kit/html';
import { radioButton } from './radioButton';
import { errorSummary } from './errorSummary';
import { layout } from '../kit/layout';
import { findCaseForm } from './casePage';
import { staffNav } from './nav';

export interface IntakeFormPageInput {
  values: IntakeFormValues;
  problems: FormProblems;
  csrfToken: string;
  staffId: string;
  municipalities: string[];
  ui: PageUi;
}

/** Summary order follows the page, so the first link goes to the first problem. */
const FIELD_ORDER: Array<IntakeFormField | 'formulier'> = ['formulier', ...INTAKE_FORM_FIELDS];

/** Choices shown as radio buttons: a summary link jumps to the first option. */
const RADIO_GROUPS = ['beller', 'tijdsoort', 'politie', 'medisch'] as const;

/** The element id a summary link jumps to: the field itself, or the first option of a group. */
function targetId(field: IntakeFormField | 'formulier'): string {
  if (field === 'formulier') return 'kanaal';
  const group = RADIO_GROUPS.find((g) => g === field);
  return group ? `${group}-${FORM_CHOICES[group][0]}` : field;
}

function errorText(input: IntakeFormPageInput, field: IntakeFormField): SafeHtml {
  const message = input.problems[field];
  return message
    ? html`<p class="utrecht-paragraph fout" id="${field}-fout">
        <span class="visually-hidden">${input.ui.t('form.errorPrefix')}</span>${message}
      </p>`
    : html``;
}

function invalidAttrs(problems: FormProblems, field: IntakeFormField, hintId?: string): SafeHtml {
  const describedBy = [hintId, problems[field] ? `${field}-fout` : undefined].filter(Boolean).join(' ');
  return html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${attr('aria-invalid="true"', Boolean(problems[field]))}`;
}

function textInput(
  input: IntakeFormPageInput,
  field: IntakeFormField,
  label: string,
  options: {
    hint?: string;
    type?: string;
    autocomplete?: string;
    list?: string;
    autofocus?: boolean;
    inputmode?: string;
  } = {},
): SafeHtml {
  const hintId = options.hint ? `${field}-hint` : undefined;
  return html`<label class="utrecht-form-label" for="${field}">${label}</label>
    ${options.hint ? html`<p class="utrecht-paragraph hint" id="${hintId}">${options.hint}</p>` : ''}
    ${errorText(input, field)}
    <input
      class="utrecht-textbox utrecht-textbox--html-input"
      type="${options.type ?? 'text'}"
      id="${field}"
      name="${field}"
      value="${input.values[field] ?? ''}"
      autocomplete="${options.autocomplete ?? 'off'}"
      ${options.list ? html` list="${options.list}"` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${attr('autofocus', Boolean(options.autofocus))}${invalidAttrs(input.problems, field, hintId)}
    />`;
}

function radioGroup(
  input: IntakeFormPageInput,
  field: IntakeFormField,
  legend: string,
  choices: Array<[value: string, label: string]>,
): SafeHtml {
  const invalid = Boolean(input.problems[field]);
  return html`<fieldset
    class="utrecht-form-fieldset--html-fieldset keuze"
    ${invalid ? html` aria-describedby="${field}-fout"` : ''}
  >
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
      ${legend}
    </legend>
    ${errorText(input, field)}
    ${choices.map(([value, label]) => radioButton(field, value, label, input.values[field] === value))}
  </fieldset>`;
}

function checkbox(input: IntakeFormPageInput, field: IntakeFormField, label: string): SafeHtml {
  return html`<label class="utrecht-form-label utrecht-form-label--checkbox" for="${field}"
    ><input
      class="utrecht-checkbox utrecht-checkbox--html-input"
      type="checkbox"
      id="${field}"
      name="${field}"
      value="ja"
      ${attr('checked', input.values[field] === 'ja')}
    />
    ${label}</label
  >`;
}

function select(
  input: IntakeFormPageInput,
  field: IntakeFormField,
  label: string,
  choices: Array<[value: string, label: string]>,
  autofocus = false,
): SafeHtml {
  return html`<label class="utrecht-form-label" for="${field}">${label}</label>
    ${errorText(input, field)}
    <select
      class="utrecht-select utrecht-select--html-select"
      id="${field}"
      name="${field}"
      ${attr('autofocus', autofocus)}${invalidAttrs(input.problems, field)}
    >
      ${choices.map(([value, text]) => html`<option value="${value}" ${attr('selected', (input.values[field] ?? '') === value)}>${text}</option>`)}
    </select>`;
}

function intakeErrorSummary(ui: PageUi, problems: FormProblems): SafeHtml {
  const listed = FIELD_ORDER.filter((f) => problems[f]);
  return errorSummary(
    ui.t('form.summary', { count: listed.length }),
    listed.map((f) => ({ target: targetId(f), message: problems[f]! })),
    ui.t('form.summaryNothingSaved'),
  );
}

export function intakeFormPage(input: IntakeFormPageInput): string {
  const hasProblems = Object.keys(input.problems).length > 0;
  const v = input.values;
  const { t } = input.ui;
  /** [value, label] pairs for a choice field: the domain's values, the catalogue group's words. */
  const options = (group: string, field: keyof typeof FORM_CHOICES): Array<[string, string]> =>
    FORM_CHOICES[field].map((value) => [value, t(`${group}.${value}`)]);
  const body = html`<h1 class="utrecht-heading-1">${t('form.title')}</h1>
    <p class="utrecht-paragraph hint">${t('form.intro')}</p>
    ${hasProblems ? '' : findCaseForm(t)} ${intakeErrorSummary(input.ui, input.problems)}
    ${input.problems.formulier ? html`<p class="utrecht-paragraph fout" id="formulier-fout">${input.problems.formulier}</p>` : ''}
    <form method="post" action="/meldingen" novalidate>
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      <input type="hidden" name="volgnummer" value="${v.volgnummer ?? ''}" />
      <input type="hidden" name="ontvangen" value="${v.ontvangen ?? ''}" />

      <fieldset class="utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('form.contact')}
        </legend>
        ${select(input, 'kanaal', t('form.channel'), options('form.channels', 'kanaal'), !hasProblems)}
        ${radioGroup(input, 'beller', t('form.caller'), options('form.callers', 'beller'))}
      </fieldset>

      <fieldset class="utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('form.when')}
        </legend>
        ${radioGroup(input, 'tijdsoort', t('form.timeKnown'), options('form.timeKinds', 'tijdsoort'))}
        <p class="utrecht-paragraph hint">${t('form.timeHint')}</p>
        ${textInput(input, 'datum', t('form.date'), { hint: t('form.dateHint') })}
        ${textInput(input, 'tijd', t('form.time'), { hint: t('form.timeFormatHint'), inputmode: 'numeric' })}
        ${textInput(input, 'vanaf-datum', t('form.fromDate'))}
        ${textInput(input, 'vanaf-tijd', t('form.fromTime'), { inputmode: 'numeric' })}
        ${textInput(input, 'tot-datum', t('form.toDate'))}
        ${textInput(input, 'tot-tijd', t('form.toTime'), { inputmode: 'numeric' })}
      </fieldset>

      <fieldset class="utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('form.victim')}
        </legend>
        ${textInput(input, 'leeftijd', t('form.age'), { hint: t('form.ageHint'), inputmode: 'numeric' })}
        ${select(input, 'leeftijdsgroep', t('form.ageBand'), [
          ['', t('form.ageBands.none')],
          ...options('form.ageBands', 'leeftijdsgroep'),
        ])}
        ${select(input, 'geslacht', t('form.gender'), [
          ['', t('form.notAsked')],
          ...options('form.genders', 'geslacht'),
        ])}
        ${select(input, 'eerder-misbruik', t('form.earlierAbuse'), [
          ['', t('form.notAsked')],
          ...options('form.earlierAbuseChoices', 'eerder-misbruik'),
        ])}
        ${textInput(input, 'gemeente', t('form.municipality'), { list: 'gemeenten', hint: t('form.municipalityHint') })}
        <datalist id="gemeenten">
          ${input.municipalities.map((m) => html`<option value="${m}"></option>`)}
        </datalist>
        ${checkbox(input, 'gevaar', t('form.danger'))} ${checkbox(input, 'online', t('form.online'))}
      </fieldset>

      <fieldset class="utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('form.wishes')}
        </legend>
        ${radioGroup(input, 'politie', t('form.police'), options('form.choices', 'politie'))}
        ${radioGroup(input, 'medisch', t('form.medical'), options('form.choices', 'medisch'))}
      </fieldset>

      <fieldset class="utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('form.safeContact')}
        </legend>
        <p class="utrecht-paragraph hint">${t('form.safeContactHint')}</p>
        ${textInput(input, 'naam', t('form.name'), { autocomplete: 'off' })}
        ${textInput(input, 'telefoon', t('form.phone'), { type: 'tel', autocomplete: 'off' })}
        ${textInput(input, 'email', t('form.email'), { type: 'email', autocomplete: 'off' })}
        ${checkbox(input, 'veilig-bellen', t('form.safeToCall'))}
        ${checkbox(input, 'veilig-sms', t('form.safeToText'))}
        ${checkbox(input, 'veilig-mailen', t('form.safeToEmail'))}
        ${checkbox(input, 'ervaringsvragen', t('form.experienceQuestions'))}
      </fieldset>

      <fieldset class="utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('form.forCasemanager')}
        </legend>
        ${textInput(input, 'geboortedatum', t('form.dateOfBirth'), {
          hint: t('form.dateOfBirthHint'),
          autocomplete: 'off',
        })}
        <label class="utrecht-form-label" for="aantekeningen">${t('form.notes')}</label>
        <p class="utrecht-paragraph hint" id="aantekeningen-hint">${t('form.notesHint')}</p>
        ${errorText(input, 'aantekeningen')}
        <textarea
          class="utrecht-textarea utrecht-textarea--html-textarea"
          id="aantekeningen"
          name="aantekeningen"
          rows="3"
          maxlength="500"
          ${invalidAttrs(input.problems, 'aantekeningen', 'aantekeningen-hint')}
        >
${input.values.aantekeningen ?? ''}</textarea>
        ${textInput(input, 'gekoppeld', t('form.linkedTo'), { hint: t('form.linkedToHint'), autocomplete: 'off' })}
      </fieldset>

      <fieldset class="utrecht-form-fieldset--html-fieldset" id="ouder-voogd">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('form.guardian')}
        </legend>
        <p class="utrecht-paragraph hint">${t('form.guardianHint')}</p>
        ${select(input, 'ouder-relatie', t('form.guardianRelation'), [
          ['', t('form.guardianRelations.none')],
          ...options('form.guardianRelations', 'ouder-relatie'),
        ])}
        ${textInput(input, 'ouder-naam', t('form.guardianName'), { autocomplete: 'off' })}
        ${textInput(input, 'ouder-telefoon', t('form.guardianPhone'), { type: 'tel', autocomplete: 'off' })}
      </fieldset>

      <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('form.submit')}</button>
    </form>`;
  return layout({
    title: hasProblems ? t('form.titleFailed') : t('form.title'),
    body,
    nav: staffNav(input.ui, input.staffId, input.csrfToken),
    ui: input.ui,
  });
}
