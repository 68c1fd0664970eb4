/**
 * The victims' answers about the help received (domain/experience.ts): one SQLite file
 * (EXPERIENCE_DB_PATH), written by the intake service's page, read by the semester report.
 *
 * An answer row holds its region, the semester of the melding and the codes: no reference, no
 * link, no time finer than the semester. One answer per link is kept apart, in `used_link`: a
 * keyed hash of the link's nonce, and the day after which it may be forgotten (the link's expiry).
 *
 * The two tables cannot be joined: they share no column, and both are WITHOUT ROWID, keyed by
 * values that sort at random (a random row key, a keyed hash), so the order of rows on disk or in a
 * dump says nothing about which answer came with which link, or when. A used nonce is forgotten
 * once its link has expired (it cannot be used any more then), so after 30 days nothing is left
 * that even says a particular link was answered.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ExperienceAnswers, HelpKind, RecommendAnswer, ScaleAnswer } from '../domain/experience';
import type { Semester } from '../domain/semesterReport';

/** One stored answer, as the report reads it. */
export interface StoredExperience extends ExperienceAnswers {
  regionId: string;
  semester: Semester;
}

export type SubmitOutcome = 'stored' | 'used';

export interface ExperienceStore {
  /**
   * Stores the answers once per link: `usedKey` is the keyed hash of the link's nonce,
   * `forgetAfter` the link's expiry. 'used' (and nothing stored) when the link was answered.
   */
  submit(usedKey: string, forgetAfter: Date, answer: StoredExperience): SubmitOutcome;
  /** Whether the link was answered already (the page then shows no form). */
  used(usedKey: string): boolean;
  answers(regionId: string, semester: Semester): StoredExperience[];
  close(): void;
}

interface Row {
  region_id: string;
  semester: string;
  heard: number;
  quick: number;
  recommend: string;
  help: string;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** `path` is a file (its folder is created), or ':memory:' for tests. */
export function openExperienceStore(path: string, now: () => Date = () => new Date()): ExperienceStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS experience_answer (
      row_key TEXT PRIMARY KEY,
      region_id TEXT NOT NULL,
      semester TEXT NOT NULL,
      heard INTEGER NOT NULL CHECK (heard BETWEEN 1 AND 5),
      quick INTEGER NOT NULL CHECK (quick BETWEEN 1 AND 5),
      recommend TEXT NOT NULL CHECK (recommend IN ('ja', 'nee', 'weet_niet')),
      help TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS experience_answer_region_semester ON experience_answer (region_id, semester);
    CREATE TABLE IF NOT EXISTS used_link (used_key TEXT PRIMARY KEY, forget_after_day TEXT NOT NULL) WITHOUT ROWID;
  `);
  const prune = db.prepare('DELETE FROM used_link WHERE forget_after_day < ?');
  const isUsed = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM used_link WHERE used_key = ?');
  const markUsed = db.prepare('INSERT INTO used_link (used_key, forget_after_day) VALUES (?, ?)');
  const insert = db.prepare(
    `INSERT INTO experience_answer (row_key, region_id, semester, heard, quick, recommend, help)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[string, string], Row>(
    `SELECT region_id, semester, heard, quick, recommend, help FROM experience_answer
     WHERE region_id = ? AND semester = ?`,
  );
  const submit = db.transaction((usedKey: string, forgetAfter: Date, a: StoredExperience): SubmitOutcome => {
    prune.run(day(now()));
    if (isUsed.get(usedKey)) return 'used';
    markUsed.run(usedKey, day(forgetAfter));
    insert.run(
      randomUUID(),
      a.regionId,
      a.semester,
      Number(a.heard),
      Number(a.quick),
      a.recommend,
      a.help.join(','),
    );
    return 'stored';
  });
  return {
    submit: (usedKey, forgetAfter, answer) => submit(usedKey, forgetAfter, answer),
    used: (usedKey) => isUsed.get(usedKey) !== undefined,
    answers: (regionId, semester) =>
      select.all(regionId, semester).map((row) => ({
        regionId: row.region_id,
        semester: row.semester as Semester,
        heard: String(row.heard) as ScaleAnswer,
        quick: String(row.quick) as ScaleAnswer,
        recommend: row.recommend as RecommendAnswer,
        help: row.help === '' ? [] : (row.help.split(',') as HelpKind[]),
      })),
    close: () => db.close(),
  };
}
