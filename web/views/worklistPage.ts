/**
 * The casemanager's worklist ("mijn casussen"): three tables, each row one link to its case page:
 * today's and overdue check-ins, all own cases by the next due contact, and the requests waiting
 * on partners. An empty table is a sentence instead. Codes and times only, like the case state.
 */
import { formatLocal } from '../../domain/localTime';
import type { Translate } from '../../i18n';
import { WORKLIST_CAP, type NextContact, type Worklist, type WorklistCase } from '../../cases/worklist';
import type { PageUi } from '../kit/language';
import { html, type SafeHtml } from '../kit/html';
import { layout } from '../kit/layout';
import { CONTACT_FORM_ANCHOR } from './contactSection';
import { staffNav } from './nav';
import { worklistTasks } from './worklistTasks';

export interface WorklistPageInput {
  staffId: string;
  csrfToken: string;
  worklist: Worklist;
  /** Another casemanager's worklist, as their coordinator sees it; the staff member's own when left out. */
  casemanager?: string;
  ui: PageUi;
}

function contactWords(t: Translate, c: NextContact | undefined): string {
  if (!c) return t('worklist.noContact');
  if (c.source === 'open') return t('worklist.openCheckIn');
  return t(c.screening ? 'worklist.plannedScreening' : 'worklist.plannedCheckIn', {
    number: c.number ?? '',
    of: c.of ?? '',
  });
}

function urgencyWords(t: Translate, c: NextContact | undefined): string {
  if (!c) return '';
  return t(
    c.urgency === 'te_laat'
      ? 'worklist.overdue'
      : c.urgency === 'vandaag'
        ? 'worklist.today'
        : 'worklist.later',
  );
}

/** With an id only in the "my meldingen" table, where each case appears once. */
const caseLink = (reference: string, id?: string) =>
  id
    ? html`<a class="utrecht-link utrecht-link--html-a" id="${id}" href="/meldingen/${reference}"
        >${reference}</a
      >`
    : html`<a class="utrecht-link utrecht-link--html-a" href="/meldingen/${reference}">${reference}</a>`;

/** One table, or the sentence that says it is empty. */
function table(id: string, caption: string, empty: string, headers: string[], rows: SafeHtml[]): SafeHtml {
  if (rows.length === 0) return html`<p class="utrecht-paragraph" id="${id}">${empty}</p>`;
  return html`<table class="utrecht-table utrecht-table--html-table" id="${id}">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

/** The status of the next contact, and the failed attempts in a row when there are any. */
function statusWords(t: Translate, c: WorklistCase): string {
  const failed = c.failedContacts ?? 0;
  return [
    urgencyWords(t, c.nextContact),
    failed > 0 ? t('contactmomenten.worklist.failedAttempts', { count: failed }) : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * One case's row; in the "due now" table with a link straight to the case page's form to record
 * the contact (its reference spoken along, as every row's link reads the same).
 */
function caseRow(t: Translate, c: WorklistCase, linkId?: string, contactLink = false): SafeHtml {
  return html`<tr>
    <th scope="row">${caseLink(c.reference, linkId)}</th>
    <td>${t(`caseWords.phases.${c.phase}`)}</td>
    <td>${contactWords(t, c.nextContact)}</td>
    <td>${c.nextContact ? formatLocal(c.nextContact.at) : ''}</td>
    <td>${statusWords(t, c)}</td>
    ${
      contactLink
        ? html`<td>
            <a
              class="utrecht-link utrecht-link--html-a"
              id="contact-${c.reference}"
              href="/meldingen/${c.reference}#${CONTACT_FORM_ANCHOR}"
              >${t('contactmomenten.worklist.recordContact')}<span class="visually-hidden">
                ${c.reference}</span
              ></a
            >
          </td>`
        : ''
    }
  </tr>`;
}

export function worklistPage(input: WorklistPageInput): string {
  const { t } = input.ui;
  const { cases, capped } = input.worklist;
  const of = input.casemanager;
  const words = of
    ? {
        title: t('worklist.titleOf', { casemanager: of }),
        intro: t('worklist.introOf', { casemanager: of }),
        noneMine: t('worklist.noneMineOf', { casemanager: of }),
        nonePartners: t('worklist.nonePartnersOf'),
      }
    : {
        title: t('worklist.title'),
        intro: t('worklist.intro'),
        noneMine: t('worklist.noneMine'),
        nonePartners: t('worklist.nonePartners'),
      };
  const caseHeaders = [
    t('worklist.colMelding'),
    t('worklist.colPhase'),
    t('worklist.colContact'),
    t('worklist.colWhen'),
    t('worklist.colStatus'),
  ];
  const dueNow = cases.filter((c) => c.nextContact && c.nextContact.urgency !== 'later');
  // Across all cases, the earliest deadline first.
  const waiting = cases
    .flatMap((c) => c.waitingOnPartners.map((r) => ({ reference: c.reference, r })))
    .sort((a, b) => Date.parse(a.r.dueBy) - Date.parse(b.r.dueBy));
  const waitingRows = waiting.map(
    ({ reference, r }) =>
      html`<tr>
        <th scope="row">${caseLink(reference)}</th>
        <td>${t(`request.kinds.${r.kind}`)}</td>
        <td>${t(`request.roles.${r.role}`)}</td>
        <td>${formatLocal(r.dueBy)}</td>
        <td>${r.overdue ? t('worklist.overdue') : t('worklist.onTime')}</td>
      </tr>`,
  );
  const body = html`<h1 class="utrecht-heading-1" id="titel" tabindex="-1" autofocus>${words.title}</h1>
    <p class="utrecht-paragraph hint">${words.intro}</p>
    ${capped ? html`<p class="utrecht-paragraph" role="status">${t('worklist.capped', { cap: WORKLIST_CAP })}</p>` : ''}
    <h2 class="utrecht-heading-2">${t('worklist.todayTitle')}</h2>
    ${table(
      'vandaag',
      t('worklist.todayCaption'),
      t('worklist.noneToday'),
      [...caseHeaders, t('contactmomenten.worklist.colAction')],
      dueNow.map((c) => caseRow(t, c, undefined, true)),
    )}
    <h2 class="utrecht-heading-2">${t('worklist.mineTitle')}</h2>
    ${table(
      'mijn-meldingen',
      t('worklist.mineCaption'),
      words.noneMine,
      caseHeaders,
      cases.map((c) => caseRow(t, c, `melding-${c.reference}`)),
    )}
    <h2 class="utrecht-heading-2">${t('worklist.partnersTitle')}</h2>
    ${table(
      'wacht-op-partners',
      t('worklist.partnersCaption'),
      words.nonePartners,
      [
        t('worklist.colMelding'),
        t('worklist.colRequest'),
        t('worklist.colPartner'),
        t('worklist.colDue'),
        t('worklist.colStatus'),
      ],
      waitingRows,
    )}
    ${worklistTasks(input.ui, cases)}`;
  return layout({
    title: words.title,
    body,
    // A coordinator's bar is the intake's (find, case pages); a casemanager's leads to this page.
    nav: staffNav(input.ui, input.staffId, input.csrfToken, of ? 'intake' : 'casemanager'),
    ui: input.ui,
  });
}
