/**
 * The when/who/what table of a case's timeline, as the live case page (casePage.ts) and an
 * archived case read from its case file (archivedCase.ts) both show it: oldest first, a table
 * that scrolls in its own box on a phone.
 */
import { formatLocal } from '../../domain/localTime';
import type { Translate } from '../../i18n';
import { html, type SafeHtml } from '../kit/html';
import { scrollingTable } from '../kit/table';

/** One line: when (ISO), who (a staff id or words), what happened (words). */
export interface TimelineLine {
  at: string;
  by: string;
  what: string;
}

export function timelineTable(t: Translate, caption: string, lines: readonly TimelineLine[]): SafeHtml {
  return scrollingTable(
    caption,
    html`<table class="utrecht-table utrecht-table--html-table" id="tijdlijn">
      <thead>
        <tr>
          <th scope="col">${t('casePage.colWhen')}</th>
          <th scope="col">${t('casePage.colWho')}</th>
          <th scope="col">${t('casePage.colWhat')}</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map(
          (line) =>
            html`<tr>
              <td>${formatLocal(line.at)}</td>
              <td>${line.by}</td>
              <td>${line.what}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}
