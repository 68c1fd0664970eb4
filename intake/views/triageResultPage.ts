/**
 * What staff see right after registering: the reference, the triage outcome and the next steps to
 * tell the person on the line. A resubmitted form lands here too, saying the melding already existed.
 */
import type { TriageResult, VictimWishes } from '../../domain/types';
import { formatLocal } from '../localTime';
import { html, type SafeHtml } from './html';
import { FORENSIC_LABELS, MEDICAL_LABELS, TRIAGE_LABELS } from './labels';
import { layout } from './layout';
import { staffNav } from './nav';

export interface TriageResultInput {
  reference: string;
  status: 'started' | 'already_exists';
  triage?: TriageResult;
  regionName?: string;
  wishes?: VictimWishes;
  immediateDanger?: boolean;
  /** Minutes the casemanager has to acknowledge (first step of the region's ladder). */
  acknowledgeMinutes?: number;
  staffId: string;
  csrfToken: string;
}

export function nextSteps(input: TriageResultInput): SafeHtml[] {
  const steps: SafeHtml[] = [];
  const { triage, wishes } = input;
  if (input.immediateDanger)
    steps.push(html`<strong>Acuut gevaar: bel 112</strong> (of laat het slachtoffer 112 bellen).`);
  if (triage) {
    const wait = input.acknowledgeMinutes;
    steps.push(
      html`De piket-casemanager${input.regionName ? html` van ${input.regionName}` : ''} is
      gewaarschuwd${wait ? html` en bevestigt binnen ${wait < 120 ? `${wait} minuten` : `${Math.round(wait / 60)} uur`}` : ''}.
      Bevestigt niemand, dan gaat het verzoek naar de achterwacht en de coördinator.`,
    );
    if (triage.acute) {
      if (wishes?.police === 'ja') {
        steps.push(html`De zedenpolitie wordt gevraagd voor een informatief gesprek.`);
        steps.push(
          html`Forensisch-medisch onderzoek door
          ${FORENSIC_LABELS[triage.forensicPartner]}${triage.fmoDeadline ? html`, uiterlijk ${formatLocal(triage.fmoDeadline)}` : ''}.
          Adviseer om niet te douchen en kleding te bewaren.`,
        );
      } else if (wishes?.police === 'twijfel') {
        steps.push(
          html`Het slachtoffer twijfelt over de politie: de casemanager bespreekt de keuze. Aangifte is geen
          voorwaarde voor zorg.`,
        );
      } else {
        steps.push(html`Geen politie: dat is goed. Aangifte is geen voorwaarde voor zorg.`);
      }
      if (wishes?.medicalCare !== 'nee') {
        steps.push(
          html`Medische zorg via ${MEDICAL_LABELS[triage.medicalPartner]}: letsel, soa- en
          zwangerschapspreventie, beoordeling van PEP tegen hiv.`,
        );
      }
    } else {
      steps.push(
        html`Niet-acuut: de casemanager neemt contact op en begeleidt daarna minstens vier weken (watchful
        waiting).`,
      );
    }
  }
  return steps;
}

export function triageResultPage(input: TriageResultInput): string {
  const { triage } = input;
  const steps = nextSteps(input);
  const body = html`<div class="resultaat" role="status" tabindex="-1" id="resultaat" autofocus>
      <h1>${input.status === 'started' ? 'Melding geregistreerd' : 'Deze melding was al geregistreerd'}</h1>
      <p>Referentie: <strong id="referentie">${input.reference}</strong></p>
      ${input.status === 'already_exists' ? html`<p>Er is geen tweede melding gestart.</p>` : ''}
    </div>
    ${
      triage
        ? html`<h2>Triage</h2>
            <p id="triage"><strong>${TRIAGE_LABELS[triage.window]}</strong></p>
            ${triage.basis === 'unknown' ? html`<p>Het tijdstip is onbekend: behandeld als het meest urgent, tot de casemanager het corrigeert.</p>` : ''}
            ${triage.basis === 'approximate' ? html`<p>Het tijdstip is bij benadering: gerekend vanaf het laatst mogelijke moment.</p>` : ''}`
        : ''
    }
    ${
      steps.length
        ? html`<h2>Volgende stappen</h2>
            <ol id="volgende-stappen">
              ${steps.map((s) => html`<li>${s}</li>`)}
            </ol>`
        : ''
    }
    <p><a href="/meldingen/nieuw">Nieuwe melding registreren</a></p>`;
  return layout({ title: 'Melding geregistreerd', body, nav: staffNav(input.staffId, input.csrfToken) });
}
