/**
 * The error summary above a refused form (the NL Design System's alert): it takes focus when the
 * page loads, so a screen reader hears at once that something needs fixing, and links each
 * problem to its field. Forms that save nothing until all is right say so in a line of their own.
 */
import { html, type SafeHtml } from '../kit/html';

export interface SummaryProblem {
  /** The id of the field (or first choice) the link leads to. */
  target: string;
  message: string;
}

export function errorSummary(title: string, problems: SummaryProblem[], nothingSaved?: string): SafeHtml {
  if (problems.length === 0) return html``;
  return html`<div
    class="utrecht-alert utrecht-alert--error samenvatting"
    role="alert"
    aria-labelledby="samenvatting-titel"
    tabindex="-1"
    id="samenvatting"
    autofocus
  >
    <h2 class="utrecht-heading-2" id="samenvatting-titel">${title}</h2>
    ${nothingSaved ? html`<p class="utrecht-paragraph">${nothingSaved}</p>` : ''}
    <ul class="utrecht-unordered-list">
      ${problems.map((p) => html`<li><a class="utrecht-link utrecht-link--html-a" href="#${p.target}">${p.message}</a></li>`)}
    </ul>
  </div>`;
}
