/**
 * The access log on SQLite (the dev profile): the contract (contract.ts) over a fresh file per
 * test; the stored bytes searched are the whole database file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteChain } from '../../accessLog/sqliteRows';
import type { ChainStore } from '../../accessLog/rows';
import { accessLogContract } from './contract';

accessLogContract(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csg-access-log-'));
  const path = join(dir, 'access-log.db');
  const opened: ChainStore[] = [openSqliteChain(path)];
  return {
    rows: opened[0]!,
    another: async () => {
      const rows = openSqliteChain(path);
      opened.push(rows);
      return rows;
    },
    tamper: async (sql) => {
      const db = new Database(path);
      db.exec(sql);
      db.close();
    },
    storedBytes: async () => readFileSync(path),
    dispose: async () => {
      for (const rows of opened) await rows.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
