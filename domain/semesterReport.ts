/**
 * The semester figures the national coordinator asks of each region (domain brief 7.1): the number
 * of meldingen, acute versus non-acute, and for acute cases only: gender, % minors, % earlier
 * sexual abuse, % acute medical care received, % FMO, % aangifte made, % casemanagement received.
 *
 * One anonymous record per ended case feeds them: codes only, no reference, no ids, no dates
 * finer than the semester. Pure code (no imports with side effects): the workflow builds the
 * record with it, the report CLI aggregates and formats with it.
 */
import { percentageHidden, SMALL_CELL_THRESHOLD, suppressedCounts } from './semesterSuppression';
import type { Gender, VictimAge, YesNoUnknown } from './types';
import { GENDERS } from './vocabulary';

export { SMALL_CELL_THRESHOLD } from './semesterSuppression';

/** `2026-H1` (January to June) or `2026-H2` (July to December), in Dutch time. */
export type Semester = `${number}-H${1 | 2}`;

export const SEMESTER_PATTERN = /^(\d{4})-H([12])$/;

export interface ReportRecord {
  regionId: string;
  semester: Semester;
  acute: boolean;
  gender: Gender;
  minor: YesNoUnknown;
  earlierSexualAbuse: YesNoUnknown;
  /** A medical-care request was acknowledged by the medical partner and not called off. */
  medicalCare: boolean;
  /** An FMO was acknowledged by the forensic doctor (or the NFI) and not called off. */
  fmo: boolean;
  /** Staff recorded that the victim says they made an aangifte. */
  aangifte: boolean;
  /** The casemanager handover was acknowledged. */
  casemanagement: boolean;
}

/** The semester an instant falls in, on the Dutch calendar (a melding at 00:30 on 1 July counts in H2). */
export function semesterOf(instant: Date): Semester {
  // Dutch local date without a time-zone library: Intl gives the wall-clock year and month.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(instant);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return `${year}-H${month <= 6 ? 1 : 2}` as Semester;
}

/** Under 18, from the age as the intake recorded it; an unknown age stays unknown. */
export function minorOf(age: VictimAge): YesNoUnknown {
  if (age.kind === 'years') return age.years < 18 ? 'ja' : 'nee';
  if (age.kind === 'band') return age.band === '18+' ? 'nee' : 'ja';
  return 'onbekend';
}

/** A count of fewer than 5 cases as published, so that no person can be singled out. */
export const SUPPRESSED = '< 5';
/**
 * Any other hidden cell: a count derivable from the published ones, and every hidden percentage
 * (written "< 5" it would read as "under 5 %").
 */
export const HIDDEN = 'x';

export interface FigureRow {
  /** Stable code, e.g. `acuut_minderjarig` (CSV). */
  code: string;
  /** Dutch label for the coordinator (Markdown). */
  label: string;
  count: number;
  /** Denominator of the percentage; absent for the total. */
  base?: number;
  /** The row whose count is the base. */
  baseCode?: string;
}

export interface SemesterFigures {
  regionId: string;
  semester: Semester;
  rows: FigureRow[];
}

/** Counts the records of one region and semester (others are ignored) into the coordinator's rows. */
export function aggregate(records: ReportRecord[], regionId: string, semester: Semester): SemesterFigures {
  const mine = records.filter((r) => r.regionId === regionId && r.semester === semester);
  const acute = mine.filter((r) => r.acute);
  const total = mine.length;
  const a = acute.length;
  const count = (predicate: (r: ReportRecord) => boolean) => acute.filter(predicate).length;
  const rows: FigureRow[] = [
    { code: 'meldingen', label: 'Meldingen', count: total },
    { code: 'acuut', label: 'Acuut', count: a, base: total, baseCode: 'meldingen' },
    { code: 'niet_acuut', label: 'Niet acuut', count: total - a, base: total, baseCode: 'meldingen' },
    ...GENDERS.map((g) => ({
      code: `acuut_geslacht_${g}`,
      label: `Acuut: geslacht ${g}`,
      count: count((r) => r.gender === g),
      base: a,
      baseCode: 'acuut',
    })),
    {
      code: 'acuut_minderjarig',
      label: 'Acuut: minderjarig',
      count: count((r) => r.minor === 'ja'),
      base: a,
      baseCode: 'acuut',
    },
    {
      code: 'acuut_leeftijd_onbekend',
      label: 'Acuut: leeftijd onbekend',
      count: count((r) => r.minor === 'onbekend'),
      base: a,
      baseCode: 'acuut',
    },
    {
      code: 'acuut_eerder_seksueel_misbruik',
      label: 'Acuut: eerder seksueel misbruik',
      count: count((r) => r.earlierSexualAbuse === 'ja'),
      base: a,
      baseCode: 'acuut',
    },
    {
      code: 'acuut_eerder_misbruik_onbekend',
      label: 'Acuut: eerder seksueel misbruik onbekend',
      count: count((r) => r.earlierSexualAbuse === 'onbekend'),
      base: a,
      baseCode: 'acuut',
    },
    {
      code: 'acuut_medische_zorg',
      label: 'Acuut: acute medische zorg ontvangen',
      count: count((r) => r.medicalCare),
      base: a,
      baseCode: 'acuut',
    },
    {
      code: 'acuut_fmo',
      label: 'Acuut: FMO ondergaan',
      count: count((r) => r.fmo),
      base: a,
      baseCode: 'acuut',
    },
    {
      code: 'acuut_aangifte',
      label: 'Acuut: zegt aangifte te hebben gedaan',
      count: count((r) => r.aangifte),
      base: a,
      baseCode: 'acuut',
    },
    {
      code: 'acuut_casemanagement',
      label: 'Acuut: casemanagement ontvangen',
      count: count((r) => r.casemanagement),
      base: a,
      baseCode: 'acuut',
    },
  ];
  return { regionId, semester, rows };
}

/** One row as published: its cells after suppression (semesterSuppression.ts). */
export interface PublishedRow {
  code: string;
  label: string;
  count: string;
  /** Empty for the total row. */
  percentage: string;
}

/**
 * The rows as published. `changedSincePublication`: rows of a revised semester whose count moved
 * by 1 to 4 since its figures were published (the move itself would be a small cell).
 */
export function publishedRows(
  figures: SemesterFigures,
  changedSincePublication: ReadonlySet<string> = new Set(),
): PublishedRow[] {
  const hidden = suppressedCounts(figures.rows, changedSincePublication);
  return figures.rows.map((r) => ({
    code: r.code,
    label: r.label,
    count: hidden.get(r.code) === 'klein' ? SUPPRESSED : hidden.has(r.code) ? HIDDEN : String(r.count),
    percentage:
      r.base === undefined ? '' : percentageHidden(r, hidden) ? HIDDEN : wholePercent(r.count, r.base),
  }));
}

/** A percentage as published: whole percent, halves rounded up (62.5 → 63). */
export function wholePercent(count: number, base: number): string {
  // Integer arithmetic, so that 62.5 is exactly a half and rounds up.
  const tenths = Math.floor((count * 1000) / base);
  return `${Math.floor(tenths / 10) + (tenths % 10 >= 5 ? 1 : 0)}%`;
}

/** The legend every published table carries, so "< 5" and "x" are read as meant. */
export const LEGEND = `"${SUPPRESSED}": minder dan ${SMALL_CELL_THRESHOLD} meldingen. "${HIDDEN}": niet gepubliceerd, omdat het getal anders uit de andere cijfers af te leiden is (of, bij een percentage, het aantal zelf of het aantal waarvan het een percentage is niet gepubliceerd wordt). Percentages van "Acuut: ..." zijn van het aantal acute meldingen.`;

export function markdownTable(rows: readonly PublishedRow[]): string[] {
  return [
    '| Cijfer | Aantal | Percentage |',
    '| ------ | -----: | ---------: |',
    ...rows.map((r) => `| ${r.label} | ${r.count} | ${r.percentage || '-'} |`),
  ];
}

export function toMarkdown(figures: SemesterFigures, status?: string): string {
  const lines = [
    `# Semestercijfers ${figures.regionId}, ${figures.semester}`,
    '',
    ...(status ? [status, ''] : []),
    LEGEND,
    '',
    ...markdownTable(publishedRows(figures)),
    '',
  ];
  return lines.join('\n');
}

export const CSV_HEADER = 'regio,semester,cijfer,aantal,percentage';

export function csvLines(figures: SemesterFigures, rows: readonly PublishedRow[]): string[] {
  return rows.map((r) => [figures.regionId, figures.semester, r.code, r.count, r.percentage].join(','));
}

export function toCsv(figures: SemesterFigures): string {
  return [CSV_HEADER, ...csvLines(figures, publishedRows(figures)), ''].join('\n');
}
