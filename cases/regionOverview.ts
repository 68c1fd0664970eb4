/**
 * The figures of one region for its coordinator, from Temporal visibility: open cases by phase,
 * cases past a partner's deadline by partner, open cases by casemanager, new meldingen per ISO
 * week (the last 12, Dutch time), and the cases flagged for the case consultation.
 *
 * Counts, never lists, wherever a figure is a number: `count` answers from the visibility index
 * without sending 50,000 executions over the wire. The server groups a count only by
 * ExecutionStatus (SQL visibility, server 1.32: `GROUP BY CsgPhase` is refused), so a figure per
 * value is one count per value of its closed list, all asked at once. Only the flagged cases are
 * listed (few by nature; capped), each then asked for its note by the state query, as the note
 * stays out of visibility.
 */
import type { Client } from '@temporalio/client';
import { lastIsoWeeks } from '../domain/isoWeeks';
import {
  CASE_PHASES,
  PARTNER_ROLES,
  RECIPIENT_TIERS,
  type CasePhase,
  type PartnerRole,
} from '../domain/vocabulary';
import { caseState, type CasusoverlegFlag } from '../workflows/messages';
import { visibilityTime } from './opsQueries';

/** The weeks the chart shows. */
export const OVERVIEW_WEEKS = 12;
/** The flagged cases listed (with their note); more are counted, not listed. */
export const FLAGGED_SHOWN = 50;

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
  const count = async (query: string) => (await client.workflow.count(query)).count;

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
        const state = await client.workflow
          .getHandle(reference)
          .query(caseState)
          .catch(() => undefined);
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

    const [byPhase, byPartner, perWeek, casemanagers, flagged] = await Promise.all([
      Promise.all(CASE_PHASES.map((phase) => count(`${open} AND CsgPhase = ${literal(phase)}`))),
      Promise.all(PARTNER_ROLES.map((role) => count(`${overdue} AND ${partyOf(role)}`))),
      Promise.all(
        weeks.map((w) =>
          count(
            `${region} AND StartTime >= '${visibilityTime(w.start)}' AND StartTime < '${visibilityTime(w.end)}'`,
          ),
        ),
      ),
      perCasemanager(open, regionId),
      flaggedCases(open),
    ]);

    return {
      regionId,
      at: now.toISOString(),
      openTotal: byPhase.reduce((sum, n) => sum + n, 0),
      openByPhase: CASE_PHASES.map((phase, i) => ({ phase, count: byPhase[i]! })),
      overdueByPartner: PARTNER_ROLES.map((role, i) => ({ role, count: byPartner[i]! })).filter(
        (p) => p.count > 0,
      ),
      perCasemanager: casemanagers,
      newPerWeek: weeks.map((w, i) => ({
        year: w.year,
        week: w.week,
        from: w.start.toISOString(),
        count: perWeek[i]!,
      })),
      flagged: flagged.flagged,
      flaggedTotal: flagged.total,
    };
  };
}

export type RegionOverviewSource = ReturnType<typeof createRegionOverview>;
