/**
 * The intake form for helpline staff: one page, keyboard only, in the order of the phone call.
 * The first field has focus; after an invalid submit the error summary at the top has focus and
 * links to each field, and every field shows its own problem, with everything typed kept.
 */
import type { FormProblems, IntakeFormField, IntakeFormValues } from '../intakeForm';
import { attr, html, type SafeHtml } from './html';
import { layout } from './layout';
import { staffNav } from './nav';

export interface IntakeFormPageInput {
  values: IntakeFormValues;
  problems: FormProblems;
  csrfToken: string;
  staffId: string;
  municipalities: string[];
}

/** Summary order follows the page, so the first link goes to the first problem. */
const FIELD_ORDER: Array<IntakeFormField | 'formulier'> = [
  'formulier',
  'kanaal',
  'beller',
  'tijdsoort',
  'datum',
  'tijd',
  'vanaf-datum',
  'vanaf-tijd',
  'tot-datum',
  'tot-tijd',
  'leeftijd',
  'geslacht',
  'eerder-misbruik',
  'gemeente',
  'politie',
  'medisch',
  'naam',
  'telefoon',
  'email',
  'geboortedatum',
  'aantekeningen',
];

/** The element id a summary link jumps to: the field itself, or the first option of a group. */
function targetId(field: IntakeFormField | 'formulier'): string {
  const groups: Partial<Record<string, string>> = {
    beller: 'beller-slachtoffer',
    tijdsoort: 'tijdsoort-exact',
    politie: 'politie-ja',
    medisch: 'medisch-ja',
    formulier: 'kanaal',
  };
  return groups[field] ?? field;
}

function errorText(problems: FormProblems, field: IntakeFormField): SafeHtml {
  const message = problems[field];
  return message
    ? html`<p class="fout" id="${field}-fout"><span class="visually-hidden">Fout: </span>${message}</p>`
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
  return html`<label for="${field}">${label}</label>
    ${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : ''}
    ${errorText(input.problems, field)}
    <input
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
  return html`<fieldset class="keuze" ${invalid ? html` aria-describedby="${field}-fout"` : ''}>
    <legend>${legend}</legend>
    ${errorText(input.problems, field)}
    ${choices.map(
      ([value, label]) =>
        html`<label for="${field}-${value}"
          ><input
            type="radio"
            id="${field}-${value}"
            name="${field}"
            value="${value}"
            ${attr('checked', input.values[field] === value)}
          />
          ${label}</label
        >`,
    )}
  </fieldset>`;
}

function checkbox(input: IntakeFormPageInput, field: IntakeFormField, label: string): SafeHtml {
  return html`<label for="${field}"
    ><input
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
  return html`<label for="${field}">${label}</label>
    ${errorText(input.problems, field)}
    <select
      id="${field}"
      name="${field}"
      ${attr('autofocus', autofocus)}${invalidAttrs(input.problems, field)}
    >
      ${choices.map(([value, text]) => html`<option value="${value}" ${attr('selected', (input.values[field] ?? '') === value)}>${text}</option>`)}
    </select>`;
}

function errorSummary(problems: FormProblems): SafeHtml {
  const listed = FIELD_ORDER.filter((f) => problems[f]);
  if (listed.length === 0) return html``;
  return html`<div
    class="samenvatting"
    role="alert"
    aria-labelledby="samenvatting-titel"
    tabindex="-1"
    id="samenvatting"
    autofocus
  >
    <h2 id="samenvatting-titel">Controleer ${listed.length === 1 ? '1 veld' : `${listed.length} velden`}</h2>
    <p>Er is nog niets geregistreerd. Alles wat u typte staat er nog.</p>
    <ul>
      ${listed.map((f) => html`<li><a href="#${targetId(f)}">${problems[f]}</a></li>`)}
    </ul>
  </div>`;
}

export function intakeFormPage(input: IntakeFormPageInput): string {
  const hasProblems = Object.keys(input.problems).length > 0;
  const v = input.values;
  const body = html`<h1>Nieuwe melding</h1>
    <p class="hint">Vul in wat u tijdens het gesprek hoort. Velden met (optioneel) mogen leeg blijven.</p>
    ${errorSummary(input.problems)}
    ${input.problems.formulier ? html`<p class="fout" id="formulier-fout">${input.problems.formulier}</p>` : ''}
    <form method="post" action="/meldingen" novalidate>
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      <input type="hidden" name="volgnummer" value="${v.volgnummer ?? ''}" />
      <input type="hidden" name="ontvangen" value="${v.ontvangen ?? ''}" />

      <fieldset>
        <legend>Contact</legend>
        ${select(
          input,
          'kanaal',
          'Hoe kwam de melding binnen?',
          [
            ['telefoon', 'Telefoon (0800-0188)'],
            ['chat', 'Chat'],
            ['verwijzing_politie', 'Verwijzing door politie'],
            ['verwijzing_veilig_thuis', 'Verwijzing door Veilig Thuis'],
            ['verwijzing_huisarts', 'Verwijzing door huisarts'],
            ['verwijzing_wijkteam', 'Verwijzing door wijkteam'],
            ['verwijzing_overig', 'Andere verwijzer'],
          ],
          !hasProblems,
        )}
        ${radioGroup(input, 'beller', 'Wie neemt contact op?', [
          ['slachtoffer', 'Slachtoffer zelf'],
          ['naaste', 'Naaste'],
          ['professional', 'Professional'],
        ])}
      </fieldset>

      <fieldset>
        <legend>Wanneer gebeurde het?</legend>
        ${radioGroup(input, 'tijdsoort', 'Is het tijdstip bekend?', [
          ['exact', 'Bekend'],
          ['ongeveer', 'Ongeveer (tussen twee momenten)'],
          ['onbekend', 'Onbekend'],
        ])}
        <p class="hint">
          Bij "bekend": datum en tijd. Bij "ongeveer": het vroegste en het laatste moment. Bij "onbekend"
          wordt de melding als het meest urgent behandeld.
        </p>
        ${textInput(input, 'datum', 'Datum (bij bekend)', { hint: 'dd-mm-jjjj, "vandaag" of "gisteren"' })}
        ${textInput(input, 'tijd', 'Tijd (bij bekend)', { hint: 'uu:mm', inputmode: 'numeric' })}
        ${textInput(input, 'vanaf-datum', 'Vroegste datum (bij ongeveer)')}
        ${textInput(input, 'vanaf-tijd', 'Vroegste tijd (bij ongeveer)', { inputmode: 'numeric' })}
        ${textInput(input, 'tot-datum', 'Laatste datum (bij ongeveer)')}
        ${textInput(input, 'tot-tijd', 'Laatste tijd (bij ongeveer)', { inputmode: 'numeric' })}
      </fieldset>

      <fieldset>
        <legend>Slachtoffer</legend>
        ${textInput(input, 'leeftijd', 'Leeftijd in jaren', { hint: 'Weet de beller het niet precies? Laat leeg en kies een groep.', inputmode: 'numeric' })}
        ${select(input, 'leeftijdsgroep', 'Of leeftijdsgroep (optioneel)', [
          ['', '— geen —'],
          ['0-15', '15 jaar of jonger'],
          ['16-17', '16 of 17 jaar'],
          ['18+', '18 jaar of ouder'],
          ['onbekend', 'Onbekend'],
        ])}
        ${select(input, 'geslacht', 'Geslacht (optioneel, voor de semestercijfers)', [
          ['', '— niet gevraagd —'],
          ['vrouw', 'Vrouw'],
          ['man', 'Man'],
          ['anders', 'Anders'],
          ['onbekend', 'Onbekend of wil het niet zeggen'],
        ])}
        ${select(
          input,
          'eerder-misbruik',
          'Eerder seksueel misbruik meegemaakt? (optioneel, voor de semestercijfers)',
          [
            ['', '— niet gevraagd —'],
            ['ja', 'Ja'],
            ['nee', 'Nee'],
            ['onbekend', 'Onbekend of wil het niet zeggen'],
          ],
        )}
        ${textInput(input, 'gemeente', 'Woonplaats (gemeente) van het slachtoffer', { list: 'gemeenten', hint: 'Begin te typen en kies uit de lijst.' })}
        <datalist id="gemeenten">
          ${input.municipalities.map((m) => html`<option value="${m}"></option>`)}
        </datalist>
        ${checkbox(input, 'gevaar', 'Er is nu acuut gevaar')}
        ${checkbox(input, 'online', 'Er is een online component (bijvoorbeeld beelden gedeeld)')}
      </fieldset>

      <fieldset>
        <legend>Wensen van het slachtoffer</legend>
        ${radioGroup(input, 'politie', 'Contact met de politie?', [
          ['ja', 'Ja'],
          ['nee', 'Nee'],
          ['twijfel', 'Twijfel'],
        ])}
        ${radioGroup(input, 'medisch', 'Medische zorg?', [
          ['ja', 'Ja'],
          ['nee', 'Nee'],
          ['twijfel', 'Twijfel'],
        ])}
      </fieldset>

      <fieldset>
        <legend>Hoe bereikt de casemanager het slachtoffer veilig?</legend>
        <p class="hint">Vraag dit na: soms deelt een pleger de telefoon of het e-mailadres.</p>
        ${textInput(input, 'naam', 'Naam (optioneel)', { autocomplete: 'off' })}
        ${textInput(input, 'telefoon', 'Telefoonnummer (optioneel)', { type: 'tel', autocomplete: 'off' })}
        ${textInput(input, 'email', 'E-mailadres (optioneel)', { type: 'email', autocomplete: 'off' })}
        ${checkbox(input, 'veilig-bellen', 'Bellen is veilig')}
        ${checkbox(input, 'veilig-sms', 'Sms is veilig')}
        ${checkbox(input, 'veilig-mailen', 'E-mail is veilig')}
      </fieldset>

      <fieldset>
        <legend>Voor de casemanager</legend>
        ${textInput(input, 'geboortedatum', 'Geboortedatum (optioneel)', { type: 'date', autocomplete: 'off' })}
        <label for="aantekeningen">Praktische aantekeningen (optioneel)</label>
        <p class="hint" id="aantekeningen-hint">
          Bijvoorbeeld taal, tolk, wanneer bellen veilig is. Geen verhaal van het incident.
        </p>
        ${errorText(input.problems, 'aantekeningen')}
        <textarea
          id="aantekeningen"
          name="aantekeningen"
          rows="3"
          maxlength="500"
          ${invalidAttrs(input.problems, 'aantekeningen', 'aantekeningen-hint')}
        >
${input.values.aantekeningen ?? ''}</textarea>
      </fieldset>

      <button type="submit">Melding registreren</button>
    </form>`;
  return layout({
    title: hasProblems ? 'Fout: nieuwe melding' : 'Nieuwe melding',
    body,
    nav: staffNav(input.staffId, input.csrfToken),
  });
}
