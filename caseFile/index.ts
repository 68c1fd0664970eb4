/**
 * The case file: a durable record of each case beyond the engine's retention. Temporal deletes a
 * case's history after the namespace retention; the CSG must keep its registration of the care it
 * gave far longer (retention.ts), and the victim's access and erasure requests must reach it
 * (cases/privacy/caseFileStore.ts).
 *
 * One repository (caseFile.ts) over two backends: SQLite in the dev profile (CASE_FILE_DB_PATH, a
 * file under `.data/`), PostgreSQL in the cluster profile (CASE_FILE_DATABASE_URL, which wins
 * when set). Records are sealed with the payload keys and the case is named by its keyed hash.
 *
 * How the workflow writes it (workflows/caseFileMilestones.ts, workflows/caseFileRecorder.ts,
 * activities/caseFileActivities.ts; what each kind holds: recordData.ts):
 * - At each milestone the workflow schedules a small `recordInCaseFile` activity with the
 *   reference, the kind, the record's time and its data. The time is the workflow's own
 *   (`Date.now()` in the workflow is the event's time, the same on replay), never the activity's,
 *   so a retry carries exactly the same record.
 * - The record key is derived from the event, not drawn: `<kind>/<update id>` for a decision, a
 *   correction or a contact (the update id is unique and kept across retries), `<kind>/<request
 *   id>` for a partner request and `<kind>/<request id>/<status>` for its outcome, `intake`,
 *   `triage`, `afsluiting` once per case. Together with the reference (the workflow id) it makes
 *   the record id, so an activity that wrote and then crashed before reporting writes nothing the
 *   second time.
 * - A failing write retries like every activity and never blocks the pathway: the workflow awaits
 *   the care steps, not the file. The records go one at a time, in the order of their milestones,
 *   and the case completes only once every one is written. The data holds what the case page and
 *   the export need once the workflow is gone, and what the victim told goes in there only as the
 *   intake recorded it.
 * - Behind `patched('case-file-records')`: a case that was running before writes from its next
 *   milestone on (no intake record); a reader tolerates any kind being absent.
 */
import { deferredStore } from '../config/deferredStore';
import type { PayloadKeys } from '../config/payloadCodec';
import { createCaseFile, type CaseFile } from './caseFile';
import { openPostgresRows } from './postgresRows';
import type { RowStore } from './rows';
import { openSqliteRows } from './sqliteRows';

export {
  CaseFileInputError,
  createCaseFile,
  type CaseFile,
  type CaseFileRecord,
  type ExpiredRecord,
} from './caseFile';
export { CASE_FILE_RECORD_KINDS, type CaseFileRecordKind } from './recordKinds';
export { CASE_FILE_RETENTION, type RetentionTerm } from './retention';
export { CaseFileDecryptionError } from './sealing';

export const DEFAULT_CASE_FILE_DB = '.data/case-file.db';

export interface CaseFileSettings {
  /** SQLite file (dev profile). */
  CASE_FILE_DB_PATH: string;
  /** PostgreSQL connection string (cluster profile); when set, the SQLite file is not used. */
  CASE_FILE_DATABASE_URL?: string | undefined;
  PAYLOAD_KEYS: PayloadKeys;
  BLIND_INDEX_KEY: Buffer;
}

/**
 * The case file of these settings. Synchronous, so a front end opens it where it opens its other
 * stores: a PostgreSQL backend connects (and creates its table) in the background, and the first
 * call waits for it, failing with the connection's error if it could not.
 */
export function openCaseFile(settings: CaseFileSettings): CaseFile {
  const rows = settings.CASE_FILE_DATABASE_URL
    ? deferredStore<RowStore>(openPostgresRows({ connectionString: settings.CASE_FILE_DATABASE_URL }), [
        'insert',
        'ofCase',
        'deleteCase',
        'olderThan',
        'deleteOlderThan',
        'sealedWithOtherKey',
        'reseal',
      ])
    : openSqliteRows(settings.CASE_FILE_DB_PATH);
  return createCaseFile({ rows, keys: settings.PAYLOAD_KEYS, indexKey: settings.BLIND_INDEX_KEY });
}
