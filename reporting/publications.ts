/**
 * Published semester figures, frozen: once a semester has ended and its report has been run, a
 * later run of that semester shows the same numbers, whatever was written since (a case that
 * ended late, a correction). What changed goes in the next semester's report as a revision, and
 * that revision is then the published figure the one after compares against.
 *
 * Kept beside the report records (REPORT_DB_PATH), as counts per row code: no more than the
 * published report holds, and the suppression is applied when a table is written, the same way
 * for a first publication and a revision.
 */
import Database from 'better-sqlite3';
import type { FigureRow, Semester, SemesterFigures } from '../domain/semesterReport';

export interface Publication {
  figures: SemesterFigures;
  /** When these figures were fixed (ISO 8601). */
  publishedAt: string;
  /** The semester whose report published them: the semester itself, or a later one for a revision. */
  inReportOf: Semester;
}

export interface Publications {
  /** Every published version of a semester's figures, oldest first (empty: never published). */
  versions(regionId: string, semester: Semester): Publication[];
  /** The semesters of a region with published figures, oldest first. */
  semesters(regionId: string): Semester[];
  publish(publication: Publication): void;
  close(): void;
}

export function openPublications(path: string): Publications {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  db.exec(`CREATE TABLE IF NOT EXISTS published_figures (
    region_id TEXT NOT NULL, semester TEXT NOT NULL, version INTEGER NOT NULL,
    published_at TEXT NOT NULL, in_report_of TEXT NOT NULL, rows_json TEXT NOT NULL,
    PRIMARY KEY (region_id, semester, version))`);
  const versions = db.prepare<[string, string], Row>(
    `SELECT * FROM published_figures WHERE region_id = ? AND semester = ? ORDER BY version`,
  );
  const semesters = db.prepare<[string], { semester: string }>(
    'SELECT DISTINCT semester FROM published_figures WHERE region_id = ? ORDER BY semester',
  );
  const insert = db.prepare(
    `INSERT INTO published_figures (region_id, semester, version, published_at, in_report_of, rows_json)
     VALUES (?, ?, (SELECT COALESCE(MAX(version), 0) + 1 FROM published_figures WHERE region_id = ? AND semester = ?), ?, ?, ?)`,
  );
  return {
    versions: (regionId, semester) =>
      versions.all(regionId, semester).map((row) => ({
        figures: { regionId, semester, rows: JSON.parse(row.rows_json) as FigureRow[] },
        publishedAt: row.published_at,
        inReportOf: row.in_report_of as Semester,
      })),
    semesters: (regionId) => semesters.all(regionId).map((r) => r.semester as Semester),
    publish: ({ figures, publishedAt, inReportOf }) => {
      const { regionId, semester } = figures;
      insert.run(
        regionId,
        semester,
        regionId,
        semester,
        publishedAt,
        inReportOf,
        JSON.stringify(figures.rows),
      );
    },
    close: () => db.close(),
  };
}

interface Row {
  published_at: string;
  in_report_of: string;
  rows_json: string;
}
