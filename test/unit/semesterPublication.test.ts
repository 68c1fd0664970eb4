/**
 * The semester figures as published: no small cell can be worked out from the others (checked
 * by an independent search over every table of counts a reader could fit to what was
 * published), and published figures stay as they were; what changes later goes in the next
 * semester's report.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregate, publishedRows, type PublishedRow, type ReportRecord } from '../../domain/semesterReport';
import { openPublications } from '../../reporting/publications';
import { runSemesterReport } from '../../reporting/semesterRun';

const base: ReportRecord = {
  regionId: 'limburg',
  semester: '2026-H1',
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
const GENDER_CODES = ['vrouw', 'man', 'anders', 'onbekend'].map((g) => `acuut_geslacht_${g}`);

/**
 * Every value each hidden cell of the two sums can take, given what was published: a "< 5" cell
 * is 0-4, an "x" cell 5 or more, a number is that number; meldingen = acuut + niet acuut and
 * acuut = the four genders. Written as a plain search, apart from the suppression's own rules.
 */
function possibleValues(rows: PublishedRow[]): Map<string, Set<number>> {
  const cell = new Map(rows.map((r) => [r.code, r.count]));
  const fits = (code: string, n: number) => {
    const shown = cell.get(code)!;
    if (shown === '< 5') return n <= 4;
    if (shown === 'x') return n >= 5;
    return n === Number(shown);
  };
  const seen = new Map<string, Set<number>>();
  const note = (code: string, n: number) => seen.set(code, (seen.get(code) ?? new Set()).add(n));
  const most = 60;
  for (let total = 0; total <= most; total++) {
    if (!fits('meldingen', total)) continue;
    for (let acute = 0; acute <= total; acute++) {
      if (!fits('acuut', acute) || !fits('niet_acuut', total - acute)) continue;
      for (let a = 0; a <= acute; a++)
        for (let b = 0; a + b <= acute; b++)
          for (let c = 0; a + b + c <= acute; c++) {
            const genders = [a, b, c, acute - a - b - c];
            if (!genders.every((n, i) => fits(GENDER_CODES[i]!, n))) continue;
            note('meldingen', total);
            note('acuut', acute);
            note('niet_acuut', total - acute);
            genders.forEach((n, i) => note(GENDER_CODES[i]!, n));
          }
    }
  }
  return seen;
}

/** A small random region, counts per cell drawn from 0-9: plenty of small cells, often at 4. */
function randomRecords(seed: number): ReportRecord[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state >>> 8) % n;
  };
  const genders = ['vrouw', 'man', 'anders', 'onbekend'] as const;
  return [...genders.flatMap((gender) => many(next(10), { gender })), ...many(next(10), { acute: false })];
}

describe('no small cell can be worked out from the published ones', () => {
  test('the reported case: "Meldingen 12 / Acuut < 5 / Niet acuut 9" no longer gives 3', () => {
    const rows = publishedRows(aggregate([...many(3), ...many(9, { acute: false })], 'limburg', '2026-H1'));
    const shown = Object.fromEntries(rows.map((r) => [r.code, r.count]));
    expect(shown).toMatchObject({ meldingen: '12', acuut: '< 5', niet_acuut: 'x' });
    expect(possibleValues(rows).get('acuut')!.size).toBeGreaterThan(1);
  });

  test('two hidden cells of 4 beside a published total are not enough: 8 left over gives both', () => {
    const records = [
      ...many(10),
      ...many(4, { gender: 'man' }),
      ...many(4, { gender: 'anders' }),
      ...many(6, { gender: 'onbekend' }),
      ...many(7, { acute: false }),
    ];
    const rows = publishedRows(aggregate(records, 'limburg', '2026-H1'));
    const shown = Object.fromEntries(rows.map((r) => [r.code, r.count]));
    expect(shown).toMatchObject({ acuut: '24', acuut_geslacht_onbekend: 'x' });
    expect(possibleValues(rows).get('acuut_geslacht_man')!.size).toBeGreaterThan(1);
  });

  test('a percentage of a hidden base is hidden too', () => {
    // Acuut is hidden to protect niet acuut (3); 46% of it would give the base back.
    const records = [...many(7), ...many(6, { gender: 'man' }), ...many(3, { acute: false })];
    const rows = publishedRows(aggregate(records, 'limburg', '2026-H1'));
    const acute = rows.find((r) => r.code === 'acuut')!;
    expect(acute.count).toBe('x');
    for (const row of rows.filter((r) => r.code.startsWith('acuut_'))) expect(row.percentage).toBe('x');
  });

  test.each(Array.from({ length: 150 }, (_, i) => i + 1))('random region %i', (seed) => {
    const figures = aggregate(randomRecords(seed), 'limburg', '2026-H1');
    const rows = publishedRows(figures);
    const truth = new Map(figures.rows.map((r) => [r.code, r.count]));
    for (const row of rows) {
      const count = truth.get(row.code)!;
      // Published numbers are the true ones; every small count is hidden.
      if (row.count !== '< 5' && row.count !== 'x') expect(Number(row.count)).toBe(count);
      if (count < 5) expect(row.count).toBe('< 5');
    }
    // No small cell with people behind it has only one value a reader could fit.
    for (const [code, values] of possibleValues(rows)) {
      const count = truth.get(code)!;
      expect(values.has(count)).toBe(true);
      if (count >= 1 && count <= 4) expect({ code, values: values.size > 1 }).toEqual({ code, values: true });
    }
  });
});

describe('published figures are frozen; changes go in the next report', () => {
  function setUp() {
    const dir = mkdtempSync(join(tmpdir(), 'semester-publication-'));
    const records: ReportRecord[] = [
      ...many(20),
      ...many(8, { gender: 'man' }),
      ...many(10, { acute: false }),
    ];
    const publications = openPublications(join(dir, 'report.db'));
    const report = (semester: '2026-H1' | '2026-H2', now: string) =>
      runSemesterReport(
        {
          records: (region, s) => records.filter((r) => r.regionId === region && r.semester === s),
          publications,
          now: new Date(now),
        },
        'limburg',
        semester,
      );
    return { records, publications, report };
  }

  test('provisional while the semester runs; fixed at the first run after it; the same ever after', () => {
    const { records, report } = setUp();
    const during = report('2026-H1', '2026-05-01T10:00:00Z');
    expect(during.fixed).toBe(false);
    expect(during.markdown).toContain('Voorlopige cijfers');
    records.push(...many(6)); // still in the semester: the provisional figures follow
    const fixed = report('2026-H1', '2026-07-02T10:00:00Z');
    expect(fixed.fixed).toBe(true);
    expect(fixed.csv).toContain('limburg,2026-H1,meldingen,44,');
    expect(fixed.markdown).toContain('Vastgesteld op 02-07-2026, 12:00');

    records.push(...many(7, { gender: 'man' })); // a late case ends after publication
    const again = report('2026-H1', '2026-09-15T10:00:00Z');
    expect(again).toEqual(fixed);
  });

  test("the next semester's report carries the revision, hides small moves, and is frozen with it", () => {
    const { records, report } = setUp();
    report('2026-H1', '2026-07-02T10:00:00Z');
    records.push(...many(7, { gender: 'man' }), ...many(2, { acute: false })); // late, in 2026-H1
    records.push(...many(12, { semester: '2026-H2' }), ...many(5, { semester: '2026-H2', acute: false }));

    const provisional = report('2026-H2', '2026-11-30T10:00:00Z');
    expect(provisional.markdown).toContain('## Herziening 2026-H1');

    const h2 = report('2026-H2', '2027-01-04T10:00:00Z');
    expect(h2.fixed).toBe(true);
    expect(h2.markdown).toContain('## Herziening 2026-H1');
    expect(h2.csv).toContain('limburg,2026-H1,meldingen,47,');
    expect(h2.csv).toContain('limburg,2026-H1,acuut_geslacht_man,15,');
    // Niet acuut moved by 2: next to the first report, that is a cell of 2 cases; and acuut with
    // it, or 47 minus acuut would give it back.
    expect(h2.csv).toContain('limburg,2026-H1,niet_acuut,x,x');
    expect(h2.csv).toContain('limburg,2026-H1,acuut,x,x');
    expect(h2.csv).toContain('limburg,2026-H2,meldingen,17,');

    records.push(...many(5, { gender: 'anders' })); // later still: no change to what was published
    expect(report('2026-H2', '2027-03-01T10:00:00Z')).toEqual(h2);
    expect(report('2026-H1', '2027-03-01T10:00:00Z').csv).toContain('limburg,2026-H1,meldingen,38,');
  });
});
