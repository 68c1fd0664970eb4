/**
 * The page a partner opens from a handover message: what is asked, the consent-filtered details,
 * and one action (acknowledge, or record the check-in outcome). Reached by signed link, no login.
 */
import type { SharedDetails, VictimAge } from '../../domain/types';
import { CHECK_IN_OUTCOMES } from '../../domain/vocabulary';
import type { RequestView } from '../../workflows/messages';
import { translator } from '../../i18n';
import type { PageUi } from '../kit/language';
import { languageName } from '../kit/languageName';
import { formatLocal } from '../../domain/localTime';
import { escapeHtml, html, raw, type SafeHtml } from '../kit/html';
import { radioButton } from './radioButton';
import { layout } from '../kit/layout';

function ageText(ui: PageUi, age: VictimAge): string {
  const { t } = ui;
  if (age.kind === 'years') return t('partner.ageYears', { years: age.years });
  if (age.kind === 'band')
    return age.band === '18+' ? t('partner.ageAdult') : t('partner.ageBand', { band: age.band });
  return t('partner.ageUnknown');
}

/**
 * The workflow writes its notes in Dutch into the case history (the record stays as it was); the
 * page shows them in the reader's language through the catalogue. A note it does not know is
 * shown as written.
 */
const NOTE_PATTERNS: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^Screening \(dag (\d+)\)$/, 'note.screeningDay', (m) => ({ day: m[1]! })],
  [/^Check-in \(dag (\d+)\)$/, 'note.checkinDay', (m) => ({ day: m[1]! })],
  [/^Overdracht van (.+)$/, 'note.transferFrom', (m) => ({ region: m[1]! })],
];
const NOTE_KEYS = [
  'informativeInterview',
  'fmoUndecided',
  'fmoWithInvestigation',
  'forensicDetective',
  'medicalWithFmo',
  'medical',
  'ggzReferral',
  'handoverDanger',
  'handover',
  'secondRing',
  'anonymousConsultation',
];

export function noteText(ui: PageUi, note: string): string {
  const dutch = translator('nl');
  const key = NOTE_KEYS.find((k) => dutch(`note.${k}`) === note);
  if (key) return ui.t(`note.${key}`);
  for (const [pattern, patternKey, values] of NOTE_PATTERNS) {
    const match = pattern.exec(note);
    if (match) return ui.t(patternKey, values(match));
  }
  return note;
}

/** Whether the page shows anything of the victim: only with consent, or to the CSG's own staff. */
export function showsVictimDetails(details: SharedDetails): boolean {
  return (
    details.victimAge !== undefined || details.municipality !== undefined || details.contact !== undefined
  );
}

export function detailsList(ui: PageUi, details: SharedDetails): SafeHtml {
  const { t } = ui;
  const rows: Array<[string, string]> = [
    [t('partner.reference'), details.reference],
    [t('partner.asked'), t(`request.kinds.${details.kind}`)],
    [t('partner.for'), t(`request.roles.${details.role}`)],
    [t('partner.triage'), t(`triage.windows.${details.triageWindow}`)],
  ];
  if (details.victimAge) rows.push([t('partner.age'), ageText(ui, details.victimAge)]);
  if (details.municipality) rows.push([t('partner.municipality'), details.municipality]);
  if (details.contact?.name) rows.push([t('partner.name'), details.contact.name]);
  if (details.contact?.phone) rows.push([t('partner.phone'), details.contact.phone]);
  if (details.contact?.email) rows.push([t('partner.email'), details.contact.email]);
  if (details.contact?.dateOfBirth) rows.push([t('partner.dateOfBirth'), details.contact.dateOfBirth]);
  if (details.contactPreferences) {
    const p = details.contactPreferences;
    const safe = [
      p.safeToCall && t('partner.viaCall'),
      p.safeToText && t('partner.viaText'),
      p.safeToEmail && t('partner.viaEmail'),
    ]
      .filter(Boolean)
      .join(', ');
    rows.push([t('partner.safeVia'), safe || t('partner.noSafeChannel')]);
  }
  if (details.practicalNotes) rows.push([t('partner.notes'), details.practicalNotes]);
  if (details.language) rows.push([t('partner.language'), languageName(details.language, ui.lang)]);
  if (details.interpreterNeeded !== undefined) {
    const needed = details.interpreterNeeded ? 'partner.interpreterYes' : 'partner.interpreterNo';
    rows.push([t('partner.interpreter'), t(needed)]);
  }
  if (details.guardian) {
    const g = details.guardian;
    const who = [t(`tweedeRing.relations.${g.relation}`), g.name, g.phone].filter(Boolean).join(', ');
    rows.push([t('partner.guardian'), who]);
  }
  if (details.note) rows.push([t('partner.note'), noteText(ui, details.note)]);
  return html`<dl class="utrecht-data-list">
    ${rows.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

export interface PartnerPageInput {
  details: SharedDetails;
  request: RequestView;
  actionPath: string;
  problems?: { outcome?: string; ptss?: string; formulier?: string };
  values?: { outcome?: string; ptss?: string };
  ui: PageUi;
}

export function partnerPage(input: PartnerPageInput): string {
  const { details, request, ui } = input;
  const { t } = ui;
  const problems = input.problems ?? {};
  const values = input.values ?? {};
  const isCheckIn = request.kind === 'checkin';
  const radio = (name: 'outcome' | 'ptss', value: string, label: string) =>
    radioButton(name, value, label, values[name] === value);
  const error = (name: 'outcome' | 'ptss' | 'formulier') =>
    problems[name] ? html`<p class="utrecht-paragraph fout" id="${name}-fout">${problems[name]}</p>` : '';
  const form = isCheckIn
    ? html`<form method="post" action="${input.actionPath}">
        <fieldset
          class="utrecht-form-fieldset--html-fieldset keuze"
          ${problems.outcome ? html` aria-describedby="outcome-fout"` : ''}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            ${t('partner.howIsVictim')}
          </legend>
          ${error('outcome')}
          ${CHECK_IN_OUTCOMES.map((outcome) => radio('outcome', outcome, t(`partner.outcomes.${outcome}`)))}
        </fieldset>
        <fieldset
          class="utrecht-form-fieldset--html-fieldset keuze"
          ${problems.ptss ? html` aria-describedby="ptss-fout"` : ''}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            ${t('partner.screening')}
          </legend>
          ${error('ptss')} ${radio('ptss', 'ja', t('form.choices.ja'))}
          ${radio('ptss', 'nee', t('form.choices.nee'))}
        </fieldset>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          ${t('partner.recordOutcome')}
        </button>
      </form>`
    : html`<form method="post" action="${input.actionPath}">
        <button class="utrecht-button utrecht-button--primary-action" type="submit" autofocus>
          ${t('partner.accept')}
        </button>
      </form>`;
  // The catalogue text carries <strong>; the one value in it is escaped here.
  const due = raw(
    t(isCheckIn ? 'partner.dueRecord' : 'partner.dueConfirm', {
      due: escapeHtml(formatLocal(request.dueBy)),
    }),
  );
  const title = t(`request.kinds.${details.kind}`);
  const body = html`<h1 class="utrecht-heading-1">${title}</h1>
    ${error('formulier')}
    <p class="utrecht-paragraph">${due}</p>
    ${detailsList(ui, details)} ${form}
    <p class="utrecht-paragraph hint">
      ${t(showsVictimDetails(details) ? 'partner.doNotShare' : 'partner.doNotShareNoDetails')}
    </p>`;
  return layout({ title, body, ui });
}
