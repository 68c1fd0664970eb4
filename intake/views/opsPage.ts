/**
 * The ops pages (issue 10): the overdue requests, and one case with its history and the three
 * actions as plain forms (no scripts). Codes and ids only, like the API.
 */
import type { CaseState } from '../../workflows/messages';
import {
  CLOSE_REASONS,
  HANDOVER_REQUEST_ID,
  HANDOVER_TIERS,
  type HistoryEntry,
} from '../../workflows/opsMessages';
import type { StuckRequest } from '../cli';
import { formatLocal } from '../localTime';
import { html, type SafeHtml } from './html';
import { layout } from './layout';

function opsNav(staffId: string, csrfToken: string): SafeHtml {
  return html`<nav aria-label="Ops">
    <span>Ingelogd als ${staffId} (ops)</span>
    <a href="/ops">Vastgelopen verzoeken</a>
    <form method="post" action="/uitloggen">
      <input type="hidden" name="_csrf" value="${csrfToken}" /><button type="submit">Uitloggen</button>
    </form>
  </nav>`;
}

export function opsOverviewPage(input: {
  staffId: string;
  csrfToken: string;
  stuck: StuckRequest[];
}): string {
  const rows = input.stuck.map(
    (s) =>
      html`<tr>
        <td><a href="/ops/meldingen/${s.reference}">${s.reference}</a></td>
        <td>${s.regionId}</td>
        <td>${s.phase}</td>
        <td>${s.request.requestId}</td>
        <td>${s.request.role}/${s.request.awaitedTier}</td>
        <td>${formatLocal(s.request.dueBy)}</td>
        <td>${s.overdueMinutes}</td>
      </tr>`,
  );
  const body = html`<h1>Vastgelopen verzoeken</h1>
    <p class="hint">Open verzoeken over hun termijn, oudste eerst.</p>
    ${
      input.stuck.length === 0
        ? html`<p role="status">Geen open verzoeken over hun termijn.</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">Melding</th>
                <th scope="col">Regio</th>
                <th scope="col">Fase</th>
                <th scope="col">Verzoek</th>
                <th scope="col">Wacht op</th>
                <th scope="col">Termijn</th>
                <th scope="col">Minuten over tijd</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>`
    }
    <form method="get" action="/ops/melding">
      <label for="referentie">Melding openen (referentie)</label>
      <input type="text" id="referentie" name="referentie" pattern="CSG-[A-Z]{2,4}-\\d{4}-\\d{6}" required />
      <button type="submit">Openen</button>
    </form>`;
  return layout({ title: 'Ops', body, nav: opsNav(input.staffId, input.csrfToken) });
}

export interface OpsCasePageInput {
  staffId: string;
  csrfToken: string;
  state: CaseState;
  history: HistoryEntry[];
  /** The action just recorded, or the refusal to show. */
  notice?: { kind: 'gedaan' | 'geweigerd'; text: string };
}

export function opsCasePage(input: OpsCasePageInput): string {
  const { state, csrfToken } = input;
  const ref = state.reference;
  const handover = state.openRequests.find((r) => r.requestId === HANDOVER_REQUEST_ID);
  const csrf = html`<input type="hidden" name="_csrf" value="${csrfToken}" />`;
  const open = state.openRequests.map(
    (r) =>
      html`<li>
        ${r.requestId}: wacht op ${r.role}/${r.awaitedTier}, termijn ${formatLocal(r.dueBy)}, escalatie
        ${r.escalationLevel}
      </li>`,
  );
  const history = input.history.map(
    (e) =>
      html`<tr>
        <td>${formatLocal(e.at)}</td>
        <td>${e.by}</td>
        <td>${e.kind}</td>
        <td>${e.type}</td>
        <td>${e.value}${e.requestId ? ` [${e.requestId}]` : ''}</td>
      </tr>`,
  );
  const notice = input.notice
    ? html`<div class="${input.notice.kind === 'gedaan' ? 'resultaat' : 'samenvatting'}" role="status">
        <p>${input.notice.text}</p>
      </div>`
    : '';
  const actions =
    state.phase === 'afgesloten'
      ? html`<p>Deze melding is afgesloten${state.outcome ? ` (${state.outcome})` : ''}.</p>`
      : html`${
            state.openRequests.length > 0
              ? html`<form method="post" action="/ops/meldingen/${ref}/herinnering">
                  <fieldset>
                    <legend>Verzoek nu opnieuw sturen</legend>
                    ${csrf}
                    <label for="requestId">Verzoek</label>
                    <select id="requestId" name="requestId">
                      ${state.openRequests.map((r) => html`<option value="${r.requestId}">${r.requestId}</option>`)}
                    </select>
                    <button type="submit">Opnieuw sturen</button>
                  </fieldset>
                </form>`
              : ''
          }
          ${
            handover
              ? html`<form method="post" action="/ops/meldingen/${ref}/toewijzing">
                  <fieldset>
                    <legend>Overdracht aan een andere casemanager geven</legend>
                    ${csrf}
                    <label for="toTier">Casemanager uit het regioregister</label>
                    <select id="toTier" name="toTier">
                      ${HANDOVER_TIERS.filter((t) => t !== handover.awaitedTier).map(
                        (t) =>
                          html`<option value="${t}">
                            ${t === 'backup' ? 'achterwacht' : 'piket'} (${t})
                          </option>`,
                      )}
                    </select>
                    <button type="submit">Toewijzen</button>
                  </fieldset>
                </form>`
              : ''
          }
          <form method="post" action="/ops/meldingen/${ref}/sluiting">
            <fieldset>
              <legend>Melding sluiten</legend>
              ${csrf}
              <label for="reason">Reden</label>
              <select id="reason" name="reason" required>
                <option value="">Kies een reden</option>
                ${CLOSE_REASONS.map((r) => html`<option value="${r}">${r}</option>`)}
              </select>
              <button type="submit">Sluiten</button>
            </fieldset>
          </form>`;
  const body = html`<h1>Melding ${ref}</h1>
    ${notice}
    <p>Regio ${state.regionId} · fase ${state.phase} · triage ${state.triage.window}</p>
    <h2>Open verzoeken</h2>
    ${
      open.length
        ? html`<ul>
            ${open}
          </ul>`
        : html`<p>Geen.</p>`
    }
    <h2>Acties</h2>
    ${actions}
    <h2>Geschiedenis</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Wanneer</th>
          <th scope="col">Door</th>
          <th scope="col">Soort</th>
          <th scope="col">Wat</th>
          <th scope="col">Waarde</th>
        </tr>
      </thead>
      <tbody>
        ${history}
      </tbody>
    </table>`;
  return layout({ title: `Ops ${ref}`, body, nav: opsNav(input.staffId, csrfToken) });
}
