/**
 * The visibility queries ops use to find stuck cases, one place for the ops handbook
 * (docs/operations.md), the CLI and the tests. Temporal's list filter syntax, for the Web UI's filter box and for
 * `temporal workflow list --query`. Strings are single-quoted so the whole filter fits in a shell
 * double-quoted argument, where `$NOW` and `$SINCE_15_MIN` are filled in by `date`.
 *
 * Each filter has `ExecutionStatus = 'Running'`: a closed case keeps its last search attributes
 * until retention removes it, and ops look for cases that can still be moved on.
 */

export interface OpsQuery {
  /** What ops ask, in Dutch, as the ops handbook says it. */
  title: string;
  filter: string;
}

export const OPS_QUERIES = {
  over_termijn: {
    title: 'Elk geval dat op een partner wacht en over de termijn is',
    filter: "ExecutionStatus = 'Running' AND CsgAwaitedDeadline < '$NOW'",
  },
  acuut_casemanager_15_min: {
    title: 'Acute gevallen die langer dan 15 minuten op een casemanager wachten',
    filter:
      "ExecutionStatus = 'Running' AND CsgTriageWindow IN ('binnen_72_uur', 'binnen_7_dagen') AND CsgHandoverOpenSince < '$SINCE_15_MIN'",
  },
  bij_coordinator: {
    title: 'Gevallen die bij de coördinator liggen',
    filter: "ExecutionStatus = 'Running' AND CsgCoordinatorAwaited = true",
  },
  regio: {
    title: 'Gevallen in één regio',
    filter: "ExecutionStatus = 'Running' AND CsgRegion = 'limburg'",
  },
  // A municipality no CSG region holds yet: the national coordinator has the case until ops place it.
  zonder_regio: {
    title: 'Gevallen bij de landelijk coördinator: woongemeente nog zonder CSG-regio',
    filter: "ExecutionStatus = 'Running' AND CsgRegion = 'landelijk'",
  },
  aflevering_mislukt: {
    title: 'Gevallen met een mislukte aflevering',
    filter: "ExecutionStatus = 'Running' AND CsgDeliveryFailed = true",
  },
} satisfies Record<string, OpsQuery>;

export type OpsQueryName = keyof typeof OPS_QUERIES;

/** "2026-11-24T03:12:00Z": the form `date -u +%Y-%m-%dT%H:%M:%SZ` prints, and the filters expect. */
export function visibilityTime(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/** The filter with "now" filled in, as the shell snippet in the ops handbook does. */
export function fillOpsQuery(filter: string, now: Date): string {
  return filter
    .replaceAll('$NOW', visibilityTime(now))
    .replaceAll('$SINCE_15_MIN', visibilityTime(new Date(now.getTime() - 15 * 60_000)));
}
