/**
 * A table in a box of its own width: on a phone a wide table scrolls sideways inside it instead of
 * making the whole page wider. The box takes focus (and is named) so a keyboard user can scroll it
 * too, with the arrow keys.
 */
import { html, type SafeHtml } from './html';

export function scrollingTable(label: string, table: SafeHtml): SafeHtml {
  return html`<div
    class="utrecht-table-container utrecht-table-container--overflow-inline"
    role="region"
    tabindex="0"
    aria-label="${label}"
  >
    ${table}
  </div>`;
}
