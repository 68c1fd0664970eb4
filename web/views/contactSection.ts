/**
 * The case page's "Contactmomenten" section: the check-in plan (each planned contact, when in Dutch
 * time, screening or not, where it stands), the contacts recorded so far, and the forms a
 * casemanager or coordinator of the region uses to run watchful waiting: record a contact, change
 * the plan, extend to six months, refer to the GGZ, and the coordinator's besluit after failed
 * contacts. Built from the case state; a note is staff text about the victim and shows here only.
 */
import { formatLocal } from '../../domain/localTime';
import { wordsOr, type Translate } from '../../i18n';
import type { CaseState, ContactRecord, DecisionRecord, PlannedCheckIn } from '../../workflows/messages';
import { decisionsOfSection, type CasePageDecision } from '../caseDecisions';
import { html, type SafeHtml } from '../kit/html';
import { scrollingTable } from '../kit/table';
import { decisionForm, plannedCheckIns, type DecisionProblems } from './caseDecisionForms';

export interface ContactSectionInput {
  state: CaseState;
  csrfToken: string;
  mayDecide: (name: CasePageDecision) => boolean;
  refused?: DecisionProblems;
  closed: boolean;
  t: Translate;
}

/** The anchor of the form to record a contact: the worklist links straight to it. */
export const CONTACT_FORM_ANCHOR = 'besluit-contactmoment';

/** The catalogue's words for `key`, or `fallback` where it has none (a code it does not know). */
function planTable(t: Translate, plan: readonly PlannedCheckIn[]): SafeHtml {
  if (plan.length === 0)
    return html`<p class="utrecht-paragraph" id="contactplan">${t('contactmomenten.noPlan')}</p>`;
  return scrollingTable(
    t('contactmomenten.planTitle'),
    html`<table class="utrecht-table utrecht-table--html-table" id="contactplan">
      <thead>
        <tr>
          <th scope="col">${t('contactmomenten.colWhen')}</th>
          <th scope="col">${t('contactmomenten.colKind')}</th>
          <th scope="col">${t('contactmomenten.colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        ${plan.map(
          (c) =>
            html`<tr id="plan-${c.id}">
              <td>${formatLocal(c.at)}</td>
              <td>${t(c.screening ? 'contactmomenten.kindScreening' : 'contactmomenten.kindCheckIn')}</td>
              <td>${wordsOr(t, `checkInWords.statuses.${c.status}`, c.status)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

function contactsTable(t: Translate, contacts: readonly ContactRecord[]): SafeHtml {
  if (contacts.length === 0)
    return html`<p class="utrecht-paragraph" id="contacten">${t('contactmomenten.noContacts')}</p>`;
  const who = (by: string) => (by === 'workflow' ? t('casePage.bySystem') : by);
  return scrollingTable(
    t('contactmomenten.contactsTitle'),
    html`<table class="utrecht-table utrecht-table--html-table" id="contacten">
      <thead>
        <tr>
          <th scope="col">${t('contactmomenten.colWhen')}</th>
          <th scope="col">${t('contactmomenten.colBy')}</th>
          <th scope="col">${t('contactmomenten.colReached')}</th>
          <th scope="col">${t('contactmomenten.colOutcome')}</th>
          <th scope="col">${t('contactmomenten.colScreening')}</th>
          <th scope="col">${t('contactmomenten.colNote')}</th>
        </tr>
      </thead>
      <tbody>
        ${contacts.map(
          (c) =>
            html`<tr>
              <td>${formatLocal(c.at)}</td>
              <td>${who(c.by)}</td>
              <td>
                ${
                  c.reached
                    ? t('checkInWords.reached')
                    : c.retryAt
                      ? t('contactmomenten.notReachedRetry', { at: formatLocal(c.retryAt) })
                      : t('checkInWords.notReached')
                }
              </td>
              <td>${c.outcome ? wordsOr(t, `checkInWords.outcomes.${c.outcome}`, c.outcome) : ''}</td>
              <td>${c.screening ? wordsOr(t, `checkInWords.screening.${c.screening}`, c.screening) : ''}</td>
              <td>${c.note ?? ''}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/**
 * Which of the section's forms fit the case as it stands, so none is offered only to be refused:
 * contacts and plan changes need watchful waiting on a plan (a case still on the fixed check-ins
 * it started with records them through its requests), moving or cancelling a planned check-in,
 * extending a case that does not run six months yet, the GGZ referral an owner and no referral
 * yet, the besluit a case that waits on it.
 */
function applies(name: CasePageDecision, state: CaseState): boolean {
  const onPlan = state.phase === 'watchful_waiting' && (state.checkInPlan?.length ?? 0) > 0;
  switch (name) {
    case 'contactmoment':
    case 'planning_toevoegen':
      return onPlan;
    case 'planning_verplaatsen':
    case 'planning_annuleren':
      return onPlan && plannedCheckIns(state).length > 0;
    case 'verlenging':
      return onPlan && state.extended !== true;
    case 'ggz_verwijzing':
      return (
        state.casemanager !== undefined &&
        (onPlan || state.phase !== 'watchful_waiting') &&
        !state.requests.some((r) => r.kind === 'ggz_verwijzing')
      );
    case 'contactpogingen':
      return waitsOnBesluit(state);
    default:
      return true;
  }
}

/** After failed contacts the case waits on the coordinator's besluit (an open request for it). */
export function waitsOnBesluit(state: CaseState): boolean {
  return state.openRequests.some((r) => r.kind === 'contactpogingen');
}

/** Whether the case has check-ins to show: in watchful waiting, owned by a casemanager, or with a plan or contacts. */
export function hasContactmomenten(state: CaseState): boolean {
  return (
    state.phase === 'watchful_waiting' ||
    state.casemanager !== undefined ||
    (state.checkInPlan?.length ?? 0) > 0 ||
    (state.contacts?.length ?? 0) > 0
  );
}

export function contactSection(input: ContactSectionInput): SafeHtml {
  const { state, t } = input;
  const failed = state.failedContacts ?? 0;
  const forms = input.closed
    ? []
    : decisionsOfSection('contactmomenten').filter((name) => input.mayDecide(name) && applies(name, state));
  return html`<section id="contactmomenten" aria-labelledby="contactmomenten-titel">
    <h2 class="utrecht-heading-2" id="contactmomenten-titel">${t('contactmomenten.title')}</h2>
    ${
      state.extended
        ? html`<p class="utrecht-paragraph" id="verlengd">${t('contactmomenten.extended')}</p>`
        : ''
    }
    ${
      failed > 0
        ? html`<p class="utrecht-paragraph" id="mislukte-pogingen">
            ${t('contactmomenten.failedContacts', { count: failed })}
            ${waitsOnBesluit(state) ? t('contactmomenten.waitsOnBesluit') : ''}
          </p>`
        : ''
    }
    <h3 class="utrecht-heading-3">${t('contactmomenten.planTitle')}</h3>
    ${planTable(t, state.checkInPlan ?? [])}
    <h3 class="utrecht-heading-3">${t('contactmomenten.contactsTitle')}</h3>
    ${contactsTable(t, state.contacts ?? [])}
    ${
      forms.length
        ? html`<h3 class="utrecht-heading-3">${t('contactmomenten.formsTitle')}</h3>
            <p class="utrecht-paragraph hint">${t('contactmomenten.formsHint')}</p>
            ${forms.map((name) => decisionForm(t, name, state, input.csrfToken, input.refused, undefined))}`
        : ''
    }
  </section>`;
}

/**
 * A check-in decision's value in the timeline, in words: "bereikt: gaat_goed; screening: …;
 * volgend contact checkin-dag-14", "toevoegen checkin-extra-1", a GGZ reason, a besluit.
 * Undefined for the other decisions.
 */
export function checkInDecisionWords(t: Translate, d: DecisionRecord): string | undefined {
  const v = d.value;
  switch (d.type) {
    case 'contactmoment':
      return v
        .split('; ')
        .map((part) => {
          if (part === 'niet bereikt') return t('checkInWords.notReached');
          const [what, rest = ''] = part.split(/:? (.*)/s);
          if (what === 'bereikt')
            return `${t('checkInWords.reached')}: ${wordsOr(t, `checkInWords.outcomes.${rest}`, rest)}`;
          if (what === 'screening')
            return `${t('contactmomenten.colScreening')}: ${wordsOr(t, `checkInWords.screening.${rest}`, rest)}`;
          if (part.startsWith('nieuwe poging ')) return t('contactmomenten.timelineRetry');
          if (part.startsWith('volgend contact ')) return t('contactmomenten.timelineNext');
          return part;
        })
        .join('; ');
    case 'planning': {
      const [action = '', id = ''] = v.split(' ');
      return `${wordsOr(t, `checkInWords.actions.${action}`, action)} (${id})`;
    }
    case 'verlenging':
      return '';
    case 'ggz_verwijzing':
      return wordsOr(t, `checkInWords.ggzReasons.${v}`, v);
    case 'contactpogingen':
      return wordsOr(t, `checkInWords.besluit.${v}`, v);
    default:
      return undefined;
  }
}
