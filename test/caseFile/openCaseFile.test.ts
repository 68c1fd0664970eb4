/**
 * Opening the case file from its settings: the SQLite file where no PostgreSQL URL is set, and a
 * PostgreSQL that cannot be reached fails the first call with its own error (not an unhandled
 * rejection at start, not a silent empty case file).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCaseFile } from '../../caseFile';
import { envSchema } from '../../config/env';

const settings = {
  PAYLOAD_KEYS: { currentKeyId: 'a', keys: new Map([['a', Buffer.alloc(32, 1)]]) },
  BLIND_INDEX_KEY: Buffer.alloc(32, 2),
};

test('without a PostgreSQL URL the case file is the SQLite file of CASE_FILE_DB_PATH', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'csg-case-file-open-'));
  const path = join(dir, 'nested', 'case-file.db');
  const file = openCaseFile({ ...settings, CASE_FILE_DB_PATH: path });
  await file.append('CSG-LIM-2026-100200', {
    key: 'intake',
    kind: 'intake',
    at: '2026-03-01T10:00:00Z',
    data: {},
  });
  expect(statSync(path).size).toBeGreaterThan(0);
  expect(await file.records('CSG-LIM-2026-100200')).toHaveLength(1);
  await file.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an unreachable PostgreSQL fails the first call with its connection error', async () => {
  const file = openCaseFile({
    ...settings,
    CASE_FILE_DB_PATH: join(tmpdir(), 'unused.db'),
    // Port 1 on loopback: refused at once.
    CASE_FILE_DATABASE_URL: 'postgresql://temporal@127.0.0.1:1/postgres',
  });
  await expect(file.records('CSG-LIM-2026-100200')).rejects.toThrow(/ECONNREFUSED/);
  await file.close();
});

test('CASE_FILE_DATABASE_URL must be a PostgreSQL URL; the error names it', () => {
  const url = envSchema.shape.CASE_FILE_DATABASE_URL;
  expect(url.safeParse('postgresql://csg@db.internal:5432/dossier').success).toBe(true);
  const bad = url.safeParse('mysql://csg@db/dossier');
  expect(bad.success).toBe(false);
  expect(bad.error?.issues[0]?.message).toContain('CASE_FILE_DATABASE_URL');
});
