/**
 * The forms on a task's page: while the request is open, accept it or decline it with a coded
 * reason; once accepted, schedule it (date, time, place) and report it done or not done. Every
 * form posts its own action with its own `actieId` (the update id), so sending one twice is one
 * action and never another form's. Radio buttons sit in a fieldset with a legend; each problem is
 * written next to its field and linked from the summary at the top.
 */
import { DECLINE_REASONS, NOT_DONE_REASONS, TASK_OUTCOMES } from '../../domain/vocabulary';
import { APPOINTMENT_PLACE_MAX } from '../../domain/decisionSchemas';
import type { TaskField, TaskForm, TaskProblems, TaskValues } from '../partnerTaskForm';
import type { PageUi } from '../kit/language';
import { attr, html, type SafeHtml } from '../kit/html';
import { radioButton } from './radioButton';
import { errorSummary } from './errorSummary';

export interface TaskFormsInput {
  actionPath: string;
  /** One update id per form, made when the page was rendered (the one posted is kept). */
  ids: Record<TaskForm, string>;
  problems: TaskProblems;
  values: TaskValues;
  ui: PageUi;
}

/** Summary order follows the page. */
const FIELD_ORDER: Array<TaskField | 'formulier'> = [
  'formulier',
  'afwijsreden',
  'datum',
  'tijd',
  'plaats',
  'uitkomst',
  'nietreden',
];

/** The radio groups, with their codes: a summary link jumps to the first option. */
const CHOICES: Partial<Record<TaskField, readonly string[]>> = {
  afwijsreden: DECLINE_REASONS,
  uitkomst: TASK_OUTCOMES,
  nietreden: NOT_DONE_REASONS,
};

function targetId(field: TaskField | 'formulier'): string {
  if (field === 'formulier') return 'titel';
  const choices = CHOICES[field];
  return choices ? `${field}-${choices[0]}` : field;
}

/** The error summary: focused after a refused post, one link per problem, nothing saved. */
export function taskErrorSummary(ui: PageUi, problems: TaskProblems): SafeHtml {
  const listed = FIELD_ORDER.filter((f) => problems[f]);
  return errorSummary(
    ui.t('form.summary', { count: listed.length }),
    listed.map((f) => ({ target: targetId(f), message: problems[f]! })),
    ui.t('form.summaryNothingSaved'),
  );
}

function errorText(input: TaskFormsInput, field: TaskField): SafeHtml {
  const message = input.problems[field];
  return message
    ? html`<p class="utrecht-paragraph fout" id="${field}-fout">
        <span class="visually-hidden">${input.ui.t('form.errorPrefix')}</span>${message}
      </p>`
    : html``;
}

function hidden(input: TaskFormsInput, form: TaskForm): SafeHtml {
  return html`<input type="hidden" name="actie" value="${form}" />
    <input type="hidden" name="actieId" value="${input.ids[form]}" />`;
}

function radioGroup(
  input: TaskFormsInput,
  field: 'afwijsreden' | 'uitkomst' | 'nietreden',
  legend: string,
  label: (code: string) => string,
  hint?: string,
): SafeHtml {
  const invalid = Boolean(input.problems[field]);
  const hintId = hint ? `${field}-hint` : '';
  const describedBy = [hintId, invalid ? `${field}-fout` : ''].filter(Boolean).join(' ');
  return html`<fieldset
    class="utrecht-form-fieldset--html-fieldset keuze"
    ${describedBy ? html` aria-describedby="${describedBy}"` : ''}
  >
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
      ${legend}
    </legend>
    ${hint ? html`<p class="utrecht-paragraph hint" id="${hintId}">${hint}</p>` : ''}
    ${errorText(input, field)}
    ${(CHOICES[field] ?? []).map((code) =>
      radioButton(field, code, label(code), input.values[field] === code),
    )}
  </fieldset>`;
}

function textField(
  input: TaskFormsInput,
  field: 'datum' | 'tijd' | 'plaats',
  label: string,
  hint: string,
  extra: { inputmode?: string; maxlength?: number; size?: number } = {},
): SafeHtml {
  const invalid = Boolean(input.problems[field]);
  const hintId = `${field}-hint`;
  return html`<div class="veld">
    <label class="utrecht-form-label" for="${field}">${label}</label>
    <p class="utrecht-paragraph hint" id="${hintId}">${hint}</p>
    ${errorText(input, field)}
    <input
      class="utrecht-textbox utrecht-textbox--html-input"
      type="text"
      id="${field}"
      name="${field}"
      value="${input.values[field] ?? ''}"
      autocomplete="off"
      aria-describedby="${[hintId, invalid ? `${field}-fout` : ''].filter(Boolean).join(' ')}"
      ${extra.inputmode ? html` inputmode="${extra.inputmode}"` : ''}${extra.maxlength ? html` maxlength="${extra.maxlength}"` : ''}${extra.size ? html` size="${extra.size}"` : ''}${attr('aria-invalid="true"', invalid)}
    />
  </div>`;
}

/** While the request is open: accept (the first thing a partner on duty does), or decline. */
export function openTaskForms(input: TaskFormsInput, focusAccept: boolean): SafeHtml {
  const { t } = input.ui;
  return html`<section aria-labelledby="aannemen-titel">
      <h2 class="utrecht-heading-2" id="aannemen-titel">${t('partnerTask.acceptTitle')}</h2>
      <p class="utrecht-paragraph hint">${t('partnerTask.acceptHint')}</p>
      <form method="post" action="${input.actionPath}" id="form-aannemen">
        ${hidden(input, 'aannemen')}
        <button
          class="utrecht-button utrecht-button--primary-action"
          type="submit"
          id="aannemen"
          ${attr('autofocus', focusAccept)}
        >
          ${t('partnerTask.accept')}
        </button>
      </form>
    </section>
    <form method="post" action="${input.actionPath}" id="form-afwijzen" novalidate>
      ${hidden(input, 'afwijzen')}
      ${radioGroup(
        input,
        'afwijsreden',
        t('partnerTask.declineLegend'),
        (c) => t(`tasks.declineReasons.${c}`),
        t('partnerTask.declineHint'),
      )}
      <button class="utrecht-button utrecht-button--secondary-action" type="submit" id="afwijzen">
        ${t('partnerTask.decline')}
      </button>
    </form>`;
}

/** Once accepted: schedule (again), then done or not done. */
export function acceptedTaskForms(input: TaskFormsInput, scheduled: boolean): SafeHtml {
  const { t } = input.ui;
  const titleKey = scheduled ? 'partnerTask.rescheduleTitle' : 'partnerTask.scheduleTitle';
  return html`<section aria-labelledby="plannen-titel">
      <h2 class="utrecht-heading-2" id="plannen-titel">${t(titleKey)}</h2>
      <p class="utrecht-paragraph hint">${t('partnerTask.scheduleHint')}</p>
      <form method="post" action="${input.actionPath}" id="form-plannen" novalidate>
        ${hidden(input, 'plannen')}
        ${textField(input, 'datum', t('partnerTask.date'), t('partnerTask.dateHint'), { inputmode: 'numeric', size: 10 })}
        ${textField(input, 'tijd', t('partnerTask.time'), t('partnerTask.timeHint'), { inputmode: 'numeric', size: 5 })}
        ${textField(input, 'plaats', t('partnerTask.place'), t('partnerTask.placeHint'), { maxlength: APPOINTMENT_PLACE_MAX })}
        <button class="utrecht-button utrecht-button--primary-action" type="submit" id="plannen">
          ${t('partnerTask.schedule')}
        </button>
      </form>
    </section>
    <section aria-labelledby="afronden-titel">
      <h2 class="utrecht-heading-2" id="afronden-titel">${t('partnerTask.finishTitle')}</h2>
      <p class="utrecht-paragraph hint">${t('partnerTask.finalHint')}</p>
      <form method="post" action="${input.actionPath}" id="form-uitgevoerd" novalidate>
        ${hidden(input, 'uitgevoerd')}
        ${radioGroup(input, 'uitkomst', t('partnerTask.doneLegend'), (c) => t(`tasks.outcomes.${c}`))}
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" id="uitgevoerd">
          ${t('partnerTask.done')}
        </button>
      </form>
      <form method="post" action="${input.actionPath}" id="form-niet_uitgevoerd" novalidate>
        ${hidden(input, 'niet_uitgevoerd')}
        ${radioGroup(input, 'nietreden', t('partnerTask.notDoneLegend'), (c) => t(`tasks.notDoneReasons.${c}`))}
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" id="niet_uitgevoerd">
          ${t('partnerTask.notDone')}
        </button>
      </form>
    </section>`;
}
