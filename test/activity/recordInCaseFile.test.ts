/**
 * The `recordInCaseFile` activity over a real (in-memory) case file: a record is written once,
 * a retry of the same record changes nothing, and a record the case file refuses fails for good
 * (no retry would change it) naming the field, with nothing stored.
 */
import { ApplicationFailure } from '@temporalio/common';
import { CASE_FILE_RECORD_REFUSED, createCaseFileActivities } from '../../activities/caseFileActivities';
import type { CaseFileRecordOf } from '../../caseFile/recordData';
import { createLogger } from '../../config/logger';
import { openTestCaseFile } from '../../testkit/caseFile';
import { caseStateOf } from '../../testkit/caseStates';

const reference = 'CSG-LIM-2026-300400';
const caseFile = openTestCaseFile();
const { recordInCaseFile } = createCaseFileActivities({
  caseFile,
  logger: createLogger({ level: 'silent', name: 'test' }),
});
afterAll(() => caseFile.close());

const closing = (key: string): CaseFileRecordOf<'afsluiting'> => ({
  key,
  kind: 'afsluiting',
  at: '2026-03-01T10:00:00.000Z',
  data: { state: caseStateOf(reference, { phase: 'afgesloten' }), closing: { outcome: 'afgerond' } },
});

test('a record is written once; the same record again (a retry) changes nothing', async () => {
  expect(await recordInCaseFile({ reference, record: closing('afsluiting') })).toBe('appended');
  expect(await recordInCaseFile({ reference, record: closing('afsluiting') })).toBe('already_recorded');
  const stored = await caseFile.records(reference);
  expect(stored).toEqual([closing('afsluiting')]);
});

test('a record the case file refuses fails without retry, naming the field; nothing is stored', async () => {
  const other = 'CSG-LIM-2026-300401';
  const refused = recordInCaseFile({ reference: other, record: closing('sluiting met spaties') });
  await expect(refused).rejects.toBeInstanceOf(ApplicationFailure);
  await expect(refused).rejects.toMatchObject({ nonRetryable: true, type: CASE_FILE_RECORD_REFUSED });
  await expect(refused).rejects.toThrow(/key/);
  expect(await caseFile.records(other)).toEqual([]);
});
