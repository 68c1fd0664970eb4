/**
 * The confirmation step of a decision on the case page: what will happen, in plain words, and
 * two ways on: confirm (a form that carries the checked values on) or back to the case unchanged.
 */
import type { CaseState } from '../../workflows/messages';
import { ageOn } from '../../domain/corrections';
import { examinedByNfi, triage } from '../../domain/triage';
import { REGIONS, regionForMunicipality } from '../../regions';
import type { Translate } from '../../i18n';
import {
  CASE_PAGE_DECISIONS,
  casemanagerName,
  choiceWords,
  fieldsOf,
  parseCaseAction,
  type CasePageDecision,
  type DecisionFormValues,
} from '../caseDecisions';
import type { PageUi } from '../kit/language';
import { html } from '../kit/html';
import { layout } from '../kit/layout';
import { staffNav } from './nav';
import { secondRingEffect } from './secondRingSection';

export interface ConfirmPageInput {
  state: CaseState;
  decision: CasePageDecision;
  values: DecisionFormValues;
  staffId: string;
  csrfToken: string;
  ui: PageUi;
}

/** What the decision will do to this case, sentence by sentence. */
export function effectsOf(
  t: Translate,
  decision: CasePageDecision,
  values: DecisionFormValues,
  state: CaseState,
): string[] {
  switch (decision) {
    case 'toestemming': {
      const role = t(`request.roles.${values.role}`);
      return [
        values.given === 'true'
          ? t('casePage.effects.consentGiven', { role })
          : t('casePage.effects.consentWithdrawn', { role }),
      ];
    }
    case 'politiewens':
      return [
        t('casePage.effects.policeWish', {
          from: state.policeWish ? t(`form.choices.${state.policeWish}`) : '',
          to: t(`form.choices.${values.wish}`),
        }),
        t(`casePage.effects.police_${values.wish}`),
      ];
    case 'aangifte':
      return [
        values.made === 'true' ? t('casePage.effects.aangifteMade') : t('casePage.effects.aangifteNotMade'),
      ];
    case 'ervaringsvragen':
      return [
        values.given === 'true'
          ? t('casePage.effects.experienceGiven')
          : t('casePage.effects.experienceWithdrawn'),
      ];
    case 'intrekking':
      return [t('casePage.effects.withdraw'), t('casePage.cannotUndo')];
    case 'sluiting':
      return [
        t('casePage.effects.close', { reason: t(`casePage.closeReasons.${values.reason}`) }),
        t('casePage.cannotUndo'),
      ];
    case 'incidenttijd':
      return [...incidentTimeEffects(t, values, state), historyNote(t)];
    case 'leeftijd':
      return [...ageEffects(t, values, state), historyNote(t)];
    case 'gemeente':
      return [municipalityEffect(t, values.municipality ?? '', state), historyNote(t)];
    case 'contactgegevens':
      return [t('casePage.effects.contactDetails'), historyNote(t)];
    case 'veilige_kanalen':
      return [t('casePage.effects.channels'), historyNote(t)];
    case 'medische_wens':
      return [t(`casePage.effects.medical_${values.wish}`), historyNote(t)];
    case 'taal':
      return [t('casePage.effects.language'), historyNote(t)];
    case 'casusoverleg':
      return [
        values.flagged === 'true'
          ? t('casePage.effects.flagged', { note: values.note ?? '' })
          : t('casePage.effects.unflagged'),
      ];
    case 'eigenaar':
      return [
        t('casePage.effects.owner', { casemanager: casemanagerName(values.casemanager ?? '') }),
        t('casePage.effects.ownerHistory'),
      ];
    case 'verlenging':
      return [t('contactmomenten.effects.verlenging')];
    case 'ggz_verwijzing':
      return [
        t('contactmomenten.effects.ggz_verwijzing', {
          reason: t(`checkInWords.ggzReasons.${values.reason}`),
        }),
      ];
    case 'contactpogingen':
      return [t(`contactmomenten.effects.besluit_${values.besluit}`)];
    case 'tweede_ring':
      return [secondRingEffect(t, values.role ?? '', state)];
    // Recorded at once, without this step (the form posts straight to the decision).
    case 'contactmoment':
    case 'planning_toevoegen':
    case 'planning_verplaatsen':
    case 'planning_annuleren':
      return [];
    case 'overdracht':
      return [
        t('casePage.effects.transfer', { region: regionName(values.toRegionId ?? '') }),
        t('casePage.effects.transferHandover'),
      ];
  }
}

/**
 * The case is triaged again from the intake's moment, as the workflow does: the new window, and
 * an FMO outside the acute window stops.
 */
function incidentTimeEffects(t: Translate, values: DecisionFormValues, state: CaseState): string[] {
  const parsed = parseCaseAction('incidenttijd', values, 'bevestiging');
  const before = state.triage?.window;
  if (
    !parsed.ok ||
    parsed.action.kind !== 'decision' ||
    parsed.action.decision.type !== 'incidenttijd' ||
    !before
  )
    return [t('casePage.effects.incidentTime')];
  const after = triage(
    parsed.action.decision.input.incidentTime,
    { kind: 'unknown' },
    intakeAt(state),
  ).window;
  const window = (w: string) => t(`triage.windows.${w}`);
  const effects = [
    after === before
      ? t('casePage.effects.incidentTimeSameWindow', { window: window(after) })
      : t('casePage.effects.incidentTimeNewWindow', { before: window(before), after: window(after) }),
  ];
  if (after === 'na_7_dagen' && state.openRequests?.some((r) => r.kind === 'fmo')) {
    effects.push(t('casePage.effects.fmoLapses'));
  }
  return effects;
}

const regionName = (id: string) => REGIONS.get(id)?.name ?? id;

/** A correction's history records who, when, which fields and why: never the values. */
const historyNote = (t: Translate) => t('casePage.effects.correctionHistory');

/** The intake's moment: a date of birth gives the age on that day, as the workflow reckons it. */
function intakeAt(state: CaseState): Date {
  const intake = state.decisions?.find((d) => d.type === 'intake');
  return intake ? new Date(intake.at) : new Date();
}

/** A new age can move the FMO between the forensisch arts and the NFI (15 and younger). */
function ageEffects(t: Translate, values: DecisionFormValues, state: CaseState): string[] {
  const years =
    values.victimAge !== undefined
      ? Number(values.victimAge)
      : values.dateOfBirth
        ? ageOn(values.dateOfBirth, intakeAt(state))
        : undefined;
  if (years === undefined || Number.isNaN(years)) return [t('casePage.effects.age')];
  const partner = examinedByNfi({ kind: 'years', years }) ? 'nfi' : 'forensisch_arts';
  const to = t(`triage.forensic.${partner}`);
  const before = state.triage?.forensicPartner;
  if (before === partner) return [t('casePage.effects.ageSamePartner', { years, partner: to })];
  const openFmo = state.openRequests?.some((r) => r.kind === 'fmo');
  return [
    openFmo
      ? t('casePage.effects.fmoMoves', { years, from: t(`triage.forensic.${before}`), to })
      : t('casePage.effects.fmoWouldMove', { years, to }),
  ];
}

function municipalityEffect(t: Translate, municipality: string, state: CaseState): string {
  const region = regionForMunicipality(municipality);
  if (!region) return t('casePage.effects.municipalityUnknown');
  return region.id === state.regionId
    ? t('casePage.effects.municipalitySameRegion', { region: region.name })
    : t('casePage.effects.transfer', { region: region.name });
}

export function decisionConfirmPage(input: ConfirmPageInput): string {
  const { state, decision, values, ui } = input;
  const { t } = ui;
  const what = t(CASE_PAGE_DECISIONS[decision].label);
  const ref = state.reference;
  const chosen = fieldsOf(decision).filter((field) => values[field.name] !== undefined);
  const body = html`<div
      class="utrecht-alert utrecht-alert--info melding"
      id="bevestiging"
      role="status"
      tabindex="-1"
      autofocus
    >
      <h1 class="utrecht-heading-1">${t('casePage.confirmTitle', { what })}</h1>
      <p class="utrecht-paragraph">${t('casePage.title', { reference: ref })}</p>
      ${
        chosen.length
          ? html`<dl>
              ${chosen.map(
                (field) =>
                  html`<dt>${t(field.label ?? `casePage.fields.${field.name}`)}</dt>
                    <dd>
                      ${field.choices ? choiceWords(t, field, values[field.name]!) : values[field.name]!}
                    </dd>`,
              )}
            </dl>`
          : ''
      }
      <ul class="utrecht-unordered-list" id="gevolgen">
        ${effectsOf(t, decision, values, state).map((effect) => html`<li>${effect}</li>`)}
      </ul>
      <p class="utrecht-paragraph">${t('casePage.confirmQuestion')}</p>
    </div>
    <form method="post" action="/meldingen/${ref}/besluiten/${decision}">
      <input type="hidden" name="_csrf" value="${input.csrfToken}" />
      ${chosen.map((field) => html`<input type="hidden" name="${field.name}" value="${values[field.name]!}" />`)}
      <p class="utrecht-paragraph">
        <button class="utrecht-button utrecht-button--primary-action" type="submit" id="bevestigen">
          ${t('casePage.confirm')}
        </button>
        <a class="utrecht-link utrecht-link--html-a" href="/meldingen/${ref}" id="annuleren"
          >${t('casePage.cancel')}</a
        >
      </p>
    </form>`;
  return layout({
    title: t('casePage.confirmTitle', { what }),
    body,
    nav: staffNav(ui, input.staffId, input.csrfToken),
    ui,
  });
}
