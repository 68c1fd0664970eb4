/**
 * The semester figures the national coordinator asks of each region (domain brief 7.1): the number
 * of meldingen, acute versus non-acute, and for acute cases only: gender, % minors, % earlier
 * sexual abuse, % acute medical care received, % FMO, % aangifte made, % casemanagement received.
 *
 * One anonymous record per ended case feeds them: codes only, no reference, no ids, no dates
 * finer than the semester. Pure code (no imports with side effects): the workflow builds the
 * record with it, the report CLI aggregates and formats with it.
 */
import type { Gender, VictimAge, YesNoUnknown } from './types';
import { GENDERS } from './vocabulary';

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

/** Cells counting fewer cases than this are shown as "< 5", so that no person can be singled out. */
export const SMALL_CELL_THRESHOLD = 5;
export const SUPPRESSED = '< 5';

export interface FigureRow {
  /** Stable code, e.g. `acuut_minderjarig` (CSV). */
  code: string;
  /** Dutch label for the coordinator (Markdown). */
  label: string;
  count: number;
  /** Denominator of the percentage; absent for the total. */
  base?: number;
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
    { code: 'acuut', label: 'Acuut', count: a, base: total },
    { code: 'niet_acuut', label: 'Niet acuut', count: total - a, base: total },
    ...GENDERS.map((g) => ({
      code: `acuut_geslacht_${g}`,
      label: `Acuut: geslacht ${g}`,
      count: count((r) => r.gender === g),
      base: a,
    })),
    {
      code: 'acuut_minderjarig',
      label: 'Acuut: minderjarig',
      count: count((r) => r.minor === 'ja'),
      base: a,
    },
    {
      code: 'acuut_leeftijd_onbekend',
      label: 'Acuut: leeftijd onbekend',
      count: count((r) => r.minor === 'onbekend'),
      base: a,
    },
    {
      code: 'acuut_eerder_seksueel_misbruik',
      label: 'Acuut: eerder seksueel misbruik',
      count: count((r) => r.earlierSexualAbuse === 'ja'),
      base: a,
    },
    {
      code: 'acuut_eerder_misbruik_onbekend',
      label: 'Acuut: eerder seksueel misbruik onbekend',
      count: count((r) => r.earlierSexualAbuse === 'onbekend'),
      base: a,
    },
    {
      code: 'acuut_medische_zorg',
      label: 'Acuut: acute medische zorg ontvangen',
      count: count((r) => r.medicalCare),
      base: a,
    },
    { code: 'acuut_fmo', label: 'Acuut: FMO ondergaan', count: count((r) => r.fmo), base: a },
    {
      code: 'acuut_aangifte',
      label: 'Acuut: zegt aangifte te hebben gedaan',
      count: count((r) => r.aangifte),
      base: a,
    },
    {
      code: 'acuut_casemanagement',
      label: 'Acuut: casemanagement ontvangen',
      count: count((r) => r.casemanagement),
      base: a,
    },
  ];
  return { regionId, semester, rows };
}

/** A count as published: fewer than 5 cases (none included) is "< 5". */
export function countCell(count: number): string {
  return count < SMALL_CELL_THRESHOLD ? SUPPRESSED : String(count);
}

/**
 * A percentage as published: whole percent, halves rounded up (62.5 → 63). Suppressed ("< 5")
 * when the cell counts fewer than 5 cases, and when its base does: 2 of 3 would single people out
 * as surely as the count. Empty without a base (the total row).
 */
export function percentCell(count: number, base: number | undefined): string {
  if (base === undefined) return '';
  if (count < SMALL_CELL_THRESHOLD || base < SMALL_CELL_THRESHOLD) return SUPPRESSED;
  // Integer arithmetic, so that 62.5 is exactly a half and rounds up.
  const tenths = Math.floor((count * 1000) / base);
  return `${Math.floor(tenths / 10) + (tenths % 10 >= 5 ? 1 : 0)}%`;
}

export function toMarkdown(figures: SemesterFigures): string {
  const lines = [
    `# Semestercijfers ${figures.regionId}, ${figures.semester}`,
    '',
    `Aantallen onder de ${SMALL_CELL_THRESHOLD} staan als "${SUPPRESSED}". Percentages van "Acuut: ..." zijn van het aantal acute meldingen.`,
    '',
    '| Cijfer | Aantal | Percentage |',
    '| ------ | -----: | ---------: |',
    ...figures.rows.map(
      (r) => `| ${r.label} | ${countCell(r.count)} | ${percentCell(r.count, r.base) || '-'} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export function toCsv(figures: SemesterFigures): string {
  const lines = [
    'regio,semester,cijfer,aantal,percentage',
    ...figures.rows.map((r) =>
      [figures.regionId, figures.semester, r.code, countCell(r.count), percentCell(r.count, r.base)].join(
        ',',
      ),
    ),
    '',
  ];
  return lines.join('\n');
}
