/**
 * The semester figures' pure rules: which semester a melding counts in, minors, the "< 5"
 * suppression and percentage rounding; and the report store's idempotent, anonymous writes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  aggregate,
  minorOf,
  publishedRows,
  semesterOf,
  toCsv,
  toMarkdown,
  wholePercent,
  type ReportRecord,
} from '../../domain/semesterReport';
import { runReportCli } from '../../reporting/cli';
import { KEY_KEPT_DAYS, openReportStore } from '../../reporting/reportStore';

const base: ReportRecord = {
  regionId: 'limburg',
  semester: '2026-H2',
  acute: true,
  gender: 'vrouw',
  minor: 'nee',
  earlierSexualAbuse: 'nee',
  medicalCare: false,
  fmo: false,
  aangifte: false,
  casemanagement: true,
};
const many = (n: number, overrides: Partial<ReportRecord> = {}) =>
  Array.from({ length: n }, () => ({ ...base, ...overrides }));
const row = (records: ReportRecord[], code: string) =>
  aggregate(records, 'limburg', '2026-H2').rows.find((r) => r.code === code)!;

describe('semesterOf: the Dutch calendar', () => {
  test.each([
    ['2026-06-30T21:59:59Z', '2026-H1'], // 23:59:59 on 30 June in Amsterdam (summer time)
    ['2026-06-30T22:00:00Z', '2026-H2'], // 00:00 on 1 July in Amsterdam
    ['2026-12-31T22:59:59Z', '2026-H2'],
    ['2026-12-31T23:00:00Z', '2027-H1'], // midnight, new year, winter time
    ['2026-01-01T00:00:00+01:00', '2026-H1'],
  ])('%s → %s', (instant, semester) => {
    expect(semesterOf(new Date(instant))).toBe(semester);
  });
});

describe('minorOf', () => {
  test.each<[Parameters<typeof minorOf>[0], string]>([
    [{ kind: 'years', years: 17 }, 'ja'],
    [{ kind: 'years', years: 18 }, 'nee'],
    [{ kind: 'band', band: '0-15' }, 'ja'],
    [{ kind: 'band', band: '16-17' }, 'ja'],
    [{ kind: 'band', band: '18+' }, 'nee'],
    [{ kind: 'unknown' }, 'onbekend'],
  ])('%j → %s', (age, expected) => expect(minorOf(age)).toBe(expected));
});

describe('cells of fewer than 5 cases are "< 5", their percentages "x"', () => {
  const cellsOf = (records: ReportRecord[], code: string) =>
    publishedRows(aggregate(records, 'limburg', '2026-H2')).find((r) => r.code === code)!;

  test.each([
    [0, '< 5'],
    [1, '< 5'],
    [4, '< 5'],
    [5, '5'],
    [23, '23'],
  ])('%i acute cases with FMO → %s', (n, cell) => {
    const records = [...many(n, { fmo: true }), ...many(30 - n)];
    expect(cellsOf(records, 'acuut_fmo').count).toBe(cell);
  });

  test('a percentage of fewer than 5 cases, or of a base under 5, is "x", never "< 5" (not "under 5 %")', () => {
    expect(cellsOf([...many(4, { fmo: true }), ...many(96)], 'acuut_fmo').percentage).toBe('x');
    // 3 of 4 acute cases: the base itself is a small cell.
    const fewAcute = [...many(3, { fmo: true }), ...many(1), ...many(20, { acute: false })];
    expect(cellsOf(fewAcute, 'acuut_fmo').percentage).toBe('x');
    expect(cellsOf([...many(5, { fmo: true }), ...many(5, { acute: false })], 'acuut_fmo').percentage).toBe(
      '100%',
    );
  });
});

describe('percentages: whole percent, halves up', () => {
  test.each([
    [5, 8, '63%'], // 62.5
    [7, 8, '88%'], // 87.5
    [5, 6, '83%'], // 83.33
    [6, 9, '67%'], // 66.67
    [10, 40, '25%'],
    [5, 11, '45%'], // 45.45: not rounded twice to 46
    [199, 200, '100%'], // 99.5
  ])('%i of %i → %s', (count, of, expected) => expect(wholePercent(count, of)).toBe(expected));
});

describe('aggregate', () => {
  const records = [
    ...many(6, { gender: 'vrouw', minor: 'ja', fmo: true, medicalCare: true }),
    ...many(5, { gender: 'man', earlierSexualAbuse: 'ja', aangifte: true }),
    ...many(2, { gender: 'anders', earlierSexualAbuse: 'onbekend', casemanagement: false }),
    ...many(7, { acute: false, gender: 'man', fmo: true }), // non-acute: only in the totals
    ...many(9, { regionId: 'gelderland-zuid-midden' }), // another region
    ...many(9, { semester: '2026-H1' }), // another semester
  ];

  test('counts one region and semester; acute-only figures leave non-acute cases out', () => {
    expect(row(records, 'meldingen').count).toBe(20);
    expect(row(records, 'acuut').count).toBe(13);
    expect(row(records, 'niet_acuut').count).toBe(7);
    expect(row(records, 'acuut_geslacht_vrouw')).toMatchObject({ count: 6, base: 13 });
    expect(row(records, 'acuut_geslacht_man').count).toBe(5);
    expect(row(records, 'acuut_geslacht_anders').count).toBe(2);
    expect(row(records, 'acuut_minderjarig').count).toBe(6);
    expect(row(records, 'acuut_eerder_seksueel_misbruik').count).toBe(5);
    expect(row(records, 'acuut_fmo').count).toBe(6);
    expect(row(records, 'acuut_medische_zorg').count).toBe(6);
    expect(row(records, 'acuut_aangifte').count).toBe(5);
    expect(row(records, 'acuut_casemanagement').count).toBe(11);
  });

  test('Markdown and CSV show counts and percentages, with small cells as "< 5"', () => {
    const figures = aggregate(records, 'limburg', '2026-H2');
    const csv = toCsv(figures).trim().split('\n');
    expect(csv[0]).toBe('regio,semester,cijfer,aantal,percentage');
    expect(csv).toContain('limburg,2026-H2,meldingen,20,');
    expect(csv).toContain('limburg,2026-H2,acuut,13,65%');
    expect(csv).toContain('limburg,2026-H2,acuut_geslacht_vrouw,6,46%'); // 46.15
    expect(csv).toContain('limburg,2026-H2,acuut_geslacht_anders,< 5,x');
    expect(csv).toContain('limburg,2026-H2,acuut_casemanagement,11,85%'); // 84.6
    const md = toMarkdown(figures);
    expect(md).toContain('| Acuut: geslacht anders | < 5 | x |');
    expect(md).toContain('| Meldingen | 20 | - |');
  });
});

describe('the report store', () => {
  test('a retried write with the same key counts the case once; another key is another case', () => {
    const store = openReportStore(':memory:');
    expect(store.write('key-1', base)).toBe(true);
    expect(store.write('key-1', base)).toBe(false);
    expect(store.write('key-2', base)).toBe(true);
    expect(store.records('limburg', '2026-H2')).toHaveLength(2);
    store.close();
  });

  test('a running case counts from intake; its final record replaces the open one; a late retry changes nothing', () => {
    const store = openReportStore(':memory:');
    expect(store.writeOpen('open-1', { ...base, casemanagement: false })).toBe(true);
    expect(store.writeOpen('open-1', { ...base, casemanagement: false })).toBe(false);
    expect(store.records('limburg', '2026-H2')).toEqual([{ ...base, casemanagement: false }]);
    expect(store.write('final-1', { ...base, fmo: true }, 'open-1')).toBe(true);
    expect(store.records('limburg', '2026-H2')).toEqual([{ ...base, fmo: true }]);
    // The intake's write retried after the case ended must not count it twice.
    expect(store.writeOpen('open-1', base)).toBe(false);
    expect(store.records('limburg', '2026-H2')).toHaveLength(1);
    store.close();
  });

  test('write keys are forgotten after the retry window; records keep no key, id or date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-store-'));
    const path = join(dir, 'report.db');
    let now = new Date('2026-09-01T12:00:00Z');
    const store = openReportStore(path, { now: () => now });
    store.write('key-old', base);
    now = new Date(now.getTime() + (KEY_KEPT_DAYS + 2) * 24 * 3600_000);
    store.write('key-new', { ...base, acute: false });
    store.close();

    const db = new Database(path, { readonly: true });
    const keys = db.prepare('SELECT key FROM write_key').all() as Array<{ key: string }>;
    expect(keys.map((k) => k.key)).toEqual(['key-new']);
    const columns = (db.prepare('PRAGMA table_info(report_record)').all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
    expect(columns).toEqual([
      'row_key',
      'region_id',
      'semester',
      'acute',
      'gender',
      'minor',
      'earlier_sexual_abuse',
      'medical_care',
      'fmo',
      'aangifte',
      'casemanagement',
    ]);
    // The row key is random, not the write key: nothing joins a record to its key.
    const rowKeys = db.prepare('SELECT row_key FROM report_record').all() as Array<{ row_key: string }>;
    expect(rowKeys.map((r) => r.row_key)).not.toContain('key-new');
    db.close();
  });
});

describe('npm run report: usage errors', () => {
  const run = (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runReportCli(argv, {
      env,
      regionIds: ['gelderland-zuid-midden', 'limburg'],
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      // Within 2026-H2, so its figures are provisional whenever this test runs.
      now: () => new Date('2026-11-30T12:00:00Z'),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  test('an unknown region names the configured ones', () => {
    const r = run(['--region', 'utrecht', '--semester', '2026-H2']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '--region: unknown region "utrecht"; expected one of gelderland-zuid-midden, limburg',
    );
  });

  test.each(['2026-H3', '2026-2', 'H2-2026', '26-H1'])('semester "%s" is refused with an example', (s) => {
    const r = run(['--region', 'limburg', '--semester', s]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--semester: "${s}" is not a semester`);
    expect(r.err).toContain('2026-H2');
  });

  test('missing arguments and unknown options', () => {
    expect(run([]).err).toMatch(/--region: expected a region id\n--semester: expected a semester/);
    expect(run(['--regio', 'limburg']).code).toBe(2);
  });

  test('a missing store is a clear error, not an empty report', () => {
    const r = run(['--region', 'limburg', '--semester', '2026-H2'], {
      REPORT_DB_PATH: join(tmpdir(), 'no-such-dir-csg', 'none.db'),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('no report store readable at REPORT_DB_PATH');
  });

  test('writes Markdown and CSV into --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const store = openReportStore(join(dir, 'r.db'));
    [...many(6), ...many(5, { acute: false })].forEach((r, i) => store.write(`k${i}`, r));
    store.close();
    const r = run(['--region', 'limburg', '--semester', '2026-H2', '--out', join(dir, 'out')], {
      REPORT_DB_PATH: join(dir, 'r.db'),
    });
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'out', 'semestercijfers-limburg-2026-H2.csv'), 'utf8');
    expect(csv).toContain('limburg,2026-H2,acuut,6,55%');
    const md = readFileSync(join(dir, 'out', 'semestercijfers-limburg-2026-H2.md'), 'utf8');
    expect(md).toContain('| Acuut | 6 | 55% |');
    expect(md).toContain('Voorlopige cijfers');
  });
});
