/**
 * The activity that writes a case's milestones into its case file (caseFile/), so the case's
 * registration outlives the workflow's history. The case file is handed in by the worker (opened
 * from CASE_FILE_DB_PATH or CASE_FILE_DATABASE_URL); tests hand in one of their own.
 *
 * The workflow makes the whole record (key, kind, time, data): a retry carries the same record,
 * and the case file keeps the first one of each key, so a write repeated after a crash changes
 * nothing. A record the case file refuses (CaseFileInputError) will never be accepted: it fails
 * at once instead of retrying.
 */
import { ApplicationFailure } from '@temporalio/common';
import { CaseFileInputError, type CaseFile } from '../caseFile';
import type { CaseFileRecordOf } from '../caseFile/recordData';
import type { Logger } from '../config/logger';

export const CASE_FILE_RECORD_REFUSED = 'CaseFileRecordRefused';

export interface RecordInCaseFileInput {
  /** The melding reference (the workflow id). */
  reference: string;
  record: CaseFileRecordOf;
}

/** What the workflow may call for the case file. */
export interface CaseFileActivities {
  recordInCaseFile(input: RecordInCaseFileInput): Promise<'appended' | 'already_recorded'>;
}

export interface CaseFileActivityDeps {
  caseFile: CaseFile;
  logger: Logger;
}

export function createCaseFileActivities(deps: CaseFileActivityDeps): CaseFileActivities {
  const log = deps.logger.child({ component: 'case-file' });
  return {
    async recordInCaseFile({ reference, record }) {
      try {
        const result = await deps.caseFile.append(reference, record);
        // Kind and key only: the data is the case's own, and the key names no person.
        log.debug({ meldingRef: reference, kind: record.kind, key: record.key, result }, 'case file record');
        return result;
      } catch (error) {
        if (error instanceof CaseFileInputError) {
          log.error(
            { meldingRef: reference, kind: record.kind, problem: error.message },
            'case file refused a record',
          );
          throw ApplicationFailure.nonRetryable(error.message, CASE_FILE_RECORD_REFUSED);
        }
        throw error;
      }
    },
  };
}
