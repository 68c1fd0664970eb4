/**
 * The access log in SQLite, for the dev profile: one file (ACCESS_LOG_DB_PATH, under `.data/`).
 *
 * Appends are serialised by an IMMEDIATE transaction: it takes the file's write lock before the
 * chain's tip is read, so two processes on one file (the intake service and the command line)
 * never link two entries to the same predecessor; the second waits (busy_timeout) for the first.
 * As for the case file, `secure_delete` and the rollback journal leave nothing of a pruned entry
 * in the file.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ChainAnchor, ChainRow, ChainStore, ChainTip } from './rows';

interface Row {
  seq: number;
  at: string;
  by: string;
  case_index: string | null;
  reason: string;
  detail: string | null;
  prev: string;
  hash: string;
}

const COLUMNS = 'seq, at, by, case_index, reason, detail, prev, hash';
const toChainRow = (r: Row): ChainRow => ({
  seq: r.seq,
  at: r.at,
  by: r.by,
  caseIndex: r.case_index,
  reason: r.reason,
  detail: r.detail,
  prev: r.prev,
  hash: r.hash,
});

export function openSqliteChain(path: string): ChainStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 10000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS toegangslog (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      by TEXT NOT NULL,
      case_index TEXT,
      reason TEXT NOT NULL,
      detail TEXT,
      prev TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS toegangslog_per_melding ON toegangslog (case_index, seq);
    CREATE TABLE IF NOT EXISTS toegangslog_anker (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      mac TEXT NOT NULL
    );
  `);
  const last = db.prepare<[], ChainTip>('SELECT seq, hash FROM toegangslog ORDER BY seq DESC LIMIT 1');
  const anchor = db.prepare<[], ChainAnchor>('SELECT seq, hash, mac FROM toegangslog_anker WHERE id = 1');
  const insert = db.prepare(`INSERT INTO toegangslog (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const ofCase = db.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM toegangslog WHERE case_index = ? ORDER BY seq`,
  );
  const page = db.prepare<[number, number], Row>(
    `SELECT ${COLUMNS} FROM toegangslog WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const firstKept = db.prepare<[string], { seq: number }>(
    'SELECT seq FROM toegangslog WHERE at >= ? ORDER BY seq LIMIT 1',
  );
  const lastBefore = db.prepare<[number], ChainTip>(
    'SELECT seq, hash FROM toegangslog WHERE seq < ? ORDER BY seq DESC LIMIT 1',
  );
  const deleteBefore = db.prepare('DELETE FROM toegangslog WHERE seq < ?');
  const setAnchor = db.prepare(
    'INSERT INTO toegangslog_anker (id, seq, hash, mac) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, mac = excluded.mac',
  );

  const append = db.transaction((link: (tip: ChainTip | undefined) => ChainRow) => {
    const row = link(last.get() ?? anchor.get());
    insert.run(row.seq, row.at, row.by, row.caseIndex, row.reason, row.detail, row.prev, row.hash);
  });
  const prune = db.transaction((before: string, anchorOf: (last: ChainTip) => ChainAnchor) => {
    const upTo = firstKept.get(before)?.seq ?? Number.MAX_SAFE_INTEGER;
    const removedLast = lastBefore.get(upTo);
    if (!removedLast) return 0;
    const kept = anchorOf(removedLast);
    setAnchor.run(kept.seq, kept.hash, kept.mac);
    return deleteBefore.run(upTo).changes;
  });

  return {
    async append(link) {
      append.immediate(link);
    },
    async ofCase(caseIndex) {
      return ofCase.all(caseIndex).map(toChainRow);
    },
    async page(afterSeq, limit) {
      return page.all(afterSeq, limit).map(toChainRow);
    },
    async anchor() {
      return anchor.get();
    },
    async pruneBefore(before, anchorOf) {
      return prune.immediate(before, anchorOf);
    },
    async close() {
      db.close();
    },
  };
}
