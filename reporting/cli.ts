/**
 * The semester figures for the national coordinator, from the report store:
 *
 *   npm run report -- --region <region-id> --semester <YYYY-H1|YYYY-H2> [--out <dir>]
 *
 * Writes `semestercijfers-<region>-<semester>.md` and `.csv` into `--out` (default
 * `.data/reports`) and prints the Markdown. Counts and percentages only; cells of fewer than 5
 * cases show "< 5", cells that could be worked out from others "x" (domain/semesterSuppression.ts).
 * The first run after a semester has ended fixes its figures (reporting/semesterRun.ts). Reads
 * REPORT_DB_PATH (default `.data/semester-report.db`), writing only the published figures; needs
 * no Temporal and no secrets, and works for semesters whose cases Temporal no longer keeps.
 * Beside the figures, the victims' answers about the help received, from EXPERIENCE_DB_PATH when
 * it is set and the file exists (domain/experienceSummary.ts).
 * Exit codes: 0 written, 1 failed, 2 wrong usage (unknown region, bad semester).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REGIONS } from '../regions';
import { SEMESTER_PATTERN, type Semester } from '../domain/semesterReport';
import { openPublications } from './publications';
import { openReportStore } from './reportStore';
import { openExperienceStore } from './experienceStore';
import { runSemesterReport } from './semesterRun';

export const DEFAULT_REPORT_DB_PATH = '.data/semester-report.db';

const USAGE = 'Gebruik: npm run report -- --region <regio-id> --semester <jjjj-H1|jjjj-H2> [--out <map>]';

export interface ReportCliDeps {
  env: Record<string, string | undefined>;
  regionIds: string[];
  out: (text: string) => void;
  err: (text: string) => void;
  /** The clock that decides whether the semester has ended (its figures are then fixed). */
  now?: () => Date;
}

export function runReportCli(argv: string[], deps: ReportCliDeps): number {
  let values: { region?: string; semester?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { region: { type: 'string' }, semester: { type: 'string' }, out: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    deps.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  if (!values.region) problems.push('--region: expected a region id');
  else if (!deps.regionIds.includes(values.region)) {
    problems.push(
      `--region: unknown region "${values.region}"; expected one of ${deps.regionIds.join(', ')}`,
    );
  }
  const semesterMatch = values.semester ? SEMESTER_PATTERN.exec(values.semester) : null;
  if (!values.semester) problems.push('--semester: expected a semester like 2026-H2');
  else if (!semesterMatch || Number(semesterMatch[1]) < 2000 || Number(semesterMatch[1]) > 2100) {
    problems.push(
      `--semester: "${values.semester}" is not a semester; expected the year and H1 (January-June) or H2 (July-December), e.g. 2026-H2`,
    );
  }
  if (problems.length > 0) {
    deps.err(`${problems.join('\n')}\n${USAGE}`);
    return 2;
  }
  const regionId = values.region!;
  const semester = values.semester as Semester;
  const dbPath = resolve(deps.env.REPORT_DB_PATH || DEFAULT_REPORT_DB_PATH);
  let store;
  try {
    // The report fixes published figures in the same file; a missing file is an error, not a new store.
    if (!existsSync(dbPath)) throw new Error('no such file');
    store = openReportStore(dbPath);
  } catch (error) {
    deps.err(`no report store readable at REPORT_DB_PATH (${dbPath}): ${(error as Error).message}`);
    return 1;
  }
  const publications = openPublications(dbPath);
  // The victims' answers, beside the figures; a deployment that has none yet shows no section.
  // Only where named (the dev profile and production do): a report never picks up a stray file.
  const experiencePath = deps.env.EXPERIENCE_DB_PATH && resolve(deps.env.EXPERIENCE_DB_PATH);
  const experience =
    experiencePath && existsSync(experiencePath) ? openExperienceStore(experiencePath) : undefined;
  try {
    const report = runSemesterReport(
      {
        records: (region, s) => store.records(region, s),
        publications,
        now: deps.now?.() ?? new Date(),
        ...(experience ? { experience: (region: string, s: Semester) => experience.answers(region, s) } : {}),
      },
      regionId,
      semester,
    );
    const outDir = resolve(values.out ?? '.data/reports');
    mkdirSync(outDir, { recursive: true });
    const base = join(outDir, `semestercijfers-${regionId}-${semester}`);
    writeFileSync(`${base}.md`, report.markdown);
    writeFileSync(`${base}.csv`, report.csv);
    deps.out(report.markdown);
    deps.out(`Geschreven: ${base}.md en ${base}.csv\n`);
    return 0;
  } finally {
    publications.close();
    store.close();
    experience?.close();
  }
}

if (require.main === module) {
  process.exitCode = runReportCli(process.argv.slice(2), {
    env: process.env,
    regionIds: [...REGIONS.keys()],
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
