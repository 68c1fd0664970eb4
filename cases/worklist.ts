/**
 * The casemanager's worklist ("mijn casussen"): the running cases they own, each with its next due
 * contact and the requests that wait on partners, the most urgent first.
 *
 * Visibility finds the cases (`ownedByFilter`, capped at WORKLIST_CAP); each case's state query
 * then says what is due, at most WORKLIST_CONCURRENCY queries at a time. Codes, times and ids
 * only: no victim data, like the case state itself.
 */
import type { Client } from '@temporalio/client';
import { daysUntil } from '../domain/localTime';
import type { CasePhase, PartnerRole, RequestKind } from '../domain/types';
import type { CaseState } from '../workflows/messages';
import { inRegions } from './find';
import { ownedByFilter } from './ownership';

/**
 * The most cases one worklist lists. A casemanager carries tens of cases, not hundreds; beyond the
 * cap the list holds the first WORKLIST_CAP cases visibility answers (in no guaranteed order),
 * says so (`capped`), and the rest are reached by the case search or the coordinator.
 */
export const WORKLIST_CAP = 200;
/** How many state queries run at once: enough to be quick, few enough not to swamp the server. */
export const WORKLIST_CONCURRENCY = 8;

/** The references visibility found, and whether there were more than the cap. */
export interface OwnedCases {
  references: string[];
  capped: boolean;
}

/**
 * The running cases `staffId` owns, at most `cap`; with `regions`, only cases in (or transferred
 * to) those regions.
 */
export async function listOwned(
  client: Pick<Client, 'workflow'>,
  staffId: string,
  regions?: readonly string[],
  cap = WORKLIST_CAP,
): Promise<OwnedCases> {
  const references: string[] = [];
  for await (const execution of client.workflow.list({ query: inRegions(ownedByFilter(staffId), regions) })) {
    if (references.length === cap) return { references, capped: true };
    references.push(execution.workflowId);
  }
  return { references, capped: false };
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

/**
 * The next due contact: the deadline of a check-in under way, else the planned next check-in. A
 * running check-in comes before the plan's next one (the plan may still name the running one).
 */
export function nextContactOf(state: CaseState, now: Date): NextContact | undefined {
  const open = state.openRequests
    .filter((r) => r.kind === 'checkin')
    .sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy))[0];
  if (open) return { at: open.dueBy, source: 'open', urgency: urgencyOf(open.dueBy, now) };
  const planned = state.nextCheckIn;
  if (!planned) return undefined;
  return {
    at: planned.at,
    source: 'gepland',
    number: planned.number,
    of: planned.of,
    screening: planned.screening,
    urgency: urgencyOf(planned.at, now),
  };
}

/** One case's row: what is due next and what waits on partners (soonest first). */
export function worklistCaseOf(state: CaseState, now: Date): WorklistCase {
  const nextContact = nextContactOf(state, now);
  const waitingOnPartners = state.openRequests
    .filter((r) => r.role !== 'casemanager')
    .sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy))
    .map((r) => ({
      requestId: r.requestId,
      kind: r.kind,
      role: r.role,
      dueBy: r.dueBy,
      overdue: Date.parse(r.dueBy) <= now.getTime(),
    }));
  return {
    reference: state.reference,
    regionId: state.regionId,
    phase: state.phase,
    ...(nextContact ? { nextContact } : {}),
    waitingOnPartners,
    ...(state.failedContacts ? { failedContacts: state.failedContacts } : {}),
  };
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
 * The worklist from the owned references: each case's state read by `readState` (undefined for a
 * case gone, closed meanwhile or outside the staff member's regions: left out).
 */
export async function buildWorklist(
  owned: OwnedCases,
  readState: (reference: string) => Promise<CaseState | undefined>,
  now: Date,
): Promise<Worklist> {
  const states = await mapLimited(owned.references, WORKLIST_CONCURRENCY, (reference) =>
    readState(reference).catch(() => undefined),
  );
  const cases = states
    .filter((s): s is CaseState => s !== undefined && s.phase !== 'afgesloten')
    .map((s) => worklistCaseOf(s, now))
    .sort(byNextContact);
  return { cases, capped: owned.capped };
}
