/**
 * Writes the case's records into its case file through the `recordInCaseFile` activity, beside
 * the pathway: `record` schedules and returns at once, so no care step waits for the file.
 *
 * - In order: one write at a time, each after the one before, so records of the same moment are
 *   stored in the order they happened (a reader breaks ties on `at` by that order).
 * - Retried until written: the case file is the registration that outlives the history, so a
 *   store that is down is waited for (with backoff), not given up on. Only a record the case file
 *   refuses for good is logged and skipped; the records after it still go.
 * - Not cancellable: a write in flight finishes even when the scope around it is cancelled.
 * - `idle` tells the ending when every record is written: the workflow does not complete before.
 *
 * Behind `patched('case-file-records')`: cases that ran before write nothing (their histories
 * schedule no activity); a case that was running when it came writes from its next milestone on.
 */
import { CancellationScope, log, patched, proxyActivities } from '@temporalio/workflow';
import type { CaseFileActivities } from '../activities/caseFileActivities';
import type { CaseFileRecordOf } from '../caseFile/recordData';

const caseFileActivities = proxyActivities<CaseFileActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

/** What the case file accepts as a record key (caseFile/caseFile.ts). */
const KEY_PART = /[^A-Za-z0-9._:-]/g;

/** A part of a record key from an id the workflow did not make (an update id): safe characters only. */
export function keyPart(id: string): string {
  return id.replace(KEY_PART, '_').slice(0, 120);
}

export class CaseFileRecorder {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(private readonly reference: string) {}

  /** Every record scheduled so far is written (or refused for good). */
  get idle(): boolean {
    return this.pending === 0;
  }

  /** Whether this case writes its case file (not a case that ran before the patch). */
  active(): boolean {
    return patched('case-file-records');
  }

  /** Schedules the record after those before it; returns at once. Nothing in cases from before the patch. */
  record(record: CaseFileRecordOf): void {
    if (!this.active()) return;
    this.pending += 1;
    // As it stands now: the case goes on changing while earlier records are written.
    const copy = JSON.parse(JSON.stringify(record)) as CaseFileRecordOf;
    this.tail = this.tail.then(() => this.write(copy));
  }

  private async write(record: CaseFileRecordOf): Promise<void> {
    try {
      await CancellationScope.nonCancellable(() =>
        caseFileActivities.recordInCaseFile({ reference: this.reference, record }),
      );
    } catch {
      log.error('case file record could not be written', {
        meldingRef: this.reference,
        kind: record.kind,
        key: record.key,
      });
    } finally {
      this.pending -= 1;
    }
  }
}
