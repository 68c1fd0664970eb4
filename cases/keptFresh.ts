/**
 * A region's figures kept where a page reads them at once. Counting a large region's cases takes
 * the visibility store dozens of counts (cases/regionOverview.ts), more than a page view may wait
 * for once tens of thousands of cases are open; so the last figures of each region are kept:
 *
 * - younger than `freshMs`: answered as they are;
 * - older, but younger than `staleMs`: answered as they are at once, and asked again behind the
 *   answer, so the next view has newer ones (the page says as of when its figures are);
 * - none, or older than `staleMs`: asked now, and the view waits.
 *
 * One question per region at a time: views that arrive while it runs share its answer. A failed
 * question keeps the last figures and fails only the views that waited for it. `idle()` waits
 * for the questions under way, so a service that stops sends nothing after its connection closed.
 */
import type { RegionOverview } from './regionOverview';

type Source = (regionId: string, now: Date) => Promise<RegionOverview>;

export interface KeptFreshOptions {
  freshMs: number;
  staleMs: number;
  /** Where a refresh behind an answer that failed is reported (it must not go unnoticed). */
  onRefreshError?: (regionId: string, error: unknown) => void;
}

export type KeptSource = Source & { idle(): Promise<void> };

export function keptFresh(source: Source, options: KeptFreshOptions): KeptSource {
  const kept = new Map<string, { figures: RegionOverview; at: number }>();
  const asking = new Map<string, Promise<RegionOverview>>();

  function ask(regionId: string, now: Date): Promise<RegionOverview> {
    const running = asking.get(regionId);
    if (running) return running;
    const question = source(regionId, now)
      .then((figures) => {
        kept.set(regionId, { figures, at: now.getTime() });
        return figures;
      })
      .finally(() => asking.delete(regionId));
    asking.set(regionId, question);
    return question;
  }

  const keptSource = async (regionId: string, now: Date) => {
    const last = kept.get(regionId);
    // A clock that went back (a test, a corrected server clock) makes the figures unusable too.
    const age = last ? now.getTime() - last.at : Infinity;
    if (last && age >= 0 && age < options.freshMs) return last.figures;
    if (last && age >= 0 && age < options.staleMs) {
      ask(regionId, now).catch((error: unknown) => options.onRefreshError?.(regionId, error));
      return last.figures;
    }
    return ask(regionId, now);
  };
  return Object.assign(keptSource, {
    idle: async () => {
      await Promise.allSettled([...asking.values()]);
    },
  });
}
