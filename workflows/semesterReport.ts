/**
 * The workflow's part of the semester figures: at intake the case is counted by an open record,
 * and when it ends, what it recorded and what the pathway gave becomes its one anonymous report
 * record, written by an activity into the report store (which outlives the namespace retention).
 *
 * What counts as received (from the case itself, no free text):
 * - acute medical care: a medical-care request the medical partner reported done (its task
 *   `uitgevoerd`);
 * - FMO: an FMO request the forensic doctor or the NFI reported done (the forensische
 *   opsporing's request is the police's presence, not the examination);
 * - casemanagement: the casemanager handover acknowledged.
 * A request accepted but never reported done is not counted. Cases from before requests were
 * tasks (no task on the request) count medical care and the FMO by the acknowledgement, and then
 * only when not called off while the case ran (a changed police wish, a corrected incident time):
 * an examination stood down did not take place; one reported done did. Notices sent because the
 * whole case ends (withdrawal, transfer) do not undo what was given before.
 * - aangifte: the latest `recordAangifte` decision staff recorded (what the victim says).
 */
import { log, proxyActivities, uuid4 } from '@temporalio/workflow';
import type { ReportActivities } from '../activities/reportActivities';
import { minorOf, semesterOf, type ReportRecord } from '../domain/semesterReport';
import type { MeldingIntake } from '../domain/types';
import type { RequestView } from './messages';

const reportActivities = proxyActivities<ReportActivities>({
  startToCloseTimeout: '1 minute',
  // Within the time the store keeps write keys (KEY_KEPT_DAYS), so no retry can count twice.
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

export interface EndedCase {
  intake: MeldingIntake;
  regionId: string;
  acute: boolean;
  requests: RequestView[];
  /** Request ids stood down while the case was still running. */
  calledOff: ReadonlySet<string>;
  aangifte: boolean;
}

export function reportRecordOf(c: EndedCase): ReportRecord {
  const acknowledged = (r: RequestView, evenIfCalledOff: boolean) =>
    r.status === 'acknowledged' && (evenIfCalledOff || !c.calledOff.has(r.requestId));
  // A task counts once done; a request from before tasks by its acknowledgement.
  const given = (r: RequestView, evenIfCalledOff: boolean) =>
    r.task ? r.task.state === 'uitgevoerd' : acknowledged(r, evenIfCalledOff);
  const received = (match: (r: RequestView) => boolean, evenIfCalledOff = false) =>
    c.requests.some((r) => match(r) && given(r, evenIfCalledOff));
  return {
    regionId: c.regionId,
    semester: semesterOf(new Date(c.intake.receivedAt)),
    acute: c.acute,
    gender: c.intake.gender ?? 'onbekend',
    minor: minorOf(c.intake.victimAge),
    earlierSexualAbuse: c.intake.earlierSexualAbuse ?? 'onbekend',
    medicalCare: received((r) => r.kind === 'medische_zorg'),
    fmo: received((r) => r.kind === 'fmo' && (r.role === 'forensisch_arts' || r.role === 'nfi')),
    aangifte: c.aangifte,
    casemanagement: received((r) => r.kind === 'casemanager_overdracht', true),
  };
}

/** The case's open record: its key, and its write, which the final record waits for. */
export interface OpenReportRecord {
  openKey: string;
  written: Promise<void>;
}

/**
 * Counts the case in the semester of its melding from the start (still open at the semester's
 * end, it is in that semester's figures). Not awaited: the pathway never waits for the store.
 */
export function writeOpenReportRecord(record: ReportRecord, meldingRef: string): OpenReportRecord {
  const openKey = uuid4();
  const written = reportActivities.writeOpenReportRecord({ openKey, record }).then(
    () => undefined,
    () =>
      log.error('open semester report record could not be written; the case counts when it ends', {
        meldingRef,
      }),
  );
  return { openKey, written };
}

/** Writes the record; a store that stays unreachable for days is logged, and the case still closes. */
export async function writeReportRecord(
  record: ReportRecord,
  meldingRef: string,
  open?: OpenReportRecord,
): Promise<void> {
  // Drawn from the workflow's seeded random: the same key on replay, so every retry dedupes.
  const writeKey = uuid4();
  try {
    // After the open record, so the final one replaces it rather than the other way round.
    await open?.written;
    await reportActivities.writeReportRecord({
      writeKey,
      record,
      ...(open ? { openKey: open.openKey } : {}),
    });
  } catch {
    log.error('semester report record could not be written; the figures miss this case', { meldingRef });
  }
}
