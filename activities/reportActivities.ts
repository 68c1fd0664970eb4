/**
 * The activities that write a case's anonymous semester report record: open at intake, final when
 * the case ends. The
 * store (SQLite, REPORT_DB_PATH) and the metrics are handed in by the worker; tests hand in a
 * store of their own.
 */
import type { Logger } from '../config/logger';
import type { WorkerMetrics } from '../config/metrics';
import type { ReportRecord } from '../domain/semesterReport';
import type { ReportStore } from '../reporting/reportStore';

export interface WriteReportRecordInput {
  /** Random, drawn once by the workflow: the same on every retry, unrelated to the case. */
  writeKey: string;
  record: ReportRecord;
  /** The key of the case's open record, which the final record replaces (cases since it exists). */
  openKey?: string;
}

export interface WriteOpenReportRecordInput {
  /** Random, drawn once by the workflow at intake, unrelated to the case. */
  openKey: string;
  record: ReportRecord;
}

/** What the workflow may call for the semester figures. */
export interface ReportActivities {
  writeReportRecord(input: WriteReportRecordInput): Promise<{ written: boolean }>;
  writeOpenReportRecord(input: WriteOpenReportRecordInput): Promise<{ written: boolean }>;
}

export interface ReportActivityDeps {
  store: ReportStore;
  logger: Logger;
  metrics?: WorkerMetrics;
}

export function createReportActivities(deps: ReportActivityDeps): ReportActivities {
  const log = deps.logger.child({ component: 'semester-report' });
  return {
    async writeOpenReportRecord({ openKey, record }) {
      const written = deps.store.writeOpen(openKey, record);
      log.info(
        { regionId: record.regionId, semester: record.semester, written },
        written ? 'open semester report record written' : 'open semester report record was already written',
      );
      return { written };
    },
    async writeReportRecord({ writeKey, record, openKey }) {
      const written = deps.store.write(writeKey, record, openKey);
      // Region and semester only: a log line per case with every code would be a second copy of
      // the record, kept under the log store's rules and timed next to the lines naming the case.
      log.info(
        { regionId: record.regionId, semester: record.semester, written },
        written ? 'semester report record written' : 'semester report record was already written',
      );
      if (written) deps.metrics?.reportRecordsWritten.inc({ region: record.regionId });
      return { written };
    },
  };
}
