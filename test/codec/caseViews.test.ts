/**
 * What the codec server writes into the access log: which UI paths name a case, one entry per
 * staff member and case within the window and another after it, a decode from a case's UI page
 * counted for that case, and a decode from elsewhere (another origin, no page) as `decode` with
 * its count.
 */
import { createAccessLog, type AccessLog } from '../../accessLog';
import { openSqliteChain } from '../../accessLog/sqliteRows';
import { caseOfUiPath, codecAccessLog, WINDOW_MS } from '../../codec/caseViews';

const REF = 'CSG-LIM-2026-417305';
const OWN = 'http://localhost:8234';
let log: AccessLog;
let now: number;
beforeEach(() => {
  log = createAccessLog({ rows: openSqliteChain(':memory:'), indexKey: Buffer.alloc(32, 7) });
  now = Date.parse('2026-03-01T10:00:00Z');
});
afterEach(() => log.close());

test('the UI paths that name a case, and those that do not', () => {
  expect(caseOfUiPath(`/api/v1/namespaces/default/workflows/${REF}`)).toBe(REF);
  expect(caseOfUiPath(`/api/v1/namespaces/default/workflows/${encodeURIComponent(REF)}/history`)).toBe(REF);
  expect(caseOfUiPath(`/namespaces/default/workflows/${REF}/run-1/history`)).toBe(REF);
  expect(caseOfUiPath('/api/v1/namespaces/default/workflows')).toBeUndefined();
  expect(caseOfUiPath('/api/v1/namespaces/default/workflows?query=x')).toBeUndefined();
  expect(caseOfUiPath('/api/v1/namespaces/default/workflows/%E0%A4%A')).toBeUndefined();
  expect(caseOfUiPath('/_app/immutable/start.js')).toBeUndefined();
});

test('one entry per staff member and case within the window, another after it', async () => {
  const views = codecAccessLog({ log, ownOrigin: OWN, clock: () => new Date(now) });
  await views.uiCall('ops', `/api/v1/namespaces/default/workflows/${REF}`);
  await views.uiCall('ops', `/api/v1/namespaces/default/workflows/${REF}/history`);
  await views.uiCall('ops-2', `/api/v1/namespaces/default/workflows/${REF}`);
  now += WINDOW_MS;
  await views.uiCall('ops', `/api/v1/namespaces/default/workflows/${REF}/history`);
  expect((await log.ofCase(REF)).map((e) => `${e.reason} ${e.by} ${e.at}`)).toEqual([
    'temporal_ui ops 2026-03-01T10:00:00.000Z',
    'temporal_ui ops-2 2026-03-01T10:00:00.000Z',
    'temporal_ui ops 2026-03-01T10:10:00.000Z',
  ]);
});

test('a decode counts for the case of the UI page it came from; otherwise as a decode with its count', async () => {
  const views = codecAccessLog({ log, ownOrigin: OWN, clock: () => new Date(now) });
  await views.decoded('ops', 4, `${OWN}/namespaces/default/workflows/${REF}/run-1/history`);
  await views.decoded('ops', 2, `http://elders.example/namespaces/default/workflows/${REF}`);
  await views.decoded('ops', 3, undefined);
  expect((await log.ofCase(REF)).map((e) => e.reason)).toEqual(['temporal_ui']);
  expect(await log.verify()).toEqual({ ok: true, entries: 3 });
});
