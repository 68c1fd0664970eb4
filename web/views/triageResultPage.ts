/**
 * What staff see right after registering: the reference, the triage outcome and the next steps to
 * tell the person on the line. A resubmitted form lands here too, saying the melding already existed.
 */
import type { TriageResult, VictimWishes } from '../../domain/types';
import type { PageUi } from '../kit/language';
import { formatLocal } from '../../domain/localTime';
import { html, raw, type SafeHtml } from '../kit/html';
import { layout } from '../kit/layout';
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
  ui: PageUi;
}

export function nextSteps(input: TriageResultInput): SafeHtml[] {
  const { t } = input.ui;
  const steps: SafeHtml[] = [];
  const { triage, wishes } = input;
  // The one catalogue text with markup; it takes no values.
  if (input.immediateDanger) steps.push(raw(t('result.danger')));
  if (triage) {
    const wait = input.acknowledgeMinutes;
    const within =
      wait === undefined
        ? undefined
        : wait < 120
          ? t('result.minutes', { count: wait })
          : t('result.hours', { count: Math.round(wait / 60) });
    steps.push(
      html`${input.regionName ? t('result.casemanagerWarnedRegion', { region: input.regionName }) : t('result.casemanagerWarned')}
      ${within ? t('result.acknowledgesWithin', { within }) : ''} ${t('result.ladder')}`,
    );
    if (triage.acute) {
      if (wishes?.police === 'ja') {
        steps.push(html`${t('result.police')}`);
        const partner = t(`triage.forensic.${triage.forensicPartner}`);
        steps.push(
          html`${
            triage.fmoDeadline
              ? t('result.fmoBy', { partner, deadline: formatLocal(triage.fmoDeadline) })
              : t('result.fmo', { partner })
          }
          ${t('result.fmoAdvice')}`,
        );
      } else if (wishes?.police === 'twijfel') {
        steps.push(html`${t('result.policeUndecided')}`);
      } else {
        steps.push(html`${t('result.noPolice')}`);
      }
      if (wishes?.medicalCare !== 'nee') {
        steps.push(html`${t(`result.medicalCareBy.${triage.medicalPartner}`)}`);
      }
    } else {
      steps.push(html`${t('result.nonAcute')}`);
    }
  }
  return steps;
}

export function triageResultPage(input: TriageResultInput): string {
  const { t } = input.ui;
  const { triage } = input;
  const steps = nextSteps(input);
  const body = html`<div
      class="utrecht-alert utrecht-alert--ok resultaat"
      role="status"
      tabindex="-1"
      id="resultaat"
      autofocus
    >
      <h1 class="utrecht-heading-1">
        ${input.status === 'started' ? t('result.started') : t('result.alreadyExists')}
      </h1>
      <p class="utrecht-paragraph">
        ${t('result.reference')} <strong id="referentie">${input.reference}</strong>
      </p>
      ${input.status === 'already_exists' ? html`<p class="utrecht-paragraph">${t('result.noSecond')}</p>` : ''}
      <p class="utrecht-paragraph">
        <a class="utrecht-link utrecht-link--html-a" href="/meldingen/${input.reference}" id="naar-melding"
          >${t('casePage.open')}</a
        >
      </p>
    </div>
    ${
      triage
        ? html`<h2 class="utrecht-heading-2">${t('result.triage')}</h2>
            <p class="utrecht-paragraph" id="triage">
              <strong>${t(`triage.windows.${triage.window}`)}</strong>
            </p>
            ${triage.basis === 'unknown' ? html`<p class="utrecht-paragraph">${t('result.unknownTime')}</p>` : ''}
            ${triage.basis === 'approximate' ? html`<p class="utrecht-paragraph">${t('result.approximateTime')}</p>` : ''}`
        : ''
    }
    ${
      steps.length
        ? html`<h2 class="utrecht-heading-2">${t('result.nextSteps')}</h2>
            <ol class="utrecht-ordered-list" id="volgende-stappen">
              ${steps.map((s) => html`<li>${s}</li>`)}
            </ol>`
        : ''
    }
    <p class="utrecht-paragraph">
      <a class="utrecht-link utrecht-link--html-a" href="/meldingen/nieuw">${t('result.newMelding')}</a>
    </p>`;
  return layout({
    title: t('result.title'),
    body,
    nav: staffNav(input.ui, input.staffId, input.csrfToken),
    ui: input.ui,
  });
}
