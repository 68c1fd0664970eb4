/**
 * The casemanager's worklist ("mijn casussen"): the running cases they own, each with its next due
 * contact and the requests that wait on partners, the most urgent first.
 *
 * One visibility list finds the cases (`ownerFilter`, running melding cases picked here, capped at
 * WORKLIST_CAP) and brings each case's worklist row from its memo (workflows/worklistRow.ts); only
 * a case without a row (started before the row was kept) is asked for its state, at most
 * WORKLIST_CONCURRENCY queries at a time. Codes, times and ids only: no victim data, like the
 * case state itself.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { daysUntil } from '../domain/localTime';
import { CASE_PHASES, PARTNER_ROLES, REQUEST_KINDS, TASK_STATES } from '../domain/vocabulary';
import type { CasePhase, PartnerRole, RequestKind } from '../domain/types';
import type { CaseState } from '../workflows/messages';
import { CsgOvergedragenNaar, CsgRegion } from '../workflows/searchAttributes';
import { WORKLIST_MEMO_KEY, worklistRowOf, type RowTask, type WorklistRow } from '../workflows/worklistRow';
import { MELDING_WORKFLOW_TYPE } from './meldingClient';
import { ownerFilter } from './ownership';

/**
 * The most cases one worklist lists. A casemanager carries tens of cases, not hundreds; beyond the
 * cap the list holds the first WORKLIST_CAP cases visibility answers (in no guaranteed order),
 * says so (`capped`), and the rest are reached by the case search or the coordinator.
 */
export const WORKLIST_CAP = 200;
/** How many state queries run at once: enough to be quick, few enough not to swamp the server. */
export const WORKLIST_CONCURRENCY = 8;

/** The references visibility found, their rows where the memo holds one, and whether there were more than the cap. */
export interface OwnedCases {
  references: string[];
  capped: boolean;
  /** Each case's worklist row from its memo, by reference; a case without one is asked for its state. */
  rows?: ReadonlyMap<string, WorklistRow>;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is string => isString(v) && !Number.isNaN(Date.parse(v));

/**
 * The worklist row in a memo, or undefined when there is none or it is not one this code reads (a
 * row of another shape is treated as no row: the state query answers for that case).
 */
export function rowFromMemo(memo: Record<string, unknown> | undefined): WorklistRow | undefined {
  const raw = memo?.[WORKLIST_MEMO_KEY];
  if (typeof raw !== 'object' || raw === null) return undefined;
  const row = raw as Record<string, unknown>;
  if (row.transferredTo !== undefined && !isString(row.transferredTo)) return undefined;
  if (!isString(row.regionId) || !(CASE_PHASES as readonly unknown[]).includes(row.phase)) return undefined;
  if (!Array.isArray(row.waitingOnPartners)) return undefined;
  const requestsOk = row.waitingOnPartners.every((r: unknown) => isRowRequest(r) && isTime(r.dueBy));
  if (!requestsOk) return undefined;
  if (row.nextContact !== undefined) {
    const c = row.nextContact as Record<string, unknown> | null;
    if (
      typeof c !== 'object' ||
      c === null ||
      !isTime(c.at) ||
      (c.source !== 'open' && c.source !== 'gepland')
    )
      return undefined;
  }
  if (row.tasks !== undefined && !(Array.isArray(row.tasks) && row.tasks.every(isRowTask))) return undefined;
  if (
    row.failedContacts !== undefined &&
    !(Number.isInteger(row.failedContacts) && Number(row.failedContacts) > 0)
  )
    return undefined;
  return raw as WorklistRow;
}

/** What every request in a row names: its id, kind and role. */
function isRowRequest(value: unknown): value is Record<string, unknown> {
  const q = value as Record<string, unknown> | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    isString(q.requestId) &&
    (REQUEST_KINDS as readonly unknown[]).includes(q.kind) &&
    (PARTNER_ROLES as readonly unknown[]).includes(q.role)
  );
}

function isRowTask(value: unknown): value is RowTask {
  return (
    isRowRequest(value) &&
    (TASK_STATES as readonly unknown[]).includes(value.state) &&
    (value.appointmentAt === undefined || isTime(value.appointmentAt))
  );
}

/** A melding case still running: the owner's list also holds their closed cases, picked out here. */
function isRunningMelding(execution: WorkflowExecutionInfo): boolean {
  return execution.type === MELDING_WORKFLOW_TYPE && execution.status.name === 'RUNNING';
}

/** In (or transferred to) one of `regions`, by the case's search attributes; any case without `regions`. */
function inOneOf(execution: WorkflowExecutionInfo, regions: readonly string[] | undefined): boolean {
  if (regions === undefined) return true;
  const region = execution.typedSearchAttributes.get(CsgRegion);
  const transferredTo = execution.typedSearchAttributes.get(CsgOvergedragenNaar);
  return regions.some((id) => id === region || id === transferredTo);
}

/**
 * The running cases `staffId` owns, at most `cap`, with the rows their memos hold; with
 * `regions`, only cases in (or transferred to) those regions. The visibility filter names the
 * owner alone: SQLite answers that from the owner's index, while adding the status and the
 * workflow type makes it scan the store, so those (and the regions) are checked here, before the
 * cap counts a case.
 */
export async function listOwned(
  client: Pick<Client, 'workflow'>,
  staffId: string,
  regions?: readonly string[],
  cap = WORKLIST_CAP,
): Promise<OwnedCases> {
  const references: string[] = [];
  const rows = new Map<string, WorklistRow>();
  for await (const execution of client.workflow.list({ query: ownerFilter(staffId) })) {
    if (!isRunningMelding(execution) || !inOneOf(execution, regions)) continue;
    if (references.length === cap) return { references, capped: true, rows };
    references.push(execution.workflowId);
    const row = rowFromMemo(execution.memo);
    if (row) rows.set(execution.workflowId, row);
  }
  return { references, capped: false, rows };
}

/** Where a due moment stands against today, in Dutch calendar days. */
export type Urgency = 'te_laat' | 'vandaag' | 'later';

/** The contact with the victim that comes next: a check-in under way (its deadline) or the planned one. */
export interface NextContact {
  at: string;
  /** `open`: the check-in runs and waits to be recorded; `gepland`: the next one in the plan. */
  source: 'open' | 'gepland';
  /** 1-based place in the region's plan, of `of`, for a planned check-in. */
  number?: number;
  of?: number;
  screening?: boolean;
  urgency: Urgency;
}

/** An open request that waits on a partner (anyone but the casemanager). */
export interface WaitingRequest {
  requestId: string;
  kind: RequestKind;
  role: PartnerRole;
  dueBy: string;
  overdue: boolean;
}

export interface WorklistCase {
  reference: string;
  regionId: string;
  phase: CasePhase;
  nextContact?: NextContact;
  waitingOnPartners: WaitingRequest[];
  /** Consecutive failed contact attempts, when there are any. */
  failedContacts?: number;
  /** The partners' tasks under way, the next appointment first (the place is on the case page). */
  tasks?: RowTask[];
}

export interface Worklist {
  /** By the next due contact, the earliest (so the overdue) first; cases without one last. */
  cases: WorklistCase[];
  /** More cases than WORKLIST_CAP: the list is not complete. */
  capped: boolean;
}

/**
 * Overdue once the moment has passed; today while it falls later on today's Dutch calendar day.
 */
export function urgencyOf(at: string, now: Date): Urgency {
  if (Date.parse(at) <= now.getTime()) return 'te_laat';
  return daysUntil(at, now) === 0 ? 'vandaag' : 'later';
}

/** The next due contact of a state (see `rowContactOf`), with its urgency today. */
export function nextContactOf(state: CaseState, now: Date): NextContact | undefined {
  return worklistCaseFromRow(state.reference, worklistRowOf(state), now).nextContact;
}

/** One case's row on the page: the kept row with today's urgency and what is overdue. */
export function worklistCaseFromRow(reference: string, row: WorklistRow, now: Date): WorklistCase {
  const contact = row.nextContact;
  return {
    reference,
    regionId: row.regionId,
    phase: row.phase,
    ...(contact ? { nextContact: { ...contact, urgency: urgencyOf(contact.at, now) } } : {}),
    waitingOnPartners: row.waitingOnPartners.map((r) => ({
      requestId: r.requestId,
      kind: r.kind,
      role: r.role,
      dueBy: r.dueBy,
      overdue: Date.parse(r.dueBy) <= now.getTime(),
    })),
    ...(row.failedContacts ? { failedContacts: row.failedContacts } : {}),
    ...(row.tasks?.length ? { tasks: row.tasks } : {}),
  };
}

/** One case's row from its state: what is due next and what waits on partners (soonest first). */
export function worklistCaseOf(state: CaseState, now: Date): WorklistCase {
  return worklistCaseFromRow(state.reference, worklistRowOf(state), now);
}

/** By the next due contact, earliest first; cases without one last, by reference. */
export function byNextContact(a: WorklistCase, b: WorklistCase): number {
  const at = (c: WorklistCase) => (c.nextContact ? Date.parse(c.nextContact.at) : Number.POSITIVE_INFINITY);
  return at(a) - at(b) || a.reference.localeCompare(b.reference);
}

/** `fn` over `items`, at most `limit` at a time, answers in the items' order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * The worklist from the owned references: each case from the row its memo holds, passed by
 * `servesRow`; a case without a row from its state read by `readState` (undefined for a case gone,
 * closed meanwhile or outside the staff member's regions: left out).
 */
export async function buildWorklist(
  owned: OwnedCases,
  readState: (reference: string) => Promise<CaseState | undefined>,
  now: Date,
  servesRow: (row: WorklistRow) => boolean = () => true,
): Promise<Worklist> {
  const rows = owned.rows ?? new Map<string, WorklistRow>();
  const unkept = owned.references.filter((reference) => !rows.has(reference));
  const states = await mapLimited(unkept, WORKLIST_CONCURRENCY, (reference) =>
    readState(reference).catch(() => undefined),
  );
  const fromStates = states
    .filter((s): s is CaseState => s !== undefined)
    .map((s) => [s.reference, worklistRowOf(s)] as const);
  const fromMemos = owned.references.flatMap((reference) => {
    const row = rows.get(reference);
    return row && servesRow(row) ? [[reference, row] as const] : [];
  });
  const cases = [...fromMemos, ...fromStates]
    .filter(([, row]) => row.phase !== 'afgesloten')
    .map(([reference, row]) => worklistCaseFromRow(reference, row, now))
    .sort(byNextContact);
  return { cases, capped: owned.capped };
}
