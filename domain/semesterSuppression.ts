/**
 * Which cells of the semester figures are not published, so that no cell of fewer than 5 cases
 * can be read or worked out from the others.
 *
 * - Primary: a count under 5 (SMALL_CELL_THRESHOLD), and any count the caller marks (a revised
 *   figure that changed by 1 to 4 since publication: the change itself would be a small cell).
 * - Complementary: the figures add up (meldingen = acuut + niet acuut; acuut = the genders), so
 *   one hidden cell in such a sum is found by subtraction ("Meldingen 12, Niet acuut 9" gives
 *   acuut 3). In every sum, either no cell is hidden or at least two are: where exactly one is,
 *   the smallest published part is hidden too (the total only when no part is left), until no
 *   sum has a lone hidden cell.
 * - Bounds count too: a reader knows a "< 5" cell lies in 0-4 and an "x" cell at 5 or more, so
 *   "total 9, published parts 4, hidden: one '< 5' and one 'x'" pins them at 0 and 5. Where a
 *   published total leaves a hidden small cell of 1 to 4 only one value, one more part is hidden.
 *   A zero that can be worked out stays so: nobody stands behind it.
 * - Bounds count too: a reader knows a "< 5" cell lies in 0-4 and an "x" cell at 5 or more, so
 *   "total 9, published parts 4, hidden: one '< 5' and one 'x'" pins them at 0 and 5. Where a
 *   published total leaves a hidden small cell of 1 to 4 only one value, one more part is hidden.
 *   A zero that can be worked out stays so: nobody stands behind it.
 * - A percentage is hidden with its count, and when its base is hidden (46% of a hidden base with
 *   a published count gives the base back).
 *
 * The other rows are yes-counts whose "no" is not published (minors, earlier abuse, FMO, ...):
 * they take part in no sum, so their own threshold is enough.
 */
import type { FigureRow } from './semesterReport';
import { GENDERS } from './vocabulary';

export const SMALL_CELL_THRESHOLD = 5;

/**
 * Why a count is not published: `klein`, fewer than 5 cases (shown as "< 5"); `afgeschermd`, 5 or
 * more but derivable from the published cells, or changed by fewer than 5 since publication
 * (shown as "x", so nobody reads a bound into it).
 */
export type Suppression = 'klein' | 'afgeschermd';

/** The sums the published rows form, by row code: the total and the parts that add up to it. */
export const ADDITIVE_GROUPS: ReadonlyArray<{ total: string; parts: readonly string[] }> = [
  { total: 'meldingen', parts: ['acuut', 'niet_acuut'] },
  { total: 'acuut', parts: GENDERS.map((g) => `acuut_geslacht_${g}`) },
];

/** The hidden count cells by row code; rows not in the map are published. */
export function suppressedCounts(
  rows: readonly FigureRow[],
  alsoSmall: ReadonlySet<string> = new Set(),
): Map<string, Suppression> {
  const hidden = new Map<string, Suppression>();
  for (const row of rows) {
    if (row.count < SMALL_CELL_THRESHOLD) hidden.set(row.code, 'klein');
    else if (alsoSmall.has(row.code)) hidden.set(row.code, 'afgeschermd');
  }
  const countOf = new Map(rows.map((r) => [r.code, r.count]));
  // Each round hides one more cell, so this ends within rows.length rounds.
  for (let next = nextToHide(countOf, hidden); next; next = nextToHide(countOf, hidden)) {
    hidden.set(next, 'afgeschermd');
  }
  return hidden;
}

type Group = (typeof ADDITIVE_GROUPS)[number];

/** The next cell to hide, or undefined when no hidden small cell can be worked out any more. */
function nextToHide(countOf: ReadonlyMap<string, number>, hidden: ReadonlyMap<string, Suppression>) {
  const groups = ADDITIVE_GROUPS.filter((g) => countOf.has(g.total));
  const lone = groups.find((g) => [g.total, ...g.parts].filter((code) => hidden.has(code)).length === 1);
  if (lone) return cheapestToHide([lone], countOf, hidden);
  const pinned = pinnedSmallCell(groups, countOf, hidden);
  return (
    pinned &&
    cheapestToHide(
      groups.filter((g) => [g.total, ...g.parts].includes(pinned)),
      countOf,
      hidden,
    )
  );
}

/** The smallest published part of these sums; their total only when no part is left. */
function cheapestToHide(
  groups: Group[],
  countOf: ReadonlyMap<string, number>,
  hidden: ReadonlyMap<string, Suppression>,
) {
  const open = (codes: readonly string[]) => codes.filter((code) => countOf.has(code) && !hidden.has(code));
  const bySize = (a: string, b: string) => countOf.get(a)! - countOf.get(b)! || a.localeCompare(b);
  return (
    groups.flatMap((g) => open(g.parts)).sort(bySize)[0] ??
    groups.flatMap((g) => open([g.total])).sort(bySize)[0]
  );
}

/**
 * A hidden small cell (1 to 4) that what is published leaves only one possible value, if any.
 * Each cell starts from what a reader knows (a number, 0-4 for "< 5", 5 and up for "x"); every
 * sum then narrows its total to what its parts allow and each part to the total minus the other
 * parts, until nothing moves (two sums sharing `acuut`: a few rounds).
 */
function pinnedSmallCell(
  groups: Group[],
  countOf: ReadonlyMap<string, number>,
  hidden: ReadonlyMap<string, Suppression>,
): string | undefined {
  const range = new Map<string, [number, number]>();
  for (const [code, count] of countOf) {
    const kind = hidden.get(code);
    range.set(
      code,
      kind === 'klein'
        ? [0, SMALL_CELL_THRESHOLD - 1]
        : kind
          ? [SMALL_CELL_THRESHOLD, Infinity]
          : [count, count],
    );
  }
  const narrow = (code: string, low: number, high: number) => {
    const [was, wasHigh] = range.get(code)!;
    const next: [number, number] = [Math.max(was, low), Math.min(wasHigh, high)];
    range.set(code, next);
    return next[0] !== was || next[1] !== wasHigh;
  };
  for (let moved = true; moved;) {
    moved = false;
    for (const group of groups) {
      const parts = group.parts.filter((code) => range.has(code));
      // Sums over the other parts, not "all minus this one": a range may run to Infinity.
      const sumOf = (codes: string[], end: 0 | 1) =>
        codes.reduce((sum, code) => sum + range.get(code)![end], 0);
      moved = narrow(group.total, sumOf(parts, 0), sumOf(parts, 1)) || moved;
      const [totalLow, totalHigh] = range.get(group.total)!;
      for (const code of parts) {
        const others = parts.filter((other) => other !== code);
        moved = narrow(code, totalLow - sumOf(others, 1), totalHigh - sumOf(others, 0)) || moved;
      }
    }
  }
  return [...hidden].find(([code, kind]) => {
    const [low, high] = range.get(code) ?? [0, 1];
    return kind === 'klein' && countOf.get(code)! > 0 && low === high;
  })?.[0];
}

/** Whether the row's percentage is hidden: with its count, or with the count of its base. */
export function percentageHidden(row: FigureRow, hidden: ReadonlyMap<string, Suppression>): boolean {
  if (row.base === undefined) return false;
  if (hidden.has(row.code) || row.base < SMALL_CELL_THRESHOLD) return true;
  return row.baseCode !== undefined && hidden.has(row.baseCode);
}
