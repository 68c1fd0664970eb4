/**
 * The case file repository's contract, run against each backend (sqlite.test.ts in `npm test`,
 * postgres.test.ts in `npm run test:cluster`): order, idempotent appends, erasure of one case,
 * retention per kind, clear errors on bad input, and encryption at rest (nothing planted readable
 * in the stored bytes, a record moved to another case or relabelled refuses to open, rotated keys
 * still open older records, and re-sealing lets an old key go).
 */
import {
  CaseFileDecryptionError,
  CaseFileInputError,
  CASE_FILE_RETENTION,
  createCaseFile,
  type CaseFile,
  type CaseFileRecord,
} from '../../caseFile';
import type { RowStore, SealedRow } from '../../caseFile/rows';
import type { PayloadKeys } from '../../config/payloadCodec';
import { leaks, needlesOf } from '../../testkit/plantedData';

export interface Backend {
  rows: RowStore;
  /** Every byte the backend holds of the case file (the SQLite file, or the table's rows as text). */
  storedBytes(): Promise<Buffer>;
  dispose(): Promise<void>;
}

const INDEX_KEY = Buffer.alloc(32, 0x5e);
const KEY_A = Buffer.alloc(32, 0x0a);
const KEY_B = Buffer.alloc(32, 0x0b);
const keys = (currentKeyId: string, entries: Array<[string, Buffer]>): PayloadKeys => ({
  currentKeyId,
  keys: new Map(entries),
});
const UNDER_A = keys('a', [['a', KEY_A]]);

const CASE = 'CSG-LIM-2026-417305';
const OTHER = 'CSG-LIM-2026-582044';
const PLANTED = {
  name: 'Wilhelmina Oosterbeek-Raadsveld',
  phone: '+31687654329',
  notes: 'Sleutel bij de buren in de Kruisherengang',
};

const record = (
  key: string,
  kind: CaseFileRecord['kind'],
  at: string,
  data: Record<string, unknown> = {},
) => ({
  key,
  kind,
  at,
  data,
});

/** The rows as the backend was asked to store them, to tamper with through the same backend. */
function spying(rows: RowStore): { rows: RowStore; inserted: SealedRow[] } {
  const inserted: SealedRow[] = [];
  return {
    inserted,
    rows: {
      ...rows,
      insert: async (row) => {
        inserted.push(row);
        return rows.insert(row);
      },
    },
  };
}

export function caseFileContract(open: () => Promise<Backend>): void {
  let backend: Backend;
  let file: CaseFile;
  beforeEach(async () => {
    backend = await open();
    file = createCaseFile({ rows: backend.rows, keys: UNDER_A, indexKey: INDEX_KEY });
  });
  afterEach(async () => {
    await backend.dispose();
  });

  test('a case reads back its own records by time, same times in the order written', async () => {
    await file.append(CASE, record('triage', 'triage', '2026-03-01T10:05:00Z', { window: 'binnen_72_uur' }));
    await file.append(CASE, record('intake', 'intake', '2026-03-01T10:00:00Z', { victim: PLANTED }));
    await file.append(
      OTHER,
      record('intake', 'intake', '2026-03-01T09:00:00Z', { victim: { name: 'Ander' } }),
    );
    await file.append(
      CASE,
      record('besluit/u-2', 'besluit', '2026-03-01T10:05:00Z', { type: 'politie_wens' }),
    );
    await file.append(
      CASE,
      record('besluit/u-1', 'besluit', '2026-03-01T10:05:00Z', { type: 'toestemming' }),
    );

    const records = await file.records(CASE);
    expect(records.map((r) => r.key)).toEqual(['intake', 'triage', 'besluit/u-2', 'besluit/u-1']);
    expect(records[0]).toEqual({
      key: 'intake',
      kind: 'intake',
      at: '2026-03-01T10:00:00.000Z',
      data: { victim: PLANTED },
    });
    expect(await file.records(OTHER)).toHaveLength(1);
    expect(await file.records('CSG-LIM-2026-000000')).toEqual([]);
  });

  test('a retried write changes nothing: same key, same case, one record, the first one', async () => {
    const first = record('partnerverzoek/req-1', 'partnerverzoek', '2026-03-01T11:00:00Z', {
      partner: 'politie',
    });
    expect(await file.append(CASE, first)).toBe('appended');
    expect(await file.append(CASE, { ...first, data: { partner: 'ggz' } })).toBe('already_recorded');
    // The same key in another case is another record.
    expect(await file.append(OTHER, first)).toBe('appended');
    expect(await file.records(CASE)).toEqual([
      {
        key: first.key,
        kind: 'partnerverzoek',
        at: '2026-03-01T11:00:00.000Z',
        data: { partner: 'politie' },
      },
    ]);
  });

  test('erasure removes the whole file of one case and nothing of another', async () => {
    const spy = spying(backend.rows);
    file = createCaseFile({ rows: spy.rows, keys: UNDER_A, indexKey: INDEX_KEY });
    await file.append(CASE, record('intake', 'intake', '2026-03-01T10:00:00Z', { victim: PLANTED }));
    await file.append(
      CASE,
      record('afsluiting', 'afsluiting', '2026-05-01T10:00:00Z', { outcome: 'afgerond' }),
    );
    await file.append(OTHER, record('intake', 'intake', '2026-03-02T10:00:00Z'));
    expect(await file.erase(CASE)).toBe(2);
    expect(await file.records(CASE)).toEqual([]);
    expect(await file.erase(CASE)).toBe(0);
    expect((await file.records(OTHER)).map((r) => r.kind)).toEqual(['intake']);
    // Gone from the stored bytes too: not even the case's keyed hash or its ciphertext is left.
    const erased = spy.inserted[0]!;
    const stored = await backend.storedBytes();
    expect(stored.includes(erased.caseIndex)).toBe(false);
    expect(stored.includes(erased.sealed.subarray(12, 40))).toBe(false);
    expect(stored.includes(erased.sealed.subarray(12, 40).toString('hex'))).toBe(false);
    expect(stored.includes(spy.inserted[2]!.caseIndex)).toBe(true);
  });

  test('retention per kind: exactly the records past their own term are listed, then pruned', async () => {
    const short = createCaseFile({
      rows: backend.rows,
      keys: UNDER_A,
      indexKey: INDEX_KEY,
      retention: { ...CASE_FILE_RETENTION, checkin: { years: 1, basis: 'test' } },
    });
    const now = new Date('2047-06-01T00:00:00Z');
    await short.append(CASE, record('intake', 'intake', '2027-05-31T23:59:59Z')); // 20 years and a second
    await short.append(CASE, record('triage', 'triage', '2027-06-01T00:00:01Z')); // a second short of it
    await short.append(CASE, record('checkin/1', 'checkin', '2046-05-31T00:00:00Z')); // past its 1 year
    await short.append(OTHER, record('checkin/1', 'checkin', '2046-06-02T00:00:00Z')); // within it
    await short.append(OTHER, record('checkin/0', 'checkin', '2040-01-01T00:00:00Z')); // past it

    expect(await short.expired(now)).toEqual([
      { kind: 'intake', at: '2027-05-31T23:59:59.000Z' },
      { kind: 'checkin', at: '2040-01-01T00:00:00.000Z' },
      { kind: 'checkin', at: '2046-05-31T00:00:00.000Z' },
    ]);
    expect(await short.prune(now)).toEqual({ intake: 1, checkin: 2 });
    expect((await short.records(CASE)).map((r) => r.key)).toEqual(['triage']);
    expect((await short.records(OTHER)).map((r) => r.key)).toEqual(['checkin/1']);
    expect(await short.expired(now)).toEqual([]);
    expect(await short.prune(now)).toEqual({});
  });

  test('bad input is refused with the field named, and nothing is stored', async () => {
    const attempts: Array<[string, CaseFileRecord]> = [
      [
        'kind',
        { ...record('x', 'intake', '2026-03-01T10:00:00Z'), kind: 'dagboek' as CaseFileRecord['kind'] },
      ],
      ['at', record('x', 'intake', 'gisteren')],
      ['key', record('naam Wilhelmina', 'intake', '2026-03-01T10:00:00Z')],
      [
        'data',
        { ...record('x', 'intake', '2026-03-01T10:00:00Z'), data: [] as unknown as Record<string, unknown> },
      ],
    ];
    for (const [field, bad] of attempts) {
      const error: unknown = await file.append(CASE, bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CaseFileInputError);
      expect((error as Error).message).toContain(field);
    }
    expect(await file.records(CASE)).toEqual([]);
  });

  test('at rest: neither the planted values nor the reference are in the stored bytes', async () => {
    await file.append(CASE, record('intake', 'intake', '2026-03-01T10:00:00Z', { victim: PLANTED }));
    await file.append(
      CASE,
      record('correctie/u-9', 'correctie', '2026-03-02T10:00:00Z', { phone: PLANTED.phone }),
    );
    const bytes = await backend.storedBytes();
    expect(bytes.length).toBeGreaterThan(0);
    expect(
      leaks(needlesOf([...Object.values(PLANTED), CASE, 'Wilhelmina', 'Oosterbeek']), [['stored', bytes]]),
    ).toEqual([]);
    expect((await file.records(CASE))[0]!.data).toEqual({ victim: PLANTED });
  });

  test('a record moved to another case, or relabelled, refuses to open', async () => {
    const spy = spying(backend.rows);
    const watched = createCaseFile({ rows: spy.rows, keys: UNDER_A, indexKey: INDEX_KEY });
    await watched.append(CASE, record('intake', 'intake', '2026-03-01T10:00:00Z', { victim: PLANTED }));
    await watched.append(OTHER, record('intake', 'intake', '2026-03-01T10:00:00Z'));
    const [ofCase, ofOther] = spy.inserted;

    // The ciphertext of CASE under OTHER's index: opened with OTHER's reference as associated data.
    await backend.rows.insert({ ...ofCase!, id: 'moved', caseIndex: ofOther!.caseIndex });
    await expect(watched.records(OTHER)).rejects.toThrow(CaseFileDecryptionError);
    await expect(watched.records(OTHER)).rejects.toThrow(/moved to another case/);
    await backend.rows.deleteCase(ofOther!.caseIndex);

    // Relabelled to a kind with a shorter term, or to an older time: refused too.
    await backend.rows.deleteCase(ofCase!.caseIndex);
    await backend.rows.insert({ ...ofCase!, kind: 'checkin' });
    await expect(watched.records(CASE)).rejects.toThrow(CaseFileDecryptionError);
    await backend.rows.deleteCase(ofCase!.caseIndex);
    await backend.rows.insert({ ...ofCase!, at: '2001-01-01T00:00:00.000Z' });
    await expect(watched.records(CASE)).rejects.toThrow(CaseFileDecryptionError);
  });

  test('key rotation: older records open with their own key, new ones are sealed with the newest, re-sealing retires the old key', async () => {
    const spy = spying(backend.rows);
    const beforeRotation = createCaseFile({ rows: spy.rows, keys: UNDER_A, indexKey: INDEX_KEY });
    await beforeRotation.append(
      CASE,
      record('intake', 'intake', '2026-03-01T10:00:00Z', { victim: PLANTED }),
    );

    const rotated = keys('b', [
      ['a', KEY_A],
      ['b', KEY_B],
    ]);
    const afterRotation = createCaseFile({ rows: spy.rows, keys: rotated, indexKey: INDEX_KEY });
    await afterRotation.append(
      CASE,
      record('triage', 'triage', '2026-03-01T11:00:00Z', { window: 'binnen_72_uur' }),
    );
    expect(spy.inserted.map((r) => r.keyId)).toEqual(['a', 'b']);
    expect((await afterRotation.records(CASE)).map((r) => r.data)).toEqual([
      { victim: PLANTED },
      { window: 'binnen_72_uur' },
    ]);

    // Without key "a" the older record cannot be read, and the error names the key, not the content.
    const onlyB = createCaseFile({ rows: spy.rows, keys: keys('b', [['b', KEY_B]]), indexKey: INDEX_KEY });
    const error: unknown = await onlyB.records(CASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseFileDecryptionError);
    expect((error as Error).message).toContain('"a"');
    expect((error as Error).message).not.toContain('Wilhelmina');

    // Re-sealed under "b", the older record no longer needs key "a"; a second run has nothing to do.
    expect(await afterRotation.reseal()).toBe(1);
    expect(await afterRotation.reseal()).toBe(0);
    expect((await onlyB.records(CASE)).map((r) => r.data)).toEqual([
      { victim: PLANTED },
      { window: 'binnen_72_uur' },
    ]);
  });
}
