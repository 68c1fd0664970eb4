/**
 * The region figures kept for fast page views: fresh ones answered as they are, stale ones
 * answered at once and asked again behind the answer, none or too old asked while the view waits;
 * one question per region at a time; a failed refresh keeps the last figures.
 */
import { keptFresh } from '../../cases/keptFresh';
import type { RegionOverview } from '../../cases/regionOverview';

const figures = (regionId: string, at: Date, openTotal: number) =>
  ({ regionId, at: at.toISOString(), openTotal }) as RegionOverview;

function fakeSource() {
  const calls: string[] = [];
  let total = 0;
  let fail = false;
  let release: (() => void) | undefined;
  const source = async (regionId: string, now: Date) => {
    calls.push(regionId);
    if (release === undefined) {
      await new Promise<void>((r) => (release = r));
      release = undefined;
    }
    if (fail) throw new Error('visibility unavailable');
    total += 1;
    return figures(regionId, now, total);
  };
  return {
    source,
    calls,
    finish: async () => {
      for (let i = 0; i < 10 && !release; i++) await Promise.resolve();
      release?.();
    },
    failNext: () => (fail = true),
  };
}

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 30, 10, 0, seconds));

test('none kept: the view waits for the question; views meanwhile share it; each region its own', async () => {
  const f = fakeSource();
  const overview = keptFresh(f.source, { freshMs: 10_000, staleMs: 600_000 });
  const first = overview('limburg', at(0));
  const second = overview('limburg', at(1));
  await f.finish();
  expect(await first).toEqual(figures('limburg', at(0), 1));
  expect(await second).toBe(await first);
  expect(f.calls).toEqual(['limburg']);
  const other = overview('gelderland-zuid-midden', at(2));
  await f.finish();
  expect((await other).regionId).toBe('gelderland-zuid-midden');
});

test('fresh: answered as kept; stale: answered at once and refreshed behind; too old: asked again', async () => {
  const f = fakeSource();
  const overview = keptFresh(f.source, { freshMs: 10_000, staleMs: 60_000 });
  const first = overview('limburg', at(0));
  await f.finish();
  await first;
  expect((await overview('limburg', at(5))).openTotal).toBe(1);
  expect(f.calls).toHaveLength(1);

  // Stale: the kept figures at once, a refresh behind them; the next view has the new ones.
  expect((await overview('limburg', at(20))).openTotal).toBe(1);
  expect(f.calls).toHaveLength(2);
  await f.finish();
  await new Promise((r) => setImmediate(r));
  expect((await overview('limburg', at(21))).openTotal).toBe(2);

  // Too old (or a clock that went back): the view waits for new figures.
  const late = overview('limburg', at(59 + 60));
  await f.finish();
  expect((await late).openTotal).toBe(3);
  const back = overview('limburg', at(0));
  await f.finish();
  expect((await back).openTotal).toBe(4);
});

test('a failed refresh behind an answer keeps the last figures and is reported', async () => {
  const f = fakeSource();
  const failures: string[] = [];
  const overview = keptFresh(f.source, {
    freshMs: 10_000,
    staleMs: 60_000,
    onRefreshError: (region, error) => failures.push(`${region}: ${(error as Error).message}`),
  });
  const first = overview('limburg', at(0));
  await f.finish();
  await first;
  f.failNext();
  expect((await overview('limburg', at(30))).openTotal).toBe(1);
  await f.finish();
  await new Promise((r) => setImmediate(r));
  expect(failures).toEqual(['limburg: visibility unavailable']);
  expect((await overview('limburg', at(31))).openTotal).toBe(1);
});

test('idle waits for the refresh under way, so a stopping service sends nothing after it closed', async () => {
  const f = fakeSource();
  const overview = keptFresh(f.source, { freshMs: 10_000, staleMs: 60_000 });
  const first = overview('limburg', at(0));
  await f.finish();
  await first;
  await overview('limburg', at(30)); // stale: a refresh starts behind the answer
  let idle = false;
  const waiting = overview.idle().then(() => (idle = true));
  await new Promise((r) => setImmediate(r));
  expect(idle).toBe(false);
  await f.finish();
  await waiting;
  expect(idle).toBe(true);
});
