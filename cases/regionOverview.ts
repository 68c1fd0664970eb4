/**
 * The figures of one region for its coordinator, from Temporal visibility: open cases by phase,
 * cases past a partner's deadline by partner, open cases by casemanager, new meldingen per ISO
 * week (the last 12, Dutch time), and the cases flagged for the case consultation.
 *
 * A figure per value (per phase, per partner, per week) would be one `GROUP BY` count, but the
 * server groups counts only by ExecutionStatus (SQL visibility, server 1.32: `GROUP BY CsgPhase`
 * is refused). So each figure first counts its whole (one call); when that is a few hundred
 * executions at most, one listing of them is grouped here (one call more), and only a larger
 * whole is counted value by value (one call per value of the closed list). Every call of one
 * overview is made at once. The flagged cases are listed (few by nature; capped), each then asked
 * for its note by the state query (bounded in time), as the note stays out of visibility.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { lastIsoWeeks } from '../domain/isoWeeks';
import {
  CASE_PHASES,
  PARTNER_ROLES,
  RECIPIENT_TIERS,
  type CasePhase,
  type PartnerRole,
} from '../domain/vocabulary';
import { caseState, type CasusoverlegFlag } from '../workflows/messages';
import { CsgAwaitedParty, CsgPhase } from '../workflows/searchAttributes';
import { visibilityTime } from './opsQueries';

/** The weeks the chart shows. */
export const OVERVIEW_WEEKS = 12;
/** The flagged cases listed (with their note); more are counted, not listed. */
export const FLAGGED_SHOWN = 50;
/** Up to this many executions, a figure is one listing grouped here rather than a count per value. */
export const LIST_AT_MOST = 300;
/** A flagged case whose worker does not answer by then is shown without its note. */
export const NOTE_WAIT_MS = 2_000;

/**
 * The search attribute naming a case's casemanager (Keyword, the staff id). It is registered by
 * the casemanager's ownership of the case; until the server knows it, the per-casemanager figure
 * says "not yet known" instead of failing the page.
 */
export const CASEMANAGER_ATTRIBUTE = 'CsgCasemanager';

export interface RegionOverview {
  regionId: string;
  /** When the figures were asked (ISO). */
  at: string;
  openTotal: number;
  /** Every phase, zero included, in the pathway's order. */
  openByPhase: { phase: CasePhase; count: number }[];
  /** Open cases past the deadline of the partner they wait for first; only roles with any. */
  overdueByPartner: { role: PartnerRole; count: number }[];
  perCasemanager: CasemanagerFigure;
  /** Oldest first; the current week runs until now. */
  newPerWeek: { year: number; week: number; from: string; count: number }[];
  flagged: FlaggedCase[];
  /** All flagged open cases of the region (may exceed `flagged.length`). */
  flaggedTotal: number;
}

export type CasemanagerFigure =
  | { status: 'unknown' }
  | {
      status: 'ok';
      /** Per casemanager of the region's directory who has any, most first. */
      counts: { staffId: string; count: number }[];
      /** Open cases that name no casemanager yet. */
      unassigned: number;
      /** Open cases with a casemanager outside the given list (e.g. from another region). */
      others: number;
    };

export interface FlaggedCase {
  reference: string;
  /** Absent when the case could not be asked (its worker busy or down). */
  flag?: CasusoverlegFlag;
}

export interface RegionOverviewDeps {
  client: Client;
  /** The staff ids of the region's casemanagers, whose open cases are counted one by one. */
  casemanagers: (regionId: string) => readonly string[];
  /** Up to how many executions a figure is listed and grouped (default LIST_AT_MOST; 0: always counted per value). */
  listAtMost?: number;
}

/** A visibility string literal: region ids and staff ids are codes, but quote them safely anyway. */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Is this the server refusing a query over a search attribute it does not know? */
function unknownAttribute(error: unknown, name: string): boolean {
  const texts: string[] = [];
  for (let e: unknown = error; e instanceof Error && texts.length < 4; e = e.cause) texts.push(e.message);
  return texts.some((t) => t.includes(name));
}

export function createRegionOverview(deps: RegionOverviewDeps) {
  const { client } = deps;
  const listAtMost = deps.listAtMost ?? LIST_AT_MOST;
  const count = async (query: string) => (await client.workflow.count(query)).count;

  /**
   * How many executions `query` matches, and how many of them fall under each key: from one
   * listing grouped by `keyOf` when they are few, else from one count per key (`queryOf`).
   */
  async function perKey<K>(
    query: string,
    keys: readonly K[],
    keyOf: (execution: WorkflowExecutionInfo) => K | undefined,
    queryOf: (key: K) => string,
  ): Promise<{ total: number; counts: number[] }> {
    const total = await count(query);
    if (total === 0) return { total, counts: keys.map(() => 0) };
    if (total > listAtMost) return { total, counts: await Promise.all(keys.map((k) => count(queryOf(k)))) };
    const tally = new Map<K, number>();
    for await (const execution of client.workflow.list({ query, pageSize: listAtMost })) {
      const key = keyOf(execution);
      if (key !== undefined) tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    return { total, counts: keys.map((k) => tally.get(k) ?? 0) };
  }

  async function perCasemanager(open: string, regionId: string): Promise<CasemanagerFigure> {
    const attr = CASEMANAGER_ATTRIBUTE;
    let unassigned: number;
    try {
      unassigned = await count(`${open} AND ${attr} IS NULL`);
    } catch (error) {
      if (unknownAttribute(error, attr)) return { status: 'unknown' };
      throw error;
    }
    const staff = [...new Set(deps.casemanagers(regionId))];
    const [all, ...each] = await Promise.all([
      count(`${open} AND ${attr} IS NOT NULL`),
      ...staff.map((id) => count(`${open} AND ${attr} = ${literal(id)}`)),
    ]);
    const counts = staff
      .map((staffId, i) => ({ staffId, count: each[i]! }))
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || a.staffId.localeCompare(b.staffId));
    const named = counts.reduce((sum, c) => sum + c.count, 0);
    return { status: 'ok', counts, unassigned, others: Math.max(0, all! - named) };
  }

  async function flaggedCases(open: string): Promise<{ flagged: FlaggedCase[]; total: number }> {
    const query = `${open} AND CsgCasusoverleg = true`;
    const references: string[] = [];
    for await (const execution of client.workflow.list({ query, pageSize: FLAGGED_SHOWN })) {
      references.push(execution.workflowId);
      if (references.length >= FLAGGED_SHOWN) break;
    }
    const total = references.length < FLAGGED_SHOWN ? references.length : await count(query);
    const flagged = await Promise.all(
      references.sort().map(async (reference): Promise<FlaggedCase> => {
        const asked = client.workflow.getHandle(reference).query(caseState);
        const state = await Promise.race([
          asked,
          new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), NOTE_WAIT_MS).unref()),
        ]).catch(() => undefined);
        asked.catch(() => undefined); // a late failure after the wait is no longer anyone's
        return state?.casusoverleg ? { reference, flag: state.casusoverleg } : { reference };
      }),
    );
    return { flagged, total };
  }

  /** The region's figures at `now`. Every visibility call of one overview is made at once. */
  return async function regionOverview(regionId: string, now: Date): Promise<RegionOverview> {
    const region = `CsgRegion = ${literal(regionId)}`;
    const open = `ExecutionStatus = 'Running' AND ${region}`;
    const weeks = lastIsoWeeks(now, OVERVIEW_WEEKS);
    const overdue = `${open} AND CsgAwaitedDeadline < '${visibilityTime(now)}'`;
    const partyOf = (role: PartnerRole) =>
      `CsgAwaitedParty IN (${RECIPIENT_TIERS.map((tier) => literal(`${role}/${tier}`)).join(', ')})`;

    const roleOf = (e: WorkflowExecutionInfo) =>
      e.typedSearchAttributes.get(CsgAwaitedParty)?.split('/')[0] as PartnerRole | undefined;
    const weekOf = (e: WorkflowExecutionInfo) => {
      const at = e.startTime.getTime();
      const i = weeks.findIndex((w) => w.start.getTime() <= at && at < w.end.getTime());
      return i >= 0 ? i : undefined;
    };
    const started = (from: Date, to: Date) =>
      `${region} AND StartTime >= '${visibilityTime(from)}' AND StartTime < '${visibilityTime(to)}'`;

    const [byPhase, byPartner, perWeek, casemanagers, flagged] = await Promise.all([
      perKey(
        open,
        CASE_PHASES,
        (e) => e.typedSearchAttributes.get(CsgPhase) as CasePhase | undefined,
        (phase) => `${open} AND CsgPhase = ${literal(phase)}`,
      ),
      perKey(overdue, PARTNER_ROLES, roleOf, (role) => `${overdue} AND ${partyOf(role)}`),
      perKey(
        started(weeks[0]!.start, weeks.at(-1)!.end),
        weeks.map((_, i) => i),
        weekOf,
        (i) => started(weeks[i]!.start, weeks[i]!.end),
      ),
      perCasemanager(open, regionId),
      flaggedCases(open),
    ]);

    return {
      regionId,
      at: now.toISOString(),
      openTotal: byPhase.total,
      openByPhase: CASE_PHASES.map((phase, i) => ({ phase, count: byPhase.counts[i]! })),
      overdueByPartner: PARTNER_ROLES.map((role, i) => ({ role, count: byPartner.counts[i]! })).filter(
        (p) => p.count > 0,
      ),
      perCasemanager: casemanagers,
      newPerWeek: weeks.map((w, i) => ({
        year: w.year,
        week: w.week,
        from: w.start.toISOString(),
        count: perWeek.counts[i]!,
      })),
      flagged: flagged.flagged,
      flaggedTotal: flagged.total,
    };
  };
}

export type RegionOverviewSource = ReturnType<typeof createRegionOverview>;
