/**
 * The case file for tests: a real one (SQLite, in memory unless a file is named) under the test
 * keys, and the real `recordInCaseFile` activity over it, watched: every call is kept with what
 * it did, and a test can make a call crash after its write (before it reports), as a worker that
 * dies mid-activity would, so Temporal retries it.
 */
import { createCaseFile, type CaseFile } from '../caseFile';
import { openSqliteRows } from '../caseFile/sqliteRows';
import {
  createCaseFileActivities,
  type CaseFileActivities,
  type RecordInCaseFileInput,
} from '../activities/caseFileActivities';
import { createLogger } from '../config/logger';
import { TEST_BLIND_INDEX_KEY, TEST_PAYLOAD_KEYS } from './temporal';

export function openTestCaseFile(path = ':memory:'): CaseFile {
  return createCaseFile({
    rows: openSqliteRows(path),
    keys: TEST_PAYLOAD_KEYS,
    indexKey: TEST_BLIND_INDEX_KEY,
  });
}

export interface CaseFileCall {
  input: RecordInCaseFileInput;
  result: 'appended' | 'already_recorded' | 'crashed' | 'store_down';
}

export class WatchedCaseFileActivities implements CaseFileActivities {
  readonly calls: CaseFileCall[] = [];
  /** Decides per call whether it crashes once its record is written. */
  crashAfterWrite: (input: RecordInCaseFileInput) => boolean = () => false;
  /** Decides per call whether the store is down: the call fails before it writes. */
  storeDown: (input: RecordInCaseFileInput) => boolean = () => false;
  private readonly real: CaseFileActivities;

  constructor(readonly caseFile: CaseFile) {
    this.real = createCaseFileActivities({
      caseFile,
      logger: createLogger({ level: 'silent', name: 'test-case-file' }),
    });
  }

  recordInCaseFile = async (input: RecordInCaseFileInput) => {
    if (this.storeDown(input)) {
      this.calls.push({ input, result: 'store_down' });
      throw new Error('case file store unreachable');
    }
    const result = await this.real.recordInCaseFile(input);
    if (this.crashAfterWrite(input)) {
      this.calls.push({ input, result: 'crashed' });
      throw new Error('worker lost after the write, before it reported');
    }
    this.calls.push({ input, result });
    return result;
  };

  callsOf(reference: string): CaseFileCall[] {
    return this.calls.filter((call) => call.input.reference === reference);
  }
}
