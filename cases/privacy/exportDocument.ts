/**
 * The access export as a document a person reads: one self-contained HTML page (no scripts, no
 * outside resources, so it can be saved, mailed or printed to PDF as it is), in the language the
 * export was made in. Every word comes from the catalogues; every value is escaped.
 */
import { formatLocal } from '../../domain/localTime';
import { translator, wordsOr, type Translate } from '../../i18n';
import { html, type SafeHtml } from '../../web/kit/html';
import type { HistoryEntry } from '../../workflows/opsMessages';
import type { CaseState } from '../../workflows/messages';
import type { DeliveryEntry } from './deliveryLogStore';
import type { CaseExport } from './privacyService';

/** One record of the case file as its store exports it (caseFileStore.ts). */
interface CaseFileLine {
  kind: string;
  at: string;
  data: unknown;
}

interface RequestLine {
  requestId: string;
  partner: string;
  kind: string;
  requestedAt: string;
  acknowledgedAt?: string;
  sharing?: string;
}

/** The catalogue's words for `key`, or `fallback` where it has none. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const when = (value: string | undefined) => (value ? formatLocal(value) : '');

/** Any value of the intake as nested definition lists, field names in words where the catalogue has them. */
function valueList(t: Translate, value: unknown): SafeHtml | string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return html`<ul>
      ${value.map((v) => html`<li>${valueList(t, v)}</li>`)}
    </ul>`;
  if (typeof value === 'object') {
    return html`<dl>
      ${Object.entries(value as Record<string, unknown>).map(
        ([key, v]) =>
          html`<dt>${wordsOr(t, `privacy.fields.${key}`, key)}</dt>
            <dd>${valueList(t, v)}</dd>`,
      )}
    </dl>`;
  }
  if (typeof value === 'boolean') return t(value ? 'privacy.export.yes' : 'privacy.export.no');
  const text = String(value);
  return ISO_TIME.test(text) ? `${formatLocal(text)} (${text})` : text;
}

function table(headers: string[], rows: Array<Array<string | SafeHtml>>, empty: string): SafeHtml {
  if (rows.length === 0) return html`<p>${empty}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) =>
          html`<tr>
            ${row.map((cell) => html`<td>${cell}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function exportDocument(doc: CaseExport): string {
  const t = translator(doc.lang);
  const temporal = doc.held.temporal as
    | {
        status: string;
        startedAt: string;
        closedAt?: string;
        melding: unknown;
        stand: CaseState;
        besluiten: HistoryEntry[];
        verzoeken: RequestLine[];
      }
    | undefined;
  const deliveries = (doc.held.bezorglog?.verzendingen as DeliveryEntry[] | undefined) ?? [];
  // Shown whenever the export was made with the case file; otherwise "not included" says why.
  const withCaseFile = !doc.notIncluded.some((n) => n.code === 'dossier');
  const caseFileRecords = (doc.held.dossier?.stukken as CaseFileLine[] | undefined) ?? [];
  const none = t('privacy.export.none');
  const body = html`<h1>${t('privacy.export.title', { reference: doc.reference })}</h1>
    <p>${t('privacy.export.madeAt', { at: formatLocal(doc.exportedAt), by: doc.exportedBy })}</p>
    <p>${t('privacy.export.intro')}</p>
    <h2>${t('privacy.export.case')}</h2>
    ${
      temporal
        ? html`<dl>
              <dt>${t('privacy.export.region')}</dt>
              <dd>${temporal.stand.regionId}</dd>
              <dt>${t('privacy.export.phase')}</dt>
              <dd>${wordsOr(t, `caseWords.phases.${temporal.stand.phase}`, temporal.stand.phase)}</dd>
              <dt>${t('privacy.export.startedAt')}</dt>
              <dd>${when(temporal.startedAt)}</dd>
              ${
                temporal.closedAt
                  ? html`<dt>${t('privacy.export.closedAt')}</dt>
                      <dd>${when(temporal.closedAt)}</dd>`
                  : ''
              }
            </dl>
            <h2>${t('privacy.export.details')}</h2>
            ${valueList(t, temporal.melding)}
            <h2>${t('privacy.export.decisions')}</h2>
            ${table(
              [
                t('privacy.export.at'),
                t('privacy.export.by'),
                t('privacy.export.what'),
                t('privacy.export.value'),
              ],
              temporal.besluiten.map((e) => [when(e.at), e.by, e.type, e.value]),
              none,
            )}
            <h2>${t('privacy.export.requests')}</h2>
            <p>${t('privacy.export.requestsHint')}</p>
            ${table(
              [
                t('privacy.export.partner'),
                t('privacy.export.kind'),
                t('privacy.export.requestedAt'),
                t('privacy.export.acknowledgedAt'),
                t('privacy.export.sharing'),
              ],
              temporal.verzoeken.map((r) => [
                wordsOr(t, `request.roles.${r.partner}`, r.partner),
                wordsOr(t, `request.kinds.${r.kind}`, r.kind),
                when(r.requestedAt),
                when(r.acknowledgedAt),
                r.sharing ? wordsOr(t, `privacy.sharing.${r.sharing}`, r.sharing) : '',
              ]),
              none,
            )}`
        : html`<p>${none}</p>`
    }
    <h2>${t('privacy.export.deliveries')}</h2>
    <p>${t('privacy.export.deliveriesHint')}</p>
    ${table(
      [
        t('privacy.export.at'),
        t('privacy.export.request'),
        t('privacy.export.attempt'),
        t('privacy.export.channel'),
        t('privacy.export.deliveryState'),
      ],
      deliveries.map((d) => [when(d.finishedAt ?? d.claimedAt), d.requestId, d.attempt, d.channel, d.state]),
      none,
    )}
    ${
      withCaseFile
        ? html`<h2>${t('privacy.export.caseFile')}</h2>
            <p>${t('privacy.export.caseFileHint')}</p>
            ${table(
              [t('privacy.export.at'), t('privacy.export.what'), t('privacy.export.value')],
              caseFileRecords.map((r) => [
                when(r.at),
                wordsOr(t, `privacy.caseFileKinds.${r.kind}`, r.kind),
                valueList(t, r.data),
              ]),
              none,
            )}`
        : ''
    }
    ${
      doc.toegangslog
        ? html`<h2>${t('privacy.export.accessLog')}</h2>
            <p>${t('privacy.export.accessLogHint')}</p>
            ${table(
              [
                t('privacy.export.at'),
                t('privacy.export.by'),
                t('privacy.export.what'),
                t('privacy.export.value'),
              ],
              doc.toegangslog.map((e) => [
                when(e.at),
                e.by,
                wordsOr(t, `accessLog.reasons.${e.reason}`, e.reason),
                e.detail ?? '',
              ]),
              none,
            )}`
        : ''
    }
    <h2>${t('privacy.export.notIncluded')}</h2>
    <ul id="niet-opgenomen">
      ${doc.notIncluded.map((n) => html`<li>${n.text}</li>`)}
    </ul>`;
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<title>${html`${t('privacy.export.title', { reference: doc.reference })}`.value}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:left}dd{margin-left:1.5rem}</style>
</head>
<body>
${body.value}
</body>
</html>
`;
}
