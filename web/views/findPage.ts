/**
 * "Find a melding again" for staff: a phone number, or a name with a date of birth, and the cases
 * found (reference, region, phase: nothing of the person). The form posts, so what was typed never
 * lands in a URL, a browser history or a proxy's log. After a refused search the summary has focus
 * and links to each field, and every field shows its own problem, with everything typed kept.
 */
import type { FoundMelding } from '../../cases/find';
import type { FindField } from '../findQuery';
import type { PageUi } from '../kit/language';
import { attr, html, type SafeHtml } from '../kit/html';
import { errorSummary } from './errorSummary';
import { scrollingTable } from '../kit/table';
import { layout } from '../kit/layout';
import { staffNav } from './nav';

export interface FindPageInput {
  values: Partial<Record<FindField, string>>;
  /** Message per field, in the page's language. */
  problems: Partial<Record<FindField, string>>;
  /** Undefined before a search. */
  found?: FoundMelding[];
  /** Region id → the region's name. */
  regionName: (regionId: string) => string;
  csrfToken: string;
  staffId: string;
  ui: PageUi;
}

const FIELD_ORDER: FindField[] = ['telefoon', 'naam', 'geboortedatum'];

function field(
  input: FindPageInput,
  name: FindField,
  label: string,
  options: { hint?: string; type?: string; autofocus?: boolean; inputmode?: string },
): SafeHtml {
  const problem = input.problems[name];
  const hintId = options.hint ? `${name}-hint` : undefined;
  const describedBy = [hintId, problem ? `${name}-fout` : undefined].filter(Boolean).join(' ');
  return html`<label class="utrecht-form-label" for="${name}">${label}</label>
    ${options.hint ? html`<p class="utrecht-paragraph hint" id="${hintId}">${options.hint}</p>` : ''}
    ${
      problem
        ? html`<p class="utrecht-paragraph fout" id="${name}-fout">
            <span class="visually-hidden">${input.ui.t('form.errorPrefix')}</span>${problem}
          </p>`
        : ''
    }
    <input
      class="utrecht-textbox utrecht-textbox--html-input"
      type="${options.type ?? 'text'}"
      id="${name}"
      name="${name}"
      value="${input.values[name] ?? ''}"
      autocomplete="off"
      ${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${attr('autofocus', Boolean(options.autofocus))}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${attr('aria-invalid="true"', Boolean(problem))}
    />`;
}

function results(input: FindPageInput): SafeHtml {
  const { t } = input.ui;
  const found = input.found;
  if (found === undefined) return html``;
  if (found.length === 0) {
    return html`<section aria-labelledby="gevonden">
      <h2 class="utrecht-heading-2" id="gevonden">${t('find.resultsTitle')}</h2>
      <p class="utrecht-paragraph" role="status">${t('find.none')}</p>
    </section>`;
  }
  const rows = found.map(
    (m) =>
      html`<tr>
        <td>
          <a class="utrecht-link utrecht-link--html-a" href="/meldingen/${m.reference}">${m.reference}</a>
        </td>
        <td>
          ${input.regionName(m.regionId)}${
            m.transferredTo
              ? html`<br />${t('find.transferredTo', { region: input.regionName(m.transferredTo) })}`
              : ''
          }
        </td>
        <td>${m.phase ? t(`caseWords.phases.${m.phase}`) : ''}</td>
        <td>${m.open ? t('find.open') : t('find.closed')}</td>
      </tr>`,
  );
  return html`<section aria-labelledby="gevonden">
    <h2 class="utrecht-heading-2" id="gevonden">${t('find.resultsTitle')}</h2>
    <p class="utrecht-paragraph" role="status">${t('find.found', { count: found.length })}</p>
    ${scrollingTable(
      t('find.resultsTitle'),
      html`<table class="utrecht-table utrecht-table--html-table">
        <thead>
          <tr>
            <th scope="col">${t('find.reference')}</th>
            <th scope="col">${t('find.region')}</th>
            <th scope="col">${t('find.phase')}</th>
            <th scope="col">${t('find.state')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>`,
    )}
  </section>`;
}

export function findPage(input: FindPageInput): string {
  const { t } = input.ui;
  const problemFields = FIELD_ORDER.filter((f) => input.problems[f]);
  const failed = problemFields.length > 0;
  const summary = errorSummary(
    t('form.summary', { count: problemFields.length }),
    problemFields.map((f) => ({ target: f, message: input.problems[f]! })),
  );
  const body = html`<h1 class="utrecht-heading-1">${t('find.title')}</h1>
    <p class="utrecht-paragraph">${t('find.intro')}</p>
    ${summary}
    <form method="post" action="/meldingen/zoeken" novalidate>
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      ${field(input, 'telefoon', t('find.phone'), {
        hint: t('find.phoneHint'),
        type: 'tel',
        inputmode: 'tel',
        autofocus: !failed && input.found === undefined,
      })}
      <fieldset class="utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          ${t('find.orNameAndDate')}
        </legend>
        ${field(input, 'naam', t('find.name'), {})}
        ${field(input, 'geboortedatum', t('find.dateOfBirth'), {
          hint: t('find.dateOfBirthHint'),
          inputmode: 'numeric',
        })}
      </fieldset>
      <p class="utrecht-paragraph">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          ${t('find.submit')}
        </button>
      </p>
    </form>
    ${results(input)}`;
  return layout({
    title: failed ? t('find.titleFailed') : t('find.title'),
    body,
    nav: staffNav(input.ui, input.staffId, input.csrfToken),
    ui: input.ui,
  });
}
