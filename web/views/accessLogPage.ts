/**
 * The privacy officer's view of one case's access log: who saw the victim's details, when, why,
 * newest last as the log keeps them, in a table with a caption and column headers (screen readers
 * announce each cell with its column). The reasons are words from the catalogues; the detail is a
 * code (a request id, a number of payloads) and shown as it is.
 */
import type { AccessEntry } from '../../accessLog';
import { formatLocal } from '../../domain/localTime';
import { html } from '../kit/html';
import type { PageUi } from '../kit/language';
import { layout } from '../kit/layout';
import { scrollingTable } from '../kit/table';
import { staffNav } from './nav';

export interface AccessLogPageInput {
  reference: string;
  entries: AccessEntry[];
  staffId: string;
  csrfToken: string;
  ui: PageUi;
}

export function accessLogPage(input: AccessLogPageInput): string {
  const { ui, reference, entries } = input;
  const { t } = ui;
  const table =
    entries.length === 0
      ? html`<p class="utrecht-paragraph" id="toegangslog-leeg">${t('accessLog.empty')}</p>`
      : scrollingTable(
          t('accessLog.caption', { reference }),
          html`<table class="utrecht-table utrecht-table--html-table" id="toegangslog">
            <caption class="utrecht-table__caption">
              ${t('accessLog.caption', { reference })}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t('accessLog.colAt')}</th>
                <th scope="col">${t('accessLog.colBy')}</th>
                <th scope="col">${t('accessLog.colReason')}</th>
                <th scope="col">${t('accessLog.colDetail')}</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (e) =>
                  html`<tr>
                    <td>${formatLocal(e.at)}</td>
                    <td>${e.by}</td>
                    <td>${t(`accessLog.reasons.${e.reason}`)}</td>
                    <td>${e.detail ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
        );
  const body = html`<h1 class="utrecht-heading-1" id="titel" tabindex="-1" autofocus>
      ${t('accessLog.title', { reference })}
    </h1>
    <p class="utrecht-paragraph hint">${t('accessLog.intro')}</p>
    ${table}
    <p class="utrecht-paragraph">
      <a class="utrecht-link utrecht-link--html-a" href="/meldingen/${reference}">${t('accessLog.back')}</a>
    </p>`;
  return layout({
    title: t('accessLog.title', { reference }),
    body,
    nav: staffNav(ui, input.staffId, input.csrfToken),
    ui,
  });
}
