/**
 * `npm run cli -- herversleutelen` as ops run it after a key rotation, as its own process over a
 * case file on SQLite: records sealed with the old key are sealed again with the new one, in
 * batches with a count after each, and afterwards open under a key set without the old key. Who
 * may run it: ops, and nobody else.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaseFile, type CaseFile, type CaseFileRecord } from '../../caseFile';
import { openSqliteRows } from '../../caseFile/sqliteRows';
import { resealRefusal } from '../../cli/herversleutelen';
import { staffDirectory } from '../../config/staffRoles';
import { REGIONS } from '../../regions';
import { TEST_BLIND_INDEX_KEY, TEST_BLIND_INDEX_KEY_ENV } from '../../testkit/temporal';
import { projectRoot } from '../../testkit/tools';

jest.setTimeout(90_000);

const OLD = { id: 'sleutel-2025', key: Buffer.alloc(32, 0x5a) };
const NEW = { id: 'sleutel-2026', key: Buffer.alloc(32, 0x6b) };
const keysOf = (...keys: (typeof OLD)[]) => ({
  currentKeyId: keys.at(-1)!.id,
  keys: new Map(keys.map((k) => [k.id, k.key])),
});
const keysEnv = (...keys: (typeof OLD)[]) => keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

const dir = mkdtempSync(join(tmpdir(), 'csg-reseal-'));
const dbPath = join(dir, 'case-file.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (keys: ReturnType<typeof keysOf>): CaseFile =>
  createCaseFile({ rows: openSqliteRows(dbPath), keys, indexKey: TEST_BLIND_INDEX_KEY });

/** 250 records over five cases: more than one batch of 200. */
const CASES = [
  'CSG-LIM-2026-100001',
  'CSG-LIM-2026-100002',
  'CSG-LIM-2026-100003',
  'CSG-GZM-2026-100004',
  'CSG-GZM-2026-100005',
];
const recordsOf = (reference: string): CaseFileRecord[] =>
  Array.from({ length: 50 }, (_, i) => ({
    key: `checkin/${i}`,
    kind: 'checkin' as const,
    at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    data: { reference, contact: i },
  }));

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'cli/main.ts'), ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.on('data', (d) => chunks.push(String(d)));
  child.stderr.on('data', (d) => chunks.push(String(d)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output: chunks.join('') })));
}

test('re-seals every old record in batches; afterwards the case file opens without the old key', async () => {
  const before = open(keysOf(OLD));
  for (const reference of CASES)
    for (const record of recordsOf(reference)) await before.append(reference, record);
  await before.close();

  const env = {
    PAYLOAD_KEYS: keysEnv(OLD, NEW),
    BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY_ENV,
    CASE_FILE_DB_PATH: dbPath,
    OPS_STAFF_IDS: 'ops-1',
  };
  const refused = await cli(['herversleutelen', '--door', 'cm-1'], env);
  expect(refused.code).toBe(1);
  expect(refused.output).toContain('Geweigerd: cm-1 heeft geen ops-rol');
  // Nothing was changed: the old key alone still opens every record.
  const stillOld = open(keysOf(OLD));
  expect(await stillOld.records(CASES[0]!)).toHaveLength(50);
  await stillOld.close();

  const first = await cli(['herversleutelen', '--door', 'ops-1'], env);
  expect(first.output).toContain('  200 dossierstukken opnieuw versleuteld');
  expect(first.output).toContain('  250 dossierstukken opnieuw versleuteld');
  expect(first.output).toContain('Klaar: 250 dossierstukken opnieuw versleuteld met sleutel sleutel-2026');
  expect(first.code).toBe(0);

  // The old key is retired: the new key alone opens every record, with its data as written.
  const after = open(keysOf(NEW));
  for (const reference of CASES) expect(await after.records(reference)).toEqual(recordsOf(reference));
  await after.close();

  const again = await cli(['herversleutelen', '--door', 'ops-1'], { ...env, PAYLOAD_KEYS: keysEnv(NEW) });
  expect(again.code).toBe(0);
  expect(again.output).toContain(
    'Niets te doen: elk dossierstuk is al versleuteld met sleutel sleutel-2026.',
  );
});

test('with STAFF_ROLES only an ops id may re-seal; an unknown id neither', () => {
  const staffRoles = staffDirectory({
    staffRoles: 'cm-1=casemanager@limburg,priv-1=privacy@limburg,ops-1=ops@alle',
    opsStaffIds: undefined,
    regionIds: [...REGIONS.keys()],
  });
  const roles = { staffRoles, opsStaffIds: new Set<string>() };
  expect(resealRefusal('ops-1', roles)).toBeUndefined();
  expect(resealRefusal('priv-1', roles)).toBe(
    'Geweigerd: priv-1 (rol privacy) mag dit niet; herversleutelen is voor ops',
  );
  expect(resealRefusal('cm-1', roles)).toContain('(rol casemanager) mag dit niet');
  expect(resealRefusal('iemand', roles)).toContain('iemand heeft geen rol (STAFF_ROLES)');
});
