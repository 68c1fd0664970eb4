/**
 * The store of anonymous per-case report records behind the semester figures: one SQLite file
 * (REPORT_DB_PATH), apart from Temporal, because the figures for a past semester must still be
 * there after the namespace retention has deleted the cases themselves.
 *
 * A record holds codes only (region, semester, acute, gender, minor, earlier abuse, what the
 * pathway gave): no reference, no ids, no dates finer than the semester.
 *
 * Writing is idempotent without keeping anything that leads back to the case:
 * - the workflow draws a random write key once (deterministic across replays, so every retry of
 *   the activity carries the same key); the key is not derived from the case and is seen only in
 *   the case's own (encrypted) history, which retention deletes;
 * - the key is kept in a separate table only as long as a retry can come (KEY_KEPT_DAYS, well
 *   beyond the activity's retry window), then pruned; a record and its key are written in one
 *   transaction;
 * - both tables are WITHOUT ROWID, keyed by random values: no insertion order that could tie a
 *   record to its key, or to the order in which cases ended.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ReportRecord, Semester } from '../domain/semesterReport';

/** Longer than any retry of the writing activity (its schedule-to-close is 7 days). */
export const KEY_KEPT_DAYS = 30;
const DAY_MS = 24 * 3600_000;

export interface ReportStore {
  /** Writes the record once per `writeKey`; false when that key was already written (a retry). */
  write(writeKey: string, record: ReportRecord): boolean;
  /** Every record of one region and semester. */
  records(regionId: string, semester: Semester): ReportRecord[];
  /** The regions that have records (for the CLI's error on an unknown region). */
  regions(): string[];
  close(): void;
}

interface Row {
  region_id: string;
  semester: string;
  acute: number;
  gender: string;
  minor: string;
  earlier_sexual_abuse: string;
  medical_care: number;
  fmo: number;
  aangifte: number;
  casemanagement: number;
}

export interface ReportStoreOptions {
  now?: () => Date;
  /** For the report CLI: the file must exist and is never written. */
  readonly?: boolean;
}

/** `path` is a file (its folder is created unless read-only), or ':memory:' for tests. */
export function openReportStore(path: string, options: ReportStoreOptions = {}): ReportStore {
  const now = options.now ?? (() => new Date());
  if (options.readonly) return readStore(new Database(path, { readonly: true, fileMustExist: true }));
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS report_record (
      row_key TEXT PRIMARY KEY,
      region_id TEXT NOT NULL,
      semester TEXT NOT NULL,
      acute INTEGER NOT NULL CHECK (acute IN (0, 1)),
      gender TEXT NOT NULL CHECK (gender IN ('vrouw', 'man', 'anders', 'onbekend')),
      minor TEXT NOT NULL CHECK (minor IN ('ja', 'nee', 'onbekend')),
      earlier_sexual_abuse TEXT NOT NULL CHECK (earlier_sexual_abuse IN ('ja', 'nee', 'onbekend')),
      medical_care INTEGER NOT NULL CHECK (medical_care IN (0, 1)),
      fmo INTEGER NOT NULL CHECK (fmo IN (0, 1)),
      aangifte INTEGER NOT NULL CHECK (aangifte IN (0, 1)),
      casemanagement INTEGER NOT NULL CHECK (casemanagement IN (0, 1))
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS report_record_region_semester ON report_record (region_id, semester);
    CREATE TABLE IF NOT EXISTS write_key (key TEXT PRIMARY KEY, forget_after_day TEXT NOT NULL) WITHOUT ROWID;
  `);
  const seen = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM write_key WHERE key = ?');
  const insertKey = db.prepare('INSERT INTO write_key (key, forget_after_day) VALUES (?, ?)');
  const pruneKeys = db.prepare('DELETE FROM write_key WHERE forget_after_day < ?');
  const insertRecord = db.prepare(
    `INSERT INTO report_record (row_key, region_id, semester, acute, gender, minor, earlier_sexual_abuse,
       medical_care, fmo, aangifte, casemanagement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);

  const write = db.transaction((writeKey: string, r: ReportRecord): boolean => {
    const today = now().getTime();
    pruneKeys.run(day(today));
    if (seen.get(writeKey)) return false;
    insertKey.run(writeKey, day(today + KEY_KEPT_DAYS * DAY_MS));
    insertRecord.run(
      randomUUID(),
      r.regionId,
      r.semester,
      Number(r.acute),
      r.gender,
      r.minor,
      r.earlierSexualAbuse,
      Number(r.medicalCare),
      Number(r.fmo),
      Number(r.aangifte),
      Number(r.casemanagement),
    );
    return true;
  });

  return { ...readStore(db), write: (writeKey, record) => write(writeKey, record) };
}

function readStore(db: Database.Database): ReportStore {
  const select = db.prepare<[string, string], Row>(
    'SELECT * FROM report_record WHERE region_id = ? AND semester = ? ORDER BY row_key',
  );
  const selectRegions = db.prepare<[], { region_id: string }>(
    'SELECT DISTINCT region_id FROM report_record ORDER BY region_id',
  );
  return {
    write: () => {
      throw new Error('the report store was opened read-only');
    },
    records: (regionId, semester) =>
      select.all(regionId, semester).map((row) => ({
        regionId: row.region_id,
        semester: row.semester as Semester,
        acute: row.acute === 1,
        gender: row.gender as ReportRecord['gender'],
        minor: row.minor as ReportRecord['minor'],
        earlierSexualAbuse: row.earlier_sexual_abuse as ReportRecord['earlierSexualAbuse'],
        medicalCare: row.medical_care === 1,
        fmo: row.fmo === 1,
        aangifte: row.aangifte === 1,
        casemanagement: row.casemanagement === 1,
      })),
    regions: () => selectRegions.all().map((r) => r.region_id),
    close: () => db.close(),
  };
}
