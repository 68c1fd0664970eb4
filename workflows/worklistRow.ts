/**
 * A case's row on its owner's worklist, as the workflow keeps it in its memo: what is due next and
 * which requests wait on partners. The worklist reads these rows from one visibility list instead
 * of asking every case for its state. Codes, times and request ids only, never victim data; how
 * urgent a moment is depends on the day the list is read, so that is worked out when it is read.
 */
import type { CasePhase, PartnerRole, RequestKind } from '../domain/types';
import type { TaskState } from '../domain/vocabulary';
import type { CaseState } from './messages';

/** The memo key the row is kept under. */
export const WORKLIST_MEMO_KEY = 'werklijst';

/** The next contact with the victim: the deadline of a check-in under way, or the planned one. */
export interface RowContact {
  at: string;
  /** `open`: the check-in runs and waits to be recorded; `gepland`: the next one in the plan. */
  source: 'open' | 'gepland';
  /** 1-based place in the region's plan, of `of`, for a planned check-in. */
  number?: number;
  of?: number;
  screening?: boolean;
}

/** An open request that waits on a partner (anyone but the casemanager). */
export interface RowRequest {
  requestId: string;
  kind: RequestKind;
  role: PartnerRole;
  dueBy: string;
}

/**
 * A partner's task under way (not final, not cancelled): its state and, once scheduled, when. The
 * place stays out of the memo (typed by a partner); the case page shows it.
 */
export interface RowTask {
  requestId: string;
  kind: RequestKind;
  role: PartnerRole;
  state: TaskState;
  appointmentAt?: string;
}

export interface WorklistRow {
  regionId: string;
  /** The region a transfer hands the case to, while it ends: its staff see the case too. */
  transferredTo?: string;
  phase: CasePhase;
  nextContact?: RowContact;
  /** Soonest deadline first. */
  waitingOnPartners: RowRequest[];
  /** Failed contact attempts in a row, when there are any (the plan's cases only). */
  failedContacts?: number;
  /** The tasks under way, the next appointment first; absent when there are none. */
  tasks?: RowTask[];
}

/** The tasks under way, scheduled ones by their appointment first, then the others as made. */
export function rowTasksOf(state: CaseState): RowTask[] {
  const live = state.requests.filter(
    (r) =>
      r.task !== undefined &&
      r.status !== 'cancelled' &&
      r.task.state !== 'uitgevoerd' &&
      r.task.state !== 'niet_uitgevoerd',
  );
  const at = (r: (typeof live)[number]) =>
    r.task?.appointment ? Date.parse(r.task.appointment.at) : Number.POSITIVE_INFINITY;
  return [...live]
    .sort((a, b) => at(a) - at(b))
    .map((r) => ({
      requestId: r.requestId,
      kind: r.kind,
      role: r.role,
      state: r.task!.state,
      ...(r.task!.appointment ? { appointmentAt: r.task!.appointment.at } : {}),
    }));
}

/**
 * The next due contact: the deadline of a check-in under way, else the planned next check-in. A
 * running check-in comes before the plan's next one (the plan may still name the running one).
 */
export function rowContactOf(state: CaseState): RowContact | undefined {
  const open = state.openRequests
    .filter((r) => r.kind === 'checkin')
    .sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy))[0];
  if (open) return { at: open.dueBy, source: 'open' };
  const planned = state.nextCheckIn;
  if (!planned) return undefined;
  return {
    at: planned.at,
    source: 'gepland',
    number: planned.number,
    of: planned.of,
    screening: planned.screening,
  };
}

/**
 * The row for a case's state: read only through the state the case query answers. `tasks: false`
 * leaves the tasks out, as a case kept its row before it kept them (the workflow's patch decides).
 */
export function worklistRowOf(state: CaseState, options: { tasks?: boolean } = {}): WorklistRow {
  const nextContact = rowContactOf(state);
  const tasks = options.tasks === false ? [] : rowTasksOf(state);
  return {
    regionId: state.regionId,
    ...(state.transferredTo ? { transferredTo: state.transferredTo } : {}),
    phase: state.phase,
    ...(nextContact ? { nextContact } : {}),
    waitingOnPartners: state.openRequests
      .filter((r) => r.role !== 'casemanager')
      .sort((a, b) => Date.parse(a.dueBy) - Date.parse(b.dueBy))
      .map((r) => ({ requestId: r.requestId, kind: r.kind, role: r.role, dueBy: r.dueBy })),
    ...(state.failedContacts ? { failedContacts: state.failedContacts } : {}),
    ...(tasks.length ? { tasks } : {}),
  };
}
