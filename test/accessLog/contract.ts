/**
 * The access log's contract, run against each backend (sqlite.test.ts in `npm test`,
 * postgres.test.ts in `npm run test:cluster`): a case's entries and nothing of another case, the
 * chain verified and broken by an entry changed, removed or reordered (with `verify` naming
 * where), appends of two writers at once kept in one chain, pruning of exactly what is past
 * retention with the chain still verifying, clear errors on bad input, and no reference at rest.
 */
import {
  AccessLogInputError,
  accessLogCutoff,
  createAccessLog,
  type AccessEntry,
  type AccessLog,
} from '../../accessLog';
import type { ChainStore } from '../../accessLog/rows';

export interface Backend {
  rows: ChainStore;
  /** Another writer on the same database (another process, in production). */
  another(): Promise<ChainStore>;
  /** Runs SQL on the database directly, as someone with a copy of it could. */
  tamper(sql: string): Promise<void>;
  /** Every byte the backend holds of the log. */
  storedBytes(): Promise<Buffer>;
  dispose(): Promise<void>;
}

const INDEX_KEY = Buffer.alloc(32, 0x5e);
const CASE = 'CSG-LIM-2026-417305';
const OTHER = 'CSG-LIM-2026-582044';

const entry = (
  at: string,
  by: string,
  reason: AccessEntry['reason'],
  reference?: string,
  detail?: string,
) => ({
  at,
  by,
  reason,
  ...(reference ? { reference } : {}),
  ...(detail ? { detail } : {}),
});

export function accessLogContract(open: () => Promise<Backend>): void {
  let backend: Backend;
  let log: AccessLog;
  beforeEach(async () => {
    backend = await open();
    log = createAccessLog({ rows: backend.rows, indexKey: INDEX_KEY });
  });
  afterEach(async () => {
    await backend.dispose();
  });

  /** Five entries: seq 1-5. */
  async function fiveEntries() {
    await log.record(entry('2026-03-01T10:00:00Z', 'helpline-017', 'casuspagina', CASE));
    await log.record(entry('2026-03-01T10:01:00Z', 'ops', 'decode', undefined, 'payloads=3'));
    await log.record(entry('2026-03-01T10:02:00Z', 'cm-017', 'api', OTHER));
    await log.record(entry('2026-03-01T10:03:00Z', 'partner:req-1', 'partnerlink', CASE, 'req-1'));
    await log.record(entry('2026-03-01T10:04:00Z', 'privacy-017', 'inzage_export', CASE));
  }

  test("a case's entries read back in order, and nothing of another case", async () => {
    await fiveEntries();
    expect(await log.ofCase(CASE)).toEqual([
      { at: '2026-03-01T10:00:00.000Z', by: 'helpline-017', reference: CASE, reason: 'casuspagina' },
      {
        at: '2026-03-01T10:03:00.000Z',
        by: 'partner:req-1',
        reference: CASE,
        reason: 'partnerlink',
        detail: 'req-1',
      },
      { at: '2026-03-01T10:04:00.000Z', by: 'privacy-017', reference: CASE, reason: 'inzage_export' },
    ]);
    expect((await log.ofCase(OTHER)).map((e) => e.by)).toEqual(['cm-017']);
    expect(await log.ofCase('CSG-LIM-2026-000000')).toEqual([]);
    expect(await log.verify()).toEqual({ ok: true, entries: 5 });
  });

  test('an entry changed breaks the chain there, and verify names it', async () => {
    await fiveEntries();
    await backend.tamper("UPDATE toegangslog SET by = 'iemand-anders' WHERE seq = 3");
    expect(await log.verify()).toEqual({ ok: false, brokenAt: 3, entries: 2 });
  });

  test('an entry moved to another case breaks the chain there', async () => {
    await fiveEntries();
    await backend.tamper(
      'UPDATE toegangslog SET case_index = (SELECT case_index FROM toegangslog WHERE seq = 3) WHERE seq = 4',
    );
    expect(await log.verify()).toEqual({ ok: false, brokenAt: 4, entries: 3 });
  });

  test('an entry removed breaks the chain at its place', async () => {
    await fiveEntries();
    await backend.tamper('DELETE FROM toegangslog WHERE seq = 2');
    expect(await log.verify()).toEqual({ ok: false, brokenAt: 2, entries: 1 });
  });

  test('two entries swapped break the chain at the first of them', async () => {
    await fiveEntries();
    await backend.tamper('UPDATE toegangslog SET seq = -4 WHERE seq = 4');
    await backend.tamper('UPDATE toegangslog SET seq = 4 WHERE seq = 5');
    await backend.tamper('UPDATE toegangslog SET seq = 5 WHERE seq = -4');
    expect(await log.verify()).toEqual({ ok: false, brokenAt: 4, entries: 3 });
  });

  test('a chain rewritten from a place on without the key does not verify', async () => {
    await fiveEntries();
    // Whoever knows the scheme but not the key recomputes with another: the first link fails.
    const forger = createAccessLog({ rows: await backend.another(), indexKey: Buffer.alloc(32, 1) });
    await backend.tamper('DELETE FROM toegangslog WHERE seq >= 3');
    await forger.record(entry('2026-03-01T10:02:00Z', 'cm-017', 'api', OTHER));
    expect(await log.verify()).toEqual({ ok: false, brokenAt: 3, entries: 2 });
  });

  test('two writers at once keep one chain', async () => {
    const second = createAccessLog({ rows: await backend.another(), indexKey: INDEX_KEY });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? log : second).record(
          entry(new Date(Date.UTC(2026, 2, 1, 10, 0, i)).toISOString(), `cm-${i}`, 'api', CASE),
        ),
      ),
    );
    expect(await log.verify()).toEqual({ ok: true, entries: 40 });
    expect(await second.ofCase(CASE)).toHaveLength(40);
    await second.close();
  });

  test('pruning removes exactly the entries past retention, and the chain still verifies', async () => {
    await fiveEntries();
    // The cutoff falls between the second and the third entry.
    expect(await log.pruneOlderThan(new Date('2026-03-01T10:02:00Z'))).toBe(2);
    expect((await log.ofCase(CASE)).map((e) => e.reason)).toEqual(['partnerlink', 'inzage_export']);
    expect(await log.ofCase(OTHER)).toHaveLength(1);
    expect(await log.verify()).toEqual({ ok: true, entries: 3 });
    // New entries link to the rest; pruning again with nothing past retention removes nothing.
    await log.record(entry('2026-03-02T09:00:00Z', 'cm-017', 'casuspagina', CASE));
    expect(await log.pruneOlderThan(new Date('2026-03-01T10:02:00Z'))).toBe(0);
    expect(await log.verify()).toEqual({ ok: true, entries: 4 });
    // Everything past it: the anchor alone carries the chain on.
    expect(await log.pruneOlderThan(new Date('2031-03-03T00:00:00Z'))).toBe(4);
    expect(await log.verify()).toEqual({ ok: true, entries: 0 });
    await log.record(entry('2031-03-03T09:00:00Z', 'cm-017', 'casuspagina', CASE));
    expect(await log.verify()).toEqual({ ok: true, entries: 1 });
    // A removal passed off as a prune needs an anchor made with the key.
    await backend.tamper("UPDATE toegangslog_anker SET hash = 'ander'");
    expect((await log.verify()).ok).toBe(false);
  });

  test('the retention cutoff is five years back from now', () => {
    expect(accessLogCutoff(new Date('2031-06-01T00:00:00Z')).toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  test('bad input is refused with the field named, and nothing is stored', async () => {
    const attempts: Array<[string, AccessEntry]> = [
      ['at', entry('gisteren', 'cm-017', 'api', CASE)],
      ['by', entry('2026-03-01T10:00:00Z', 'Wilhelmina Oosterbeek', 'api', CASE)],
      ['reason', entry('2026-03-01T10:00:00Z', 'cm-017', 'nieuwsgierig' as AccessEntry['reason'], CASE)],
      ['reference', entry('2026-03-01T10:00:00Z', 'cm-017', 'api', 'CSG LIM 2026')],
      ['detail', entry('2026-03-01T10:00:00Z', 'cm-017', 'api', CASE, 'regel\nregel')],
    ];
    for (const [field, bad] of attempts) {
      const error: unknown = await log.record(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccessLogInputError);
      expect((error as Error).message).toContain(field);
    }
    expect(await log.verify()).toEqual({ ok: true, entries: 0 });
  });

  test('at rest the reference is not in the stored bytes', async () => {
    await fiveEntries();
    const bytes = await backend.storedBytes();
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(CASE)).toBe(false);
    expect(bytes.includes(OTHER)).toBe(false);
    expect(bytes.includes('417305')).toBe(false);
  });
}
