/**
 * One run of the semester report for a region: the figures as published (frozen once the
 * semester has ended), and the revisions of earlier semesters that this report publishes.
 *
 * - A semester still running gets provisional figures, fixed nowhere; so do the revisions it
 *   would carry.
 * - The first run after a semester has ended fixes its figures (publications.ts), and fixes as
 *   revisions, in this report, every earlier published semester whose figures have changed since
 *   (a case that ended late). A later run of the same semester shows exactly the same report.
 * - In a revision, a row whose count moved by 1 to 4 is hidden: next to the earlier report, the
 *   move itself would be a cell of fewer than 5 cases.
 */
import {
  aggregate,
  CSV_HEADER,
  csvLines,
  LEGEND,
  markdownTable,
  publishedRows,
  semesterOf,
  SMALL_CELL_THRESHOLD,
  type ReportRecord,
  type Semester,
  type SemesterFigures,
} from '../domain/semesterReport';
import { formatDutchTime } from '../domain/dutchClock';
import type { ExperienceAnswers } from '../domain/experience';
import { experienceCsvLines, experienceMarkdown, summariseExperience } from '../domain/experienceSummary';
import type { Publication, Publications } from './publications';

export interface SemesterRunDeps {
  records: (regionId: string, semester: Semester) => ReportRecord[];
  publications: Publications;
  now: Date;
  /**
   * The victims' answers about the help received (reporting/experienceStore.ts), shown beside the
   * figures as they are at the run; without it, no such section.
   */
  experience?: (regionId: string, semester: Semester) => ExperienceAnswers[];
}

export interface SemesterRun {
  markdown: string;
  csv: string;
  /** Whether the figures are fixed (the semester has ended) or provisional. */
  fixed: boolean;
}

interface Revision {
  figures: SemesterFigures;
  /** Rows whose count moved by fewer than 5 since the version before. */
  movedLittle: Set<string>;
}

export function runSemesterReport(deps: SemesterRunDeps, regionId: string, semester: Semester): SemesterRun {
  const { publications, now } = deps;
  const ended = semester < semesterOf(now);
  const figuresNow = (s: Semester) => aggregate(deps.records(regionId, s), regionId, s);
  let own = publications.versions(regionId, semester)[0];
  let revisions: Revision[];
  if (own === undefined && ended) {
    own = { figures: figuresNow(semester), publishedAt: now.toISOString(), inReportOf: semester };
    publications.publish(own);
    for (const revision of pendingRevisions(deps, regionId, semester)) {
      publications.publish({
        figures: revision.figures,
        publishedAt: now.toISOString(),
        inReportOf: semester,
      });
    }
  }
  if (own) {
    revisions = publishedRevisions(publications, regionId, semester);
  } else {
    revisions = pendingRevisions(deps, regionId, semester);
  }
  const figures = own?.figures ?? figuresNow(semester);
  const experience = deps.experience && summariseExperience(deps.experience(regionId, semester));
  return {
    markdown: [
      markdownOf(figures, own, revisions),
      ...(experience ? experienceMarkdown(experience) : []),
    ].join('\n'),
    csv: [
      CSV_HEADER,
      ...csvLines(figures, publishedRows(figures)),
      ...(experience ? experienceCsvLines(regionId, semester, experience) : []),
      ...revisions.flatMap((r) => csvLines(r.figures, publishedRows(r.figures, r.movedLittle))),
      '',
    ].join('\n'),
    fixed: own !== undefined,
  };
}

/** Earlier published semesters whose figures differ now from their last published version. */
function pendingRevisions(deps: SemesterRunDeps, regionId: string, semester: Semester): Revision[] {
  const revisions: Revision[] = [];
  for (const earlier of deps.publications.semesters(regionId).filter((s) => s < semester)) {
    const last = deps.publications.versions(regionId, earlier).at(-1)!;
    const figures = aggregate(deps.records(regionId, earlier), regionId, earlier);
    const moved = movedRows(last.figures, figures);
    if (moved.size > 0) revisions.push({ figures, movedLittle: littleOf(moved) });
  }
  return revisions;
}

/** The revisions this semester's report fixed when it was published. */
function publishedRevisions(publications: Publications, regionId: string, semester: Semester): Revision[] {
  const revisions: Revision[] = [];
  for (const earlier of publications.semesters(regionId).filter((s) => s < semester)) {
    const versions = publications.versions(regionId, earlier);
    versions.forEach((version, i) => {
      if (i === 0 || version.inReportOf !== semester) return;
      revisions.push({
        figures: version.figures,
        movedLittle: littleOf(movedRows(versions[i - 1]!.figures, version.figures)),
      });
    });
  }
  return revisions;
}

/** How far each row's count moved between two versions; rows that did not move are left out. */
function movedRows(before: SemesterFigures, after: SemesterFigures): Map<string, number> {
  const earlier = new Map(before.rows.map((r) => [r.code, r.count]));
  const moved = new Map<string, number>();
  for (const row of after.rows) {
    const by = Math.abs(row.count - (earlier.get(row.code) ?? 0));
    if (by > 0) moved.set(row.code, by);
  }
  return moved;
}

function littleOf(moved: Map<string, number>): Set<string> {
  return new Set([...moved].filter(([, by]) => by < SMALL_CELL_THRESHOLD).map(([code]) => code));
}

function markdownOf(figures: SemesterFigures, own: Publication | undefined, revisions: Revision[]): string {
  const status = own
    ? `Vastgesteld op ${formatDutchTime(Date.parse(own.publishedAt))}. Een latere run van dit semester geeft dezelfde cijfers; wat daarna nog verandert, staat als herziening in het rapport van een volgend semester.`
    : 'Voorlopige cijfers: het semester loopt nog. Ze worden vastgesteld bij de eerste run na afloop van het semester.';
  const lines = [
    `# Semestercijfers ${figures.regionId}, ${figures.semester}`,
    '',
    status,
    '',
    LEGEND,
    '',
    ...markdownTable(publishedRows(figures)),
    '',
  ];
  for (const revision of revisions) {
    lines.push(
      `## Herziening ${revision.figures.semester}`,
      '',
      `De cijfers van ${revision.figures.semester} zoals ze nu zijn, in plaats van de eerder gepubliceerde. Een cijfer dat minder dan ${SMALL_CELL_THRESHOLD} veranderde, staat als "x": het verschil zou anders een cel onder de ${SMALL_CELL_THRESHOLD} zijn.`,
      '',
      ...markdownTable(publishedRows(revision.figures, revision.movedLittle)),
      '',
    );
  }
  return lines.join('\n');
}
