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
 *
 * A case counts in the semester of its melding from the start, not only once it ends: at intake
 * the workflow writes an open record (what the intake says; nothing of the pathway yet) under a
 * second random key of its own, and the final record replaces it in one transaction. The open
 * record holds that key while the case runs (the final write must find it), and nothing more; the
 * key then joins the forgotten-after-30-days write keys, so an open write retried late cannot
 * bring a closed case back.
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
  /**
   * Writes the record once per `writeKey`; false when that key was already written (a retry).
   * With `openKey`, the case's open record goes in the same transaction.
   */
  write(writeKey: string, record: ReportRecord, openKey?: string): boolean;
  /**
   * Counts a running case: its record as the intake gives it, under `openKey`; false when that
   * key is there already or its case has ended (a retry).
   */
  writeOpen(openKey: string, record: ReportRecord): boolean;
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
}

/** `path` is a file (its folder is created), or ':memory:' for tests. */
export function openReportStore(path: string, options: ReportStoreOptions = {}): ReportStore {
  const now = options.now ?? (() => new Date());
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
    CREATE TABLE IF NOT EXISTS open_record (
      open_key TEXT PRIMARY KEY,
      region_id TEXT NOT NULL,
      semester TEXT NOT NULL,
      acute INTEGER NOT NULL CHECK (acute IN (0, 1)),
      gender TEXT NOT NULL,
      minor TEXT NOT NULL,
      earlier_sexual_abuse TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS open_record_region_semester ON open_record (region_id, semester);
  `);
  const seen = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM write_key WHERE key = ?');
  const insertKey = db.prepare('INSERT INTO write_key (key, forget_after_day) VALUES (?, ?)');
  const pruneKeys = db.prepare('DELETE FROM write_key WHERE forget_after_day < ?');
  const insertRecord = db.prepare(
    `INSERT INTO report_record (row_key, region_id, semester, acute, gender, minor, earlier_sexual_abuse,
       medical_care, fmo, aangifte, casemanagement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOpen = db.prepare(
    `INSERT OR IGNORE INTO open_record (open_key, region_id, semester, acute, gender, minor, earlier_sexual_abuse)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const deleteOpen = db.prepare('DELETE FROM open_record WHERE open_key = ?');
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  // An ended case's open key, among the write keys (so it is forgotten the same way).
  const endedKey = (openKey: string) => `afgesloten:${openKey}`;

  const writeOpen = db.transaction((openKey: string, r: ReportRecord): boolean => {
    if (seen.get(endedKey(openKey))) return false;
    const added = insertOpen.run(
      openKey,
      r.regionId,
      r.semester,
      Number(r.acute),
      r.gender,
      r.minor,
      r.earlierSexualAbuse,
    );
    return added.changes === 1;
  });

  const write = db.transaction((writeKey: string, r: ReportRecord, openKey?: string): boolean => {
    const today = now().getTime();
    pruneKeys.run(day(today));
    if (seen.get(writeKey)) return false;
    insertKey.run(writeKey, day(today + KEY_KEPT_DAYS * DAY_MS));
    if (openKey !== undefined) {
      deleteOpen.run(openKey);
      insertKey.run(endedKey(openKey), day(today + KEY_KEPT_DAYS * DAY_MS));
    }
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

  return {
    ...readStore(db),
    write: (writeKey, record, openKey) => write(writeKey, record, openKey),
    writeOpen: (openKey, record) => writeOpen(openKey, record),
  };
}

function readStore(db: Database.Database): Omit<ReportStore, 'write' | 'writeOpen'> {
  // A running case has nothing of its pathway yet: its care and handover count once it ends.
  const select = db.prepare<[string, string, string, string], Row>(
    `SELECT region_id, semester, acute, gender, minor, earlier_sexual_abuse, medical_care, fmo, aangifte,
       casemanagement FROM report_record WHERE region_id = ? AND semester = ?
     UNION ALL
     SELECT region_id, semester, acute, gender, minor, earlier_sexual_abuse, 0, 0, 0, 0
       FROM open_record WHERE region_id = ? AND semester = ?`,
  );
  const selectRegions = db.prepare<[], { region_id: string }>(
    'SELECT region_id FROM report_record UNION SELECT region_id FROM open_record ORDER BY region_id',
  );
  return {
    records: (regionId, semester) =>
      select.all(regionId, semester, regionId, semester).map((row) => ({
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
