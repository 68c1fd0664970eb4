/**
 * The activity that writes a case's anonymous semester report record when the case ends. The
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
}

/** What the workflow may call for the semester figures. */
export interface ReportActivities {
  writeReportRecord(input: WriteReportRecordInput): Promise<{ written: boolean }>;
}

export interface ReportActivityDeps {
  store: ReportStore;
  logger: Logger;
  metrics?: WorkerMetrics;
}

export function createReportActivities(deps: ReportActivityDeps): ReportActivities {
  const log = deps.logger.child({ component: 'semester-report' });
  return {
    async writeReportRecord({ writeKey, record }) {
      const written = deps.store.write(writeKey, record);
      // Region and semester only: the record itself is codes, but one line per case with all of
      // them would be a copy of the record next to the case's reference in the activity context.
      log.info(
        { regionId: record.regionId, semester: record.semester, written },
        written ? 'semester report record written' : 'semester report record was already written',
      );
      if (written) deps.metrics?.reportRecordsWritten.inc({ region: record.regionId });
      return { written };
    },
  };
}
