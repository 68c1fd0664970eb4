/**
 * The case file on SQLite (the dev profile): the repository's contract (contract.ts) over a fresh
 * file per test; the stored bytes searched are the whole database file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteRows } from '../../caseFile/sqliteRows';
import { caseFileContract } from './contract';

caseFileContract(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csg-case-file-'));
  const path = join(dir, 'case-file.db');
  const rows = openSqliteRows(path);
  return {
    rows,
    storedBytes: async () => readFileSync(path),
    dispose: async () => {
      await rows.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
