/**
 * The ops pages: the overdue requests, and one case with its history and the three
 * actions as plain forms (no scripts). Every code in the reader's words (views/opsWords.ts); ids
 * (references, staff ids) as they are.
 */
import type { CaseState } from '../../workflows/messages';
import {
  CLOSE_REASONS,
  HANDOVER_REQUEST_ID,
  HANDOVER_TIERS,
  type HistoryEntry,
} from '../../workflows/opsMessages';
import type { StuckRequest } from '../../cases/stuck';
import type { PageUi } from '../kit/language';
import { formatLocal } from '../../domain/localTime';
import { html } from '../kit/html';
import { scrollingTable } from '../kit/table';
import { layout } from '../kit/layout';
import { staffNav } from './nav';
import { opsWords } from './opsWords';

export function opsOverviewPage(input: {
  staffId: string;
  csrfToken: string;
  stuck: StuckRequest[];
  ui: PageUi;
}): string {
  const { t } = input.ui;
  const words = opsWords(t);
  const rows = input.stuck.map(
    (s) =>
      html`<tr>
        <td>
          <a class="utrecht-link utrecht-link--html-a" href="/ops/meldingen/${s.reference}">${s.reference}</a>
        </td>
        <td>${s.regionId}</td>
        <td>${words.phase(s.phase)}</td>
        <td>${words.request(s.request)}</td>
        <td>${words.awaiting(s.request.role, s.request.awaitedTier)}</td>
        <td>${formatLocal(s.request.dueBy)}</td>
        <td>${s.overdueMinutes}</td>
      </tr>`,
  );
  const body = html`<h1 class="utrecht-heading-1">${t('ops.stuckTitle')}</h1>
    <p class="utrecht-paragraph hint">${t('ops.stuckHint')}</p>
    ${
      input.stuck.length === 0
        ? html`<p class="utrecht-paragraph" role="status">${t('ops.noneStuck')}</p>`
        : scrollingTable(
            t('ops.stuckTitle'),
            html`<table class="utrecht-table utrecht-table--html-table">
              <thead>
                <tr>
                  <th scope="col">${t('ops.colMelding')}</th>
                  <th scope="col">${t('ops.colRegion')}</th>
                  <th scope="col">${t('ops.colPhase')}</th>
                  <th scope="col">${t('ops.colRequest')}</th>
                  <th scope="col">${t('ops.colAwaiting')}</th>
                  <th scope="col">${t('ops.colDue')}</th>
                  <th scope="col">${t('ops.colOverdue')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`,
          )
    }
    <form method="get" action="/ops/melding">
      <label class="utrecht-form-label" for="referentie">${t('ops.openCase')}</label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="text"
        id="referentie"
        name="referentie"
        pattern="CSG-[A-Z]{2,4}-\\d{4}-\\d{6}"
        required
      />
      <button class="utrecht-button utrecht-button--primary-action" type="submit">${t('ops.open')}</button>
    </form>`;
  return layout({
    title: t('ops.title'),
    body,
    nav: staffNav(input.ui, input.staffId, input.csrfToken, 'ops'),
    ui: input.ui,
  });
}

export interface OpsCasePageInput {
  staffId: string;
  csrfToken: string;
  state: CaseState;
  history: HistoryEntry[];
  /** The region's name as people know it ("CSG Limburg"); the id when none is given. */
  regionName?: string;
  /** The action just recorded, or the refusal to show. */
  notice?: { kind: 'gedaan' | 'geweigerd'; text: string };
  ui: PageUi;
}

export function opsCasePage(input: OpsCasePageInput): string {
  const { state, csrfToken } = input;
  const { t } = input.ui;
  const words = opsWords(t, state);
  const ref = state.reference;
  const handover = state.openRequests.find((r) => r.requestId === HANDOVER_REQUEST_ID);
  const csrf = html`<input type="hidden" name="_csrf" value="${csrfToken}" />`;
  const open = state.openRequests.map(
    (r) =>
      html`<li>
        ${t('ops.openLine', {
          requestId: words.request(r),
          awaiting: words.awaiting(r.role, r.awaitedTier),
          due: formatLocal(r.dueBy),
          level: r.escalationLevel,
        })}
      </li>`,
  );
  const history = input.history.map((e) => {
    const w = words.history(e);
    return html`<tr>
      <td>${formatLocal(e.at)}</td>
      <td>${e.by === 'workflow' ? t('casePage.bySystem') : e.by}</td>
      <td>${w.kind}</td>
      <td>${w.type}</td>
      <td>${w.value}${w.request ? ` · ${w.request}` : ''}</td>
    </tr>`;
  });
  const notice = input.notice
    ? html`<div class="${input.notice.kind === 'gedaan' ? 'resultaat' : 'samenvatting'}" role="status">
        <p class="utrecht-paragraph">${input.notice.text}</p>
      </div>`
    : '';
  const actions =
    state.phase === 'afgesloten'
      ? html`<p class="utrecht-paragraph">
          ${state.outcome ? t('ops.closedAs', { outcome: words.outcome(state.outcome) }) : t('ops.closed')}
        </p>`
      : html`${
            state.openRequests.length > 0
              ? html`<form method="post" action="/ops/meldingen/${ref}/herinnering">
                  <fieldset class="utrecht-form-fieldset--html-fieldset">
                    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                      ${t('ops.resendLegend')}
                    </legend>
                    ${csrf}
                    <label class="utrecht-form-label" for="requestId">${t('ops.request')}</label>
                    <select
                      class="utrecht-select utrecht-select--html-select"
                      id="requestId"
                      name="requestId"
                    >
                      ${state.openRequests.map((r) => html`<option value="${r.requestId}">${words.request(r)}</option>`)}
                    </select>
                    <button class="utrecht-button utrecht-button--primary-action" type="submit">
                      ${t('ops.resend')}
                    </button>
                  </fieldset>
                </form>`
              : ''
          }
          ${
            handover
              ? html`<form method="post" action="/ops/meldingen/${ref}/toewijzing">
                  <fieldset class="utrecht-form-fieldset--html-fieldset">
                    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                      ${t('ops.reassignLegend')}
                    </legend>
                    ${csrf}
                    <label class="utrecht-form-label" for="toTier">${t('ops.reassignTo')}</label>
                    <select class="utrecht-select utrecht-select--html-select" id="toTier" name="toTier">
                      ${HANDOVER_TIERS.filter((tier) => tier !== handover.awaitedTier).map(
                        (tier) => html`<option value="${tier}">${words.tier(tier)}</option>`,
                      )}
                    </select>
                    <button class="utrecht-button utrecht-button--primary-action" type="submit">
                      ${t('ops.reassign')}
                    </button>
                  </fieldset>
                </form>`
              : ''
          }
          <form method="post" action="/ops/meldingen/${ref}/sluiting">
            <fieldset class="utrecht-form-fieldset--html-fieldset">
              <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                ${t('ops.closeLegend')}
              </legend>
              ${csrf}
              <label class="utrecht-form-label" for="reason">${t('ops.reason')}</label>
              <select class="utrecht-select utrecht-select--html-select" id="reason" name="reason" required>
                <option value="">${t('ops.chooseReason')}</option>
                ${CLOSE_REASONS.map((r) => html`<option value="${r}">${words.closeReason(r)}</option>`)}
              </select>
              <button class="utrecht-button utrecht-button--primary-action" type="submit">
                ${t('ops.close')}
              </button>
            </fieldset>
          </form>`;
  const body = html`<h1 class="utrecht-heading-1">${t('ops.caseTitle', { reference: ref })}</h1>
    ${notice}
    <p class="utrecht-paragraph">
      ${t('ops.summary', {
        region: input.regionName ?? state.regionId,
        phase: words.phase(state.phase),
        window: words.window(state.triage.window),
      })}
    </p>
    <h2 class="utrecht-heading-2">${t('ops.openRequests')}</h2>
    ${
      open.length
        ? html`<ul class="utrecht-unordered-list">
            ${open}
          </ul>`
        : html`<p class="utrecht-paragraph">${t('ops.none')}</p>`
    }
    <h2 class="utrecht-heading-2">${t('ops.actions')}</h2>
    ${actions}
    <h2 class="utrecht-heading-2">${t('ops.history')}</h2>
    ${scrollingTable(
      t('ops.history'),
      html`<table class="utrecht-table utrecht-table--html-table">
        <thead>
          <tr>
            <th scope="col">${t('ops.colWhen')}</th>
            <th scope="col">${t('ops.colBy')}</th>
            <th scope="col">${t('ops.colKind')}</th>
            <th scope="col">${t('ops.colWhat')}</th>
            <th scope="col">${t('ops.colValue')}</th>
          </tr>
        </thead>
        <tbody>
          ${history}
        </tbody>
      </table>`,
    )}`;
  return layout({
    title: `${t('ops.title')} ${ref}`,
    body,
    nav: staffNav(input.ui, input.staffId, csrfToken, 'ops'),
    ui: input.ui,
  });
}
