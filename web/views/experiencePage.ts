/**
 * The victim's page of a few questions about the help received: one fieldset per question, its
 * legend the question, the choices as radios (checkboxes for the help received), and, after a
 * wrong post, an error summary on top that links to each question and the problem named at the
 * question itself. Built for a phone: the choices wrap, nothing is wider than the screen.
 */
import {
  EXPERIENCE_FIELDS,
  HELP_KINDS,
  RECOMMEND_CHOICES,
  SCALE,
  type ExperienceField,
  type ExperienceFormValues,
} from '../../domain/experience';
import { attr, html, type SafeHtml } from '../kit/html';
import { radioButton } from './radioButton';
import { errorSummary } from './errorSummary';
import type { PageUi } from '../kit/language';
import { layout } from '../kit/layout';

export interface ExperiencePageInput {
  ui: PageUi;
  /** Where the form posts: the page itself, in its language. */
  action: string;
  values: ExperienceFormValues;
  problems: readonly ExperienceField[];
}

/** The id of a question's first choice: where the error summary's link lands. */
const firstChoiceId = (field: ExperienceField) =>
  field === 'help' ? `help-${HELP_KINDS[0]}` : field === 'recommend' ? 'recommend-ja' : `${field}-1`;

function errorText(input: ExperiencePageInput, field: ExperienceField): SafeHtml {
  return input.problems.includes(field)
    ? html`<p class="utrecht-paragraph fout" id="${field}-fout">
        <span class="visually-hidden">${input.ui.t('form.errorPrefix')}</span
        >${input.ui.t(`ervaring.problems.${field}`)}
      </p>`
    : html``;
}

function fieldset(
  input: ExperiencePageInput,
  field: ExperienceField,
  legend: string,
  hint: string | undefined,
  choices: SafeHtml[],
  inline: boolean,
): SafeHtml {
  const described = [hint ? `${field}-hint` : '', input.problems.includes(field) ? `${field}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return html`<fieldset
    class="utrecht-form-fieldset--html-fieldset${inline ? ' keuze' : ''}"
    ${described ? html` aria-describedby="${described}"` : ''}
  >
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
      ${legend}
    </legend>
    ${hint ? html`<p class="utrecht-paragraph hint" id="${field}-hint">${hint}</p>` : ''}
    ${errorText(input, field)} ${choices}
  </fieldset>`;
}

function experienceErrorSummary(input: ExperiencePageInput): SafeHtml {
  const listed = EXPERIENCE_FIELDS.filter((f) => input.problems.includes(f));
  const { t } = input.ui;
  return errorSummary(
    t('ervaring.summary', { count: listed.length }),
    listed.map((f) => ({ target: firstChoiceId(f), message: t(`ervaring.problems.${f}`) })),
    t('ervaring.summaryNothingSaved'),
  );
}

export function experiencePage(input: ExperiencePageInput): string {
  const { t } = input.ui;
  const v = input.values;
  const scaleLabel = (n: string) =>
    n === '1' ? t('ervaring.scaleLow') : n === '5' ? t('ervaring.scaleHigh') : n;
  const scale = (field: 'heard' | 'quick') =>
    fieldset(
      input,
      field,
      t(`ervaring.${field}`),
      t('ervaring.scaleHint'),
      SCALE.map((n) => radioButton(field, n, scaleLabel(n), v[field] === n)),
      true,
    );
  const body = html`<h1
      class="utrecht-heading-1"
      id="vragen-titel"
      ${attr('tabindex="-1" autofocus', input.problems.length === 0)}
    >
      ${t('ervaring.title')}
    </h1>
    ${experienceErrorSummary(input)}
    <p class="utrecht-paragraph">${t('ervaring.intro')}</p>
    <p class="utrecht-paragraph hint">${t('ervaring.anonymous')}</p>
    <form method="post" action="${input.action}" novalidate>
      ${scale('heard')} ${scale('quick')}
      ${fieldset(
        input,
        'recommend',
        t('ervaring.recommend'),
        undefined,
        RECOMMEND_CHOICES.map((c) =>
          radioButton('recommend', c, t(`ervaring.recommendChoices.${c}`), v.recommend === c),
        ),
        true,
      )}
      ${fieldset(
        input,
        'help',
        t('ervaring.help'),
        t('ervaring.helpHint'),
        HELP_KINDS.map(
          (k) =>
            html`<label class="utrecht-form-label utrecht-form-label--checkbox" for="help-${k}"
              ><input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id="help-${k}"
                name="help"
                value="${k}"
                ${attr('checked', v.help.includes(k))}
              />
              ${t(`ervaring.helpChoices.${k}`)}</label
            >`,
        ),
        false,
      )}
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        ${t('ervaring.submit')}
      </button>
    </form>`;
  return layout({ title: t('ervaring.title'), body, ui: input.ui });
}
