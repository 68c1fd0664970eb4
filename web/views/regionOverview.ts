/**
 * The coordinator's overview of one region: open cases by phase, requests past their deadline by
 * partner, open cases by casemanager, new meldingen per week (a small bar chart in inline SVG with
 * the same figures as a table beside it: no scripts, the CSP forbids them), and the cases flagged
 * for the case consultation, each linked to its case page. Codes, counts and staff notes only.
 */
import type { RegionOverview } from '../../cases/regionOverview';
import { formatLocal } from '../../domain/localTime';
import type { PageUi } from '../kit/language';
import { html, type SafeHtml } from '../kit/html';
import { layout } from '../kit/layout';
import { staffNav } from './nav';

export interface RegionOverviewPageInput {
  staffId: string;
  csrfToken: string;
  regionName: string;
  overview: RegionOverview;
  /** Ops: the ops nav, and the overdue figure links to the ops room's list. */
  ops: boolean;
  ui: PageUi;
}

const CHART = { width: 360, height: 140, top: 16, bottom: 22, gap: 6 } as const;

/** Twelve bars, each titled with its week and count; the table beside it is the readable source. */
function weekChart(ui: PageUi, weeks: RegionOverview['newPerWeek']): SafeHtml {
  const { t } = ui;
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const slot = CHART.width / weeks.length;
  const plot = CHART.height - CHART.top - CHART.bottom;
  const bars = weeks.map((w, i) => {
    const h = Math.round((w.count / max) * plot);
    const x = Math.round(i * slot + CHART.gap / 2);
    const y = CHART.top + plot - h;
    const label = t('regio.weekLabel', { week: w.week, year: w.year });
    return html`<g>
      <title>${label}: ${w.count}</title>
      <rect x="${x}" y="${y}" width="${Math.round(slot - CHART.gap)}" height="${h}" fill="#0b4f9c"></rect>
      <text x="${Math.round(x + (slot - CHART.gap) / 2)}" y="${y - 3}" font-size="10" text-anchor="middle">
        ${w.count}
      </text>
      <text
        x="${Math.round(x + (slot - CHART.gap) / 2)}"
        y="${CHART.height - 6}"
        font-size="10"
        text-anchor="middle"
      >
        ${w.week}
      </text>
    </g>`;
  });
  return html`<svg
    role="img"
    aria-labelledby="week-grafiek-titel"
    width="${CHART.width}"
    height="${CHART.height}"
    viewBox="0 0 ${CHART.width} ${CHART.height}"
    id="week-grafiek"
  >
    <title id="week-grafiek-titel">${t('regio.chartLabel')}</title>
    ${bars}
  </svg>`;
}

function countTable(
  caption: string,
  head: [string, string],
  rows: [SafeHtml | string, number][],
  id: string,
) {
  return html`<table class="utrecht-table utrecht-table--html-table" id="${id}">
    <caption class="visually-hidden">
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${head[0]}</th>
        <th scope="col">${head[1]}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ([name, count]) =>
          html`<tr>
            <th scope="row">${name}</th>
            <td>${count}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function regionOverviewPage(input: RegionOverviewPageInput): string {
  const { overview: o, ui } = input;
  const { t } = ui;

  const phases = countTable(
    t('regio.byPhase'),
    [t('regio.colPhase'), t('regio.colCount')],
    o.openByPhase.map((p) => [t(`caseWords.phases.${p.phase}`), p.count]),
    'per-fase',
  );

  const overdue =
    o.overdueByPartner.length === 0
      ? html`<p class="utrecht-paragraph" id="over-termijn">${t('regio.noneOverdue')}</p>`
      : countTable(
          t('regio.overdue'),
          [t('regio.colPartner'), t('regio.colCount')],
          o.overdueByPartner.map((p) => [t(`request.roles.${p.role}`), p.count]),
          'over-termijn',
        );

  const cm = o.perCasemanager;
  const casemanagers =
    cm.status === 'unknown'
      ? html`<p class="utrecht-paragraph" id="per-casemanager">${t('regio.casemanagerUnknown')}</p>`
      : countTable(
          t('regio.perCasemanager'),
          [t('regio.colCasemanager'), t('regio.colCount')],
          [
            ...cm.counts.map((c): [string, number] => [c.staffId, c.count]),
            ...(cm.others > 0 ? [[t('regio.otherCasemanagers'), cm.others] as [string, number]] : []),
            [t('regio.unassigned'), cm.unassigned],
          ],
          'per-casemanager',
        );

  const weekRows = o.newPerWeek.map(
    (w) =>
      html`<tr>
        <th scope="row">${t('regio.weekLabel', { week: w.week, year: w.year })}</th>
        <td>${formatLocal(w.from).slice(0, 10)}</td>
        <td>${w.count}</td>
      </tr>`,
  );

  const flagged =
    o.flagged.length === 0
      ? html`<p class="utrecht-paragraph" id="casusoverleg">${t('regio.noneFlagged')}</p>`
      : html`<table class="utrecht-table utrecht-table--html-table" id="casusoverleg">
            <thead>
              <tr>
                <th scope="col">${t('regio.colMelding')}</th>
                <th scope="col">${t('regio.colNote')}</th>
                <th scope="col">${t('regio.colFlaggedBy')}</th>
              </tr>
            </thead>
            <tbody>
              ${o.flagged.map(
                (f) =>
                  html`<tr>
                    <th scope="row">
                      <a class="utrecht-link utrecht-link--html-a" href="/meldingen/${f.reference}"
                        >${f.reference}</a
                      >
                    </th>
                    <td>${f.flag ? f.flag.note : t('regio.noteUnavailable')}</td>
                    <td>${f.flag ? `${f.flag.by}, ${formatLocal(f.flag.at)}` : ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
          ${
            o.flaggedTotal > o.flagged.length
              ? html`<p>
                  ${t('regio.moreFlagged', { count: o.flaggedTotal - o.flagged.length, shown: o.flagged.length })}
                </p>`
              : ''
          }`;

  const body = html`<h1 class="utrecht-heading-1" id="regio-titel" tabindex="-1" autofocus>
      ${t('regio.title', { region: input.regionName })}
    </h1>
    <p class="utrecht-paragraph hint">${t('regio.hint', { at: formatLocal(o.at) })}</p>

    <h2 class="utrecht-heading-2">${t('regio.flagged')}</h2>
    <p class="utrecht-paragraph hint">${t('regio.flaggedHint')}</p>
    ${flagged}

    <h2 class="utrecht-heading-2">${t('regio.byPhase')}</h2>
    <p class="utrecht-paragraph">${t('regio.openTotal', { count: o.openTotal })}</p>
    ${phases}

    <h2 class="utrecht-heading-2">${t('regio.overdue')}</h2>
    <p class="utrecht-paragraph hint">${t('regio.overdueHint')}</p>
    ${overdue}
    ${input.ops ? html`<p class="utrecht-paragraph"><a class="utrecht-link utrecht-link--html-a" href="/ops">${t('regio.toStuck')}</a></p>` : ''}

    <h2 class="utrecht-heading-2">${t('regio.perCasemanager')}</h2>
    ${casemanagers}

    <h2 class="utrecht-heading-2">${t('regio.perWeek')}</h2>
    <p class="utrecht-paragraph hint">${t('regio.perWeekHint')}</p>
    <div>
      ${weekChart(ui, o.newPerWeek)}
      <table class="utrecht-table utrecht-table--html-table" id="per-week">
        <caption class="visually-hidden">
          ${t('regio.perWeek')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('regio.colWeek')}</th>
            <th scope="col">${t('regio.colFrom')}</th>
            <th scope="col">${t('regio.colCount')}</th>
          </tr>
        </thead>
        <tbody>
          ${weekRows}
        </tbody>
      </table>
    </div>`;

  return layout({
    title: t('regio.title', { region: input.regionName }),
    body,
    nav: staffNav(ui, input.staffId, input.csrfToken, input.ops ? 'ops' : 'intake'),
    ui,
  });
}
