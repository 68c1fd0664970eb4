/**
 * The page a partner opens from a handover message: what is asked, the consent-filtered details,
 * and one action (acknowledge, or record the check-in outcome). Reached by signed link, no login.
 */
import type { SharedDetails, VictimAge } from '../../domain/types';
import type { RequestView } from '../../workflows/messages';
import { formatLocal } from '../localTime';
import { attr, html, type SafeHtml } from './html';
import { REQUEST_LABELS, ROLE_LABELS, TRIAGE_LABELS } from './labels';
import { layout } from './layout';

function ageText(age: VictimAge): string {
  if (age.kind === 'years') return `${age.years} jaar`;
  if (age.kind === 'band') return age.band === '18+' ? '18 jaar of ouder' : `${age.band} jaar`;
  return 'onbekend';
}

function detailsList(details: SharedDetails): SafeHtml {
  const rows: Array<[string, string]> = [
    ['Referentie', details.reference],
    ['Gevraagd', REQUEST_LABELS[details.kind]],
    ['Voor', ROLE_LABELS[details.role]],
    ['Triage', TRIAGE_LABELS[details.triageWindow]],
  ];
  if (details.victimAge) rows.push(['Leeftijd', ageText(details.victimAge)]);
  if (details.municipality) rows.push(['Gemeente', details.municipality]);
  if (details.contact?.name) rows.push(['Naam', details.contact.name]);
  if (details.contact?.phone) rows.push(['Telefoon', details.contact.phone]);
  if (details.contact?.email) rows.push(['E-mail', details.contact.email]);
  if (details.contact?.dateOfBirth) rows.push(['Geboortedatum', details.contact.dateOfBirth]);
  if (details.contactPreferences) {
    const p = details.contactPreferences;
    const safe = [p.safeToCall && 'bellen', p.safeToText && 'sms', p.safeToEmail && 'e-mail']
      .filter(Boolean)
      .join(', ');
    rows.push(['Veilig contact via', safe || 'geen kanaal veilig: overleg met de coördinator']);
  }
  if (details.practicalNotes) rows.push(['Praktische aantekeningen', details.practicalNotes]);
  if (details.note) rows.push(['Toelichting', details.note]);
  return html`<dl>
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
}

export function partnerPage(input: PartnerPageInput): string {
  const { details, request } = input;
  const problems = input.problems ?? {};
  const values = input.values ?? {};
  const isCheckIn = request.kind === 'checkin';
  const radio = (name: 'outcome' | 'ptss', value: string, label: string) =>
    html`<label for="${name}-${value}"
      ><input
        type="radio"
        id="${name}-${value}"
        name="${name}"
        value="${value}"
        ${attr('checked', values[name] === value)}
      />
      ${label}</label
    >`;
  const error = (name: 'outcome' | 'ptss' | 'formulier') =>
    problems[name] ? html`<p class="fout" id="${name}-fout">${problems[name]}</p>` : '';
  const form = isCheckIn
    ? html`<form method="post" action="${input.actionPath}">
        <fieldset class="keuze" ${problems.outcome ? html` aria-describedby="outcome-fout"` : ''}>
          <legend>Hoe gaat het met het slachtoffer?</legend>
          ${error('outcome')} ${radio('outcome', 'gaat_goed', 'Gaat goed')}
          ${radio('outcome', 'stressreactie', 'Stressreactie')}
          ${radio('outcome', 'geen_contact', 'Geen contact gekregen')}
        </fieldset>
        <fieldset class="keuze" ${problems.ptss ? html` aria-describedby="ptss-fout"` : ''}>
          <legend>Alleen bij de screening: wijst de screening op PTSS?</legend>
          ${error('ptss')} ${radio('ptss', 'ja', 'Ja')} ${radio('ptss', 'nee', 'Nee')}
        </fieldset>
        <button type="submit">Uitkomst vastleggen</button>
      </form>`
    : html`<form method="post" action="${input.actionPath}">
        <button type="submit" autofocus>Ik neem dit verzoek aan</button>
      </form>`;
  const body = html`<h1>${REQUEST_LABELS[details.kind]}</h1>
    ${error('formulier')}
    <p>
      Graag ${isCheckIn ? 'vastleggen' : 'bevestigen'} vóór <strong>${formatLocal(request.dueBy)}</strong>.
      Daarna gaat het verzoek naar de volgende in de escalatieladder.
    </p>
    ${detailsList(details)} ${form}
    <p class="hint">Deel deze link niet: hij geeft toegang tot gegevens van het slachtoffer.</p>`;
  return layout({ title: REQUEST_LABELS[details.kind], body });
}
