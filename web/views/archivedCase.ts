/**
 * The parts of the case page for a case Temporal no longer holds, shown from its case file
 * (cases/caseFromFile.ts): the notice that it is closed and archived and as of when, the victim's
 * details as they last stood (for a role that may see them), and the file's own timeline.
 * Read-only: nothing here posts.
 */
import type { FileDetails, FileEntry } from '../../cases/caseFromFile';
import { formatLocal } from '../../domain/localTime';
import { wordsOr, type Translate } from '../../i18n';
import { html, type SafeHtml } from '../kit/html';
import { timelineTable } from './timelineTable';

export interface ArchivedView {
  writtenAt: string;
  timeline: FileEntry[];
  details?: FileDetails;
  /** Whether the signed-in role may see the victim's details (as it may correct them on a live case). */
  mayDetails: boolean;
}

export function archivedNotice(t: Translate, writtenAt: string): SafeHtml {
  return html`<div class="utrecht-alert" role="status" id="gearchiveerd">
    <p class="utrecht-paragraph">${t('archivedCase.notice', { date: formatLocal(writtenAt) })}</p>
  </div>`;
}

function ageWords(t: Translate, age: FileDetails['victimAge']): string | undefined {
  if (!age) return undefined;
  if (age.kind === 'years') return t('archivedCase.ageYears', { years: age.years });
  if (age.kind === 'band') return wordsOr(t, `form.ageBands.${age.band}`, age.band);
  return t('archivedCase.ageUnknown');
}

function channelWords(t: Translate, p: FileDetails['contactPreferences']): string | undefined {
  if (!p) return undefined;
  const safe = (['safeToCall', 'safeToText', 'safeToEmail'] as const).filter((c) => p[c] === true);
  return safe.length ? safe.map((c) => t(`form.${c}`)).join(', ') : t('archivedCase.noChannels');
}

/** A minor's parent or guardian as the file holds them: relation, name and phone. */
function guardianWords(t: Translate, g: FileDetails['guardian']): string | undefined {
  if (!g) return undefined;
  const relation = g.relation ? wordsOr(t, `tweedeRing.relations.${g.relation}`, g.relation) : undefined;
  return [relation, g.name, g.phone].filter(Boolean).join(', ');
}

/** The victim's details as the file holds them; personal, onto the page only. */
export function archivedDetails(t: Translate, details: FileDetails | undefined): SafeHtml {
  const heading = html`<h2 class="utrecht-heading-2">${t('archivedCase.details')}</h2>`;
  if (!details)
    return html`${heading}
      <p class="utrecht-paragraph">${t('archivedCase.noDetails')}</p>`;
  const contact = details.victimContact ?? {};
  const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : t(`casePage.yesNo.${v}`));
  const rows: Array<[string, string | undefined]> = [
    ['name', contact.name],
    ['phone', contact.phone],
    ['email', contact.email],
    ['dateOfBirth', contact.dateOfBirth],
    ['age', ageWords(t, details.victimAge)],
    ['municipality', details.municipality],
    ['language', details.language],
    ['interpreterNeeded', yesNo(details.interpreterNeeded)],
    ['safeChannels', channelWords(t, details.contactPreferences)],
    ['practicalNotes', details.practicalNotes],
    ['guardian', guardianWords(t, details.guardian)],
  ];
  const shown = rows.filter((row): row is [string, string] => typeof row[1] === 'string' && row[1] !== '');
  return html`${heading}
    <p class="utrecht-paragraph hint">${t('archivedCase.detailsHint')}</p>
    <dl id="gegevens">
      ${shown.map(
        ([label, value]) =>
          html`<dt>${t(`archivedCase.labels.${label}`)}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>`;
}

/** One line of the file's timeline in words; a code this version does not know stays as it is. */
function entryWords(t: Translate, e: FileEntry): string {
  const kind = (code = '') => wordsOr(t, `request.kinds.${code}`, code);
  const role = (code = '') => wordsOr(t, `request.roles.${code}`, code);
  switch (e.kind) {
    case 'intake':
      return t('archivedCase.entries.intake');
    case 'triage':
      return t('archivedCase.entries.triage', {
        window: wordsOr(t, `triage.windows.${e.window}`, e.window ?? ''),
      });
    case 'besluit':
      return wordsOr(t, `casePage.recordTypes.${e.type}`, e.type);
    case 'correctie': {
      const field = (f: string) =>
        wordsOr(t, `caseWords.recorded.fieldNames.${f}`, wordsOr(t, `archivedCase.labels.${f}`, f));
      const fields = e.fields.map(field).join(', ');
      const reason = e.reason ? wordsOr(t, `correctionReasons.${e.reason}`, e.reason) : undefined;
      return [
        t('archivedCase.entries.correctie', { fields }),
        reason && t('archivedCase.entries.correctieReason', { reason }),
      ]
        .filter(Boolean)
        .join('; ');
    }
    case 'partnerverzoek':
      return t('archivedCase.entries.partnerverzoek', { kind: kind(e.requestKind), role: role(e.role) });
    case 'partnerverzoek_uitkomst': {
      const status = wordsOr(t, `caseWords.statuses.${e.status}`, e.status);
      return e.requestKind && e.role
        ? t('archivedCase.entries.uitkomst', { kind: kind(e.requestKind), role: role(e.role), status })
        : t('archivedCase.entries.uitkomstUnknown', { status });
    }
    case 'checkin':
      if (e.outcome)
        return t('archivedCase.entries.checkinOutcome', {
          outcome: wordsOr(t, `checkInWords.outcomes.${e.outcome}`, e.outcome),
        });
      return t(
        e.reached === false
          ? 'archivedCase.entries.checkinNotReached'
          : 'archivedCase.entries.checkinReached',
      );
    case 'afsluiting':
      return e.outcome
        ? t('archivedCase.entries.afsluiting', {
            outcome: wordsOr(t, `caseWords.outcomes.${e.outcome}`, e.outcome),
          })
        : t('archivedCase.entries.afsluitingUnknown');
  }
}

/** The case file's timeline, oldest first. */
export function archivedTimeline(t: Translate, timeline: readonly FileEntry[]): SafeHtml {
  const who = (by: string | undefined) => (!by || by === 'workflow' ? t('casePage.bySystem') : by);
  return html`<h2 class="utrecht-heading-2">${t('archivedCase.timeline')}</h2>
    <p class="utrecht-paragraph hint">${t('archivedCase.timelineHint')}</p>
    ${timelineTable(
      t,
      t('archivedCase.timeline'),
      timeline.map((e) => ({ at: e.at, by: who(e.by), what: entryWords(t, e) })),
    )}`;
}
