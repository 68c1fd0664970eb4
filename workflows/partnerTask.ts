/**
 * A partner request as a task (TASK_KINDS, in cases after the patch requests-as-tasks): requested,
 * then accepted (the acknowledgement) or declined with a coded reason; once accepted, scheduled
 * and finally done or not done. A decline hands the request at once to the next tier of its
 * ladder; a decline at the last step keeps it open for ops, its escalation level raised.
 *
 * The request's status stays what the pathway waits on: a decline leaves it open, the acceptance
 * makes it acknowledged, and the later steps leave it acknowledged. So nothing that waits for an
 * acknowledgement (the GGZ referral, the acute phase, the ending) waits any longer for a task.
 *
 * The step's update refuses what does not fit the task's state with a message naming the field,
 * and changes nothing. A link acts as for the acknowledgement: after the acceptance the ladder
 * stands still, so the link that accepted (its tier and attempts) still acts until the task is final.
 */
import { patched } from '@temporalio/workflow';
import { ISO_TIME_MESSAGE, isoTime } from '../domain/checkIns';
import type { Appointment, TaskStep } from '../domain/decisions';
import {
  APPOINTMENT_PLACE_MAX,
  DECLINE_REASONS,
  NOT_DONE_REASONS,
  TASK_ACTIONS,
  TASK_KINDS,
  TASK_OUTCOMES,
  type RequestKind,
} from '../domain/vocabulary';
import type { MeldingCase } from './caseState';
import { setRecordedHandler } from './caseFileMilestones';
import { recordTaskStep, type RequestView, type TaskView } from './messages';
import type { TaskSummary } from './opsDetails';
import type { PartnerRequest } from './partnerRequest';
import { ensureBy, ensureLinkStillAwaited, ensureOneOf } from './validation';

export const TASKS_PATCH = 'requests-as-tasks';

export const isTaskKind = (kind: RequestKind): boolean => (TASK_KINDS as readonly string[]).includes(kind);

/**
 * The task a request of `kind` starts with at `at`: none for the other kinds, nor in a case from
 * before tasks (the patch is asked only for a task kind, so other requests add no marker).
 */
export function newTask(kind: RequestKind, at: string): TaskView | undefined {
  if (!isTaskKind(kind) || !patched(TASKS_PATCH)) return undefined;
  return { state: 'aangevraagd', declines: [], updatedAt: at };
}

/** The request was accepted (acknowledged) by `by`: its task, if it has one, is accepted. */
export function acceptTask(view: RequestView, by: string): void {
  if (!view.task) return;
  view.task.state = 'geaccepteerd';
  view.task.updatedAt = new Date().toISOString();
  view.task.updatedBy = by;
}

function ensureAppointment(value: unknown): asserts value is Appointment {
  if (typeof value !== 'object' || value === null) {
    throw new Error('step.appointment: expected { at, place } of the appointment');
  }
  const { at, place } = value as Partial<Record<keyof Appointment, unknown>>;
  if (isoTime(at) === undefined) throw new Error(`step.appointment.at: ${ISO_TIME_MESSAGE}`);
  if (typeof place !== 'string' || place.trim() === '') {
    throw new Error('step.appointment.place: expected the place of the appointment');
  }
  if (place.trim().length > APPOINTMENT_PLACE_MAX) {
    throw new Error(`step.appointment.place: expected at most ${APPOINTMENT_PLACE_MAX} characters`);
  }
}

/** The step is well-formed: an action of TASK_ACTIONS with its coded reason, outcome or appointment. */
function ensureStep(step: unknown): asserts step is TaskStep {
  if (typeof step !== 'object' || step === null) throw new Error('step: expected { action, ... }');
  const given = step as Record<string, unknown>;
  ensureOneOf('step.action', given.action, TASK_ACTIONS);
  if (given.action === 'afwijzen') ensureOneOf('step.reason', given.reason, DECLINE_REASONS);
  else if (given.action === 'plannen') ensureAppointment(given.appointment);
  else if (given.action === 'uitgevoerd') ensureOneOf('step.outcome', given.outcome, TASK_OUTCOMES);
  else ensureOneOf('step.reason', given.reason, NOT_DONE_REASONS);
}

/** The step fits where the task stands (see TASK_STATES). */
function ensureFitsState(view: RequestView, task: TaskView, step: TaskStep): void {
  if (step.action === 'afwijzen') {
    if (view.status !== 'open') {
      throw new Error('step: the task is already accepted; it can no longer be declined');
    }
    if (task.state === 'afgewezen') {
      throw new Error('step: the task is already declined; it waits for the next step of its ladder');
    }
    return;
  }
  if (view.status === 'open') throw new Error('step: the task is not accepted yet; accept it first');
  if (task.state === 'uitgevoerd' || task.state === 'niet_uitgevoerd') {
    throw new Error(`step: the task is already final (${task.state}); no further step is taken`);
  }
}

/** The request the step is for: a task still in play. */
function taskRequest(c: MeldingCase, requestId: unknown): PartnerRequest & { view: { task: TaskView } } {
  const request = typeof requestId === 'string' ? c.requests.get(requestId) : undefined;
  if (!request) throw new Error(`requestId: unknown request "${String(requestId).slice(0, 60)}"`);
  const { view } = request;
  if (!view.task) {
    throw new Error(
      isTaskKind(view.kind)
        ? `requestId: request "${view.requestId}" was made before tasks; it is only acknowledged`
        : `requestId: request "${view.requestId}" is not a task (${TASK_KINDS.join(', ')})`,
    );
  }
  if (view.status === 'cancelled' || !c.liveOfKind([view.kind]).includes(request)) {
    throw new Error(`requestId: request "${view.requestId}" was called off; its partner was told`);
  }
  return request as PartnerRequest & { view: { task: TaskView } };
}

/** What the case's history says of a step: codes only, never the place. */
function valueOf(step: TaskStep): string {
  switch (step.action) {
    case 'afwijzen':
      return `afwijzen: ${step.reason}`;
    case 'plannen':
      return 'plannen';
    case 'uitgevoerd':
      return `uitgevoerd: ${step.outcome}`;
    case 'niet_uitgevoerd':
      return `niet_uitgevoerd: ${step.reason}`;
  }
}

/** Takes the step on the task; a decline then hands the request to its ladder's next tier. */
function takeStep(c: MeldingCase, request: PartnerRequest, task: TaskView, step: TaskStep, by: string): void {
  const at = new Date().toISOString();
  task.updatedAt = at;
  task.updatedBy = by;
  switch (step.action) {
    case 'afwijzen':
      task.declines.push({ tier: request.view.awaitedTier, reason: step.reason, at, by });
      task.state = 'afgewezen';
      break;
    case 'plannen':
      task.appointment = { at: step.appointment.at, place: step.appointment.place.trim() };
      task.state = 'gepland';
      break;
    case 'uitgevoerd':
      task.outcome = step.outcome;
      task.state = 'uitgevoerd';
      break;
    case 'niet_uitgevoerd':
      task.notDoneReason = step.reason;
      task.state = 'niet_uitgevoerd';
      break;
  }
  c.decide('taak', by, valueOf(step), request.view.requestId);
  if (step.action === 'afwijzen') request.passOn();
  // The ops details follow (no command: nothing ops filter on changed).
  c.publish();
}

/** The tasks a partner took a step on, for the ops details (never the place). */
export function taskSummaries(requests: Iterable<PartnerRequest>): { tasks?: TaskSummary[] } {
  const tasks: TaskSummary[] = [];
  for (const { view } of requests) {
    if (!view.task || view.task.state === 'aangevraagd' || view.status === 'cancelled') continue;
    const at = view.task.state === 'gepland' ? isoTime(view.task.appointment?.at) : undefined;
    tasks.push({
      role: view.role,
      state: view.task.state,
      ...(at !== undefined ? { appointmentAt: at } : {}),
    });
  }
  return tasks.length ? { tasks } : {};
}

/** The partner's steps on a task (the update recordTaskStep); recorded in the case file like every decision. */
export function registerTaskSteps(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    recordTaskStep,
    ({ requestId, step, by }) => {
      const request = c.requests.get(requestId)!;
      takeStep(c, request, request.view.task!, step, by);
      return c.state();
    },
    {
      validator: ({ requestId, step, by, link }) => {
        ensureBy(by);
        if (c.completed) throw new Error('the case is closed');
        const request = taskRequest(c, requestId);
        ensureStep(step);
        ensureLinkStillAwaited(request.view, link, c.casemanager);
        ensureFitsState(request.view, request.view.task, step);
      },
    },
  );
}
