/**
 * The case page for staff: where the case stands in plain words, what happens next and when, the
 * open partner requests, the timeline (who decided what, and which requests went to which
 * partner), and a form for each decision staff record, each leading to a confirmation first.
 * Built from the case state query alone, which holds no personal data. Times in Dutch time.
 */
import { decisionForm, refusedSummary, type DecisionProblems } from './caseDecisionForms';
import type { CaseState, RequestView } from '../../workflows/messages';
import { daysUntil, formatLocal } from '../../domain/localTime';
import type { SharedDetails } from '../../domain/types';
import type { PartnerRole } from '../../domain/vocabulary';
import type { Translate } from '../../i18n';
import { decisionsOfSection, type CasePageDecision } from '../caseDecisions';
import type { PageUi } from '../kit/language';
import { html, type SafeHtml } from '../kit/html';
import { scrollingTable } from '../kit/table';
import { timelineTable } from './timelineTable';
import { layout } from '../kit/layout';
import { archivedDetails, archivedNotice, archivedTimeline, type ArchivedView } from './archivedCase';
import { contactSection, hasContactmomenten } from './contactSection';
import { secondRingSection } from './secondRingSection';
import { decisionWords } from './decisionWords';
import { staffNav, type NavArea } from './nav';
import { taskSection, taskStateWords } from './taskSection';

export interface CasePageInput {
  state: CaseState;
  regionName?: string;
  /** The name of the region the case is transferred to (state.transferredTo), when known. */
  transferredToName?: string;
  staffId: string;
  csrfToken: string;
  /** Whose staff bar: a casemanager's leads back to their worklist; the intake's when left out. */
  navArea?: NavArea;
  /** Whether the signed-in role may take this decision; the forms it may not are left out. */
  mayDecide: (name: CasePageDecision) => boolean;
  /** The victim's details as they stand, for the correction forms (only for a role that may correct). */
  current?: SharedDetails;
  /** The decision just recorded, in words. */
  done?: string;
  refused?: DecisionProblems;
  /** The "same person" section (views/koppelingSection.ts), shown before the timeline. */
  koppelingen?: SafeHtml;
  /** The privacy officer's section (views/privacySection.ts), for that role only. */
  privacy?: SafeHtml;
  /** The service's time, for "in N days"; the real time when left out. */
  now?: Date;
  /** A case Temporal no longer holds, from its case file: read-only, with the file's own timeline. */
  archived?: ArchivedView;
  ui: PageUi;
}

/** The catalogue's words for `key`, or `fallback` where it has none (a value it does not know). */
export function isClosed(state: CaseState): boolean {
  return state.phase === 'afgesloten' || state.outcome !== undefined;
}

/** The consent per partner role as it stands: the latest consent decision for each role. */
export function consentsOf(state: CaseState): Map<PartnerRole, boolean> {
  const consents = new Map<PartnerRole, boolean>();
  for (const d of state.decisions) {
    if (d.type !== 'toestemming') continue;
    const [role, given] = d.value.split(': ');
    if (role) consents.set(role as PartnerRole, given === 'gegeven');
  }
  return consents;
}

function tierWords(t: Translate, r: RequestView): string {
  return t(`casePage.tiers.${r.awaitedTier}`);
}

function escalationWords(t: Translate, r: RequestView): string {
  return r.escalationLevel === 0
    ? t('casePage.escalationNone')
    : t('casePage.escalationLevel', { level: r.escalationLevel, tier: tierWords(t, r) });
}

function nextSteps(t: Translate, state: CaseState, now: Date): SafeHtml {
  if (isClosed(state)) {
    return html`<p class="utrecht-paragraph" id="volgende">
      ${
        state.outcome
          ? t('casePage.closedAs', { outcome: t(`caseWords.outcomes.${state.outcome}`) })
          : t('casePage.closing')
      }
    </p>`;
  }
  // Soonest first: what needs an answer first is what happens next.
  const waiting = state.openRequests
    .filter((r) => r.kind !== 'checkin')
    .sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy));
  const checkIn = state.openRequests.find((r) => r.kind === 'checkin');
  const items = waiting.map(
    (r) =>
      html`<li>
        ${t('casePage.waitsFor', {
          kind: t(`request.kinds.${r.kind}`),
          role: t(`request.roles.${r.role}`),
          tier: tierWords(t, r),
          due: formatLocal(r.dueBy),
        })}
        ${r.deadline ? t('casePage.hardDeadline', { deadline: formatLocal(r.deadline) }) : ''}
      </li>`,
  );
  if (checkIn) {
    items.push(
      html`<li>
        ${t('casePage.nextCheckIn', { what: t(`request.kinds.${checkIn.kind}`), due: formatLocal(checkIn.dueBy) })}
      </li>`,
    );
  } else if (state.nextCheckIn) {
    const planned = state.nextCheckIn;
    const days = daysUntil(planned.at, now);
    items.push(
      html`<li id="volgend-contactmoment">
        ${t(planned.screening ? 'casePage.plannedScreening' : 'casePage.plannedCheckIn', {
          date: formatLocal(planned.at),
          when: days <= 0 ? t('casePage.today') : t('casePage.inDays', { count: days }),
          number: planned.number,
          of: planned.of,
        })}
      </li>`,
    );
  } else if (state.phase === 'watchful_waiting') {
    items.push(html`<li>${t('casePage.noCheckIn')}</li>`);
  }
  return items.length
    ? html`<ul class="utrecht-unordered-list" id="volgende">
        ${items}
      </ul>`
    : html`<p class="utrecht-paragraph" id="volgende">${t('casePage.nothingOpen')}</p>`;
}

function openRequestsTable(t: Translate, state: CaseState): SafeHtml {
  if (state.openRequests.length === 0)
    return html`<p class="utrecht-paragraph">${t('casePage.nothingOpen')}</p>`;
  return scrollingTable(
    t('casePage.openRequests'),
    html`<table class="utrecht-table utrecht-table--html-table" id="open-verzoeken">
      <thead>
        <tr>
          <th scope="col">${t('casePage.colRequest')}</th>
          <th scope="col">${t('casePage.colPartner')}</th>
          <th scope="col">${t('casePage.colSince')}</th>
          <th scope="col">${t('casePage.colDue')}</th>
          <th scope="col">${t('casePage.colEscalation')}</th>
          <th scope="col">${t('casePage.colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        ${state.openRequests.map(
          (r) =>
            html`<tr>
              <td>${t(`request.kinds.${r.kind}`)}</td>
              <td>${t(`request.roles.${r.role}`)}</td>
              <td>${formatLocal(r.requestedAt)}</td>
              <td>
                ${formatLocal(r.dueBy)}${
                  r.deadline
                    ? html`<br />${t('casePage.hardDeadline', { deadline: formatLocal(r.deadline) })}`
                    : ''
                }
              </td>
              <td>${escalationWords(t, r)}</td>
              <td>${r.task ? taskStateWords(t, r.task) : t(`caseWords.statuses.${r.status}`)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/** Decisions and requests sent, oldest first; at the same moment, decisions before requests. */
function timeline(t: Translate, state: CaseState): SafeHtml {
  const who = (by: string) => (by === 'workflow' ? t('casePage.bySystem') : by);
  const entries = [
    ...state.decisions.map((d) => ({
      at: d.at,
      by: who(d.by),
      what: [t(`casePage.recordTypes.${d.type}`), decisionWords(t, d, state)].filter(Boolean).join(': '),
    })),
    ...state.requests.map((r) => ({
      at: r.requestedAt,
      by: t('casePage.bySystem'),
      what: t('casePage.sentTo', {
        kind: t(`request.kinds.${r.kind}`),
        role: t(`request.roles.${r.role}`),
        status: t(`caseWords.statuses.${r.status}`),
      }),
    })),
  ]
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.i - b.i)
    .map(({ entry }) => entry);
  return timelineTable(t, t('casePage.timeline'), entries);
}

/** Where the transfer to another region stands: under way, done, or stopped by the case's end. */
function transferWords(t: Translate, state: CaseState, region: string): string {
  if (state.outcome === 'overgedragen') return t('casePage.transferDone', { region });
  if (state.outcome) return t('casePage.transferStopped', { region });
  return t('casePage.transferUnderWay', { region });
}

export function casePage(input: CasePageInput): string {
  const { state, ui, refused, archived } = input;
  const { t } = ui;
  // An archived case offers no forms at all: nothing can be recorded on a case that is gone.
  const mayDecide = archived ? () => false : input.mayDecide;
  const consents = [...consentsOf(state)];
  const body = html`<h1 class="utrecht-heading-1">${t('casePage.title', { reference: state.reference })}</h1>
    ${
      input.done
        ? html`<div
            class="utrecht-alert utrecht-alert--ok resultaat"
            role="status"
            id="gedaan"
            tabindex="-1"
            autofocus
          >
            <p class="utrecht-paragraph">${input.done}</p>
          </div>`
        : ''
    }
    ${archived ? archivedNotice(t, archived.writtenAt) : ''} ${refused ? refusedSummary(t, refused) : ''}
    <h2 class="utrecht-heading-2">${t('casePage.summary')}</h2>
    <dl id="overzicht">
      <dt>${t('casePage.phase')}</dt>
      <dd id="fase">${t(`caseWords.phases.${state.phase}`)}</dd>
      <dt>${t('casePage.region')}</dt>
      <dd>${input.regionName ?? state.regionId}</dd>
      ${
        state.transferredTo
          ? html`<dt>${t('casePage.transfer')}</dt>
              <dd id="overgedragen-naar">
                ${transferWords(t, state, input.transferredToName ?? state.transferredTo)}
              </dd>`
          : ''
      }
      ${
        state.casusoverleg
          ? html`<dt>${t('casePage.casusoverleg')}</dt>
              <dd id="casusoverleg">
                ${t('casePage.casusoverlegNote', {
                  note: state.casusoverleg.note,
                  by: state.casusoverleg.by,
                  at: formatLocal(state.casusoverleg.at),
                })}
              </dd>`
          : ''
      }
      <dt>${t('casePage.owner')}</dt>
      <dd id="casemanager">${state.casemanager ?? t('casePage.noOwner')}</dd>
      <dt>${t('casePage.triage')}</dt>
      <dd>${t(`triage.windows.${state.triage.window}`)}</dd>
      <dt>${t('casePage.policeWish')}</dt>
      <dd id="politiewens">${state.policeWish ? t(`form.choices.${state.policeWish}`) : ''}</dd>
      <dt>${t('casePage.consents')}</dt>
      <dd id="toestemmingen">
        ${
          consents.length
            ? consents
                .map(([role, given]) =>
                  t(given ? 'casePage.consentGiven' : 'casePage.consentWithdrawn', {
                    role: t(`request.roles.${role}`),
                  }),
                )
                .join('; ')
            : t('casePage.noConsents')
        }
      </dd>
    </dl>
    <h2 class="utrecht-heading-2">${t('casePage.next')}</h2>
    ${nextSteps(t, state, input.now ?? new Date())}
    <h2 class="utrecht-heading-2">${t('casePage.openRequests')}</h2>
    ${openRequestsTable(t, state)} ${taskSection(t, state)}
    ${
      hasContactmomenten(state)
        ? contactSection({
            state,
            csrfToken: input.csrfToken,
            mayDecide,
            ...(refused ? { refused } : {}),
            closed: isClosed(state) || archived !== undefined,
            t,
          })
        : ''
    }
    ${secondRingSection({
      state,
      csrfToken: input.csrfToken,
      mayAsk: mayDecide('tweede_ring'),
      closed: isClosed(state) || archived !== undefined,
      ...(input.current ? { current: input.current } : {}),
      t,
    })}
    ${
      isClosed(state) || archived
        ? ''
        : html`<h2 class="utrecht-heading-2">${t('casePage.decide')}</h2>
            <p class="utrecht-paragraph hint">${t('casePage.decideHint')}</p>
            ${decisionsOfSection()
              .filter(mayDecide)
              .map((name) => decisionForm(t, name, state, input.csrfToken, refused, input.current))}`
    }
    ${archived?.mayDetails ? archivedDetails(t, archived.details) : ''} ${input.koppelingen ?? ''}
    ${input.privacy ?? ''}
    ${
      archived
        ? archivedTimeline(t, archived.timeline)
        : html`<h2 class="utrecht-heading-2">${t('casePage.timeline')}</h2>
            <p class="utrecht-paragraph hint">${t('casePage.timelineHint')}</p>
            ${timeline(t, state)}`
    }`;
  return layout({
    title: t('casePage.title', { reference: state.reference }),
    body,
    nav: staffNav(ui, input.staffId, input.csrfToken, input.navArea),
    ui,
  });
}

/** The small "open a melding by its reference" form, for the staff start page. */
export function findCaseForm(t: Translate): SafeHtml {
  return html`<form method="get" action="/meldingen/openen" role="search" id="melding-openen">
    <fieldset class="utrecht-form-fieldset--html-fieldset">
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        ${t('casePage.findLegend')}
      </legend>
      <label class="utrecht-form-label" for="referentie">${t('casePage.findLabel')}</label>
      <p class="utrecht-paragraph hint" id="referentie-hint">${t('casePage.findHint')}</p>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="text"
        id="referentie"
        name="referentie"
        aria-describedby="referentie-hint"
        autocomplete="off"
        required
      />
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        ${t('casePage.find')}
      </button>
    </fieldset>
  </form>`;
}
