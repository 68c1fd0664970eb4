/**
 * A double of a case with one FMO request that runs as a task, for the partner pages' tests: it
 * keeps the task's state as the workflow does (accept, decline to the next tier, schedule, done /
 * not done, each refused when it does not fit the state) and, like Temporal, applies an update id
 * once. It records every decision sent with its options, and can play a case that does not answer.
 */
import type { DecideOptions } from '../cases/meldingClient';
import { CaseUnavailableError, type DecisionOutcome, type MeldingService } from '../cases/meldingService';
import type { Decision } from '../domain/decisions';
import type { RecipientTier } from '../domain/vocabulary';
import type { CaseState, RequestView } from '../workflows/messages';

export const TASK_CASE_REF = 'CSG-LIM-2026-654321';
const NEXT_TIER: Record<string, RecipientTier> = { primary: 'backup', backup: 'coordinator' };

function fmoRequest(): RequestView {
  return {
    requestId: 'fmo-1',
    kind: 'fmo',
    role: 'forensisch_arts',
    status: 'open',
    requestedAt: '2026-03-14T09:00:00Z',
    dueBy: '2026-03-14T10:00:00Z',
    escalationLevel: 0,
    attempt: 1,
    awaitedFromAttempt: 1,
    awaitedTier: 'primary',
    task: { state: 'aangevraagd', declines: [], updatedAt: '2026-03-14T09:00:00Z' },
  };
}

/** The case: the task's state as the workflow keeps it; an update id seen before is not applied again. */
export function fakeTaskCase() {
  const sent: Array<{ decision: Decision; options?: DecideOptions }> = [];
  const applied = new Set<string>();
  let request = fmoRequest();
  let unavailable = false;
  const state = () =>
    ({
      reference: TASK_CASE_REF,
      regionId: 'limburg',
      requests: [request],
      openRequests: request.status === 'open' ? [request] : [],
      decisions: [],
    }) as unknown as CaseState;
  const refuse = (field: string, message: string): DecisionOutcome => ({
    status: 'rejected',
    problems: [{ field, message }],
  });
  const at = '2026-03-14T09:30:00Z';
  function apply(decision: Decision) {
    const task = request.task!;
    if (decision.type === 'ontvangstbevestiging') {
      if (request.status !== 'open') return refuse('requestId', 'already acknowledged');
      request = {
        ...request,
        status: 'acknowledged',
        acknowledgedAt: at,
        task: { ...task, state: 'geaccepteerd', updatedAt: at },
      };
      return undefined;
    }
    if (decision.type !== 'taak') return refuse('type', 'not a task decision');
    const { step, by } = decision.input;
    if (step.action === 'afwijzen') {
      if (request.status !== 'open') return refuse('step', 'the task is accepted already');
      const tier = request.awaitedTier!;
      request = {
        ...request,
        awaitedTier: NEXT_TIER[tier]!,
        attempt: request.attempt! + 1,
        awaitedFromAttempt: request.attempt! + 1,
        task: {
          ...task,
          state: 'afgewezen',
          declines: [...task.declines, { tier, reason: step.reason, at, by }],
          updatedAt: at,
        },
      };
      return undefined;
    }
    if (request.status !== 'acknowledged')
      return refuse('step', 'the task is not accepted yet; accept it first');
    if (task.state === 'uitgevoerd' || task.state === 'niet_uitgevoerd') return refuse('step', 'final');
    if (step.action === 'plannen') {
      request = {
        ...request,
        task: { ...task, state: 'gepland', appointment: step.appointment, updatedAt: at },
      };
    } else if (step.action === 'uitgevoerd') {
      request = { ...request, task: { ...task, state: 'uitgevoerd', outcome: step.outcome, updatedAt: at } };
    } else {
      request = {
        ...request,
        task: { ...task, state: 'niet_uitgevoerd', notDoneReason: step.reason, updatedAt: at },
      };
    }
    return undefined;
  }
  const service: MeldingService = {
    start: async () => ({ status: 'invalid', problems: [] }),
    state: async (ref) => (ref === TASK_CASE_REF ? state() : undefined),
    handoverDetails: async () =>
      request.status === 'cancelled'
        ? null
        : {
            reference: TASK_CASE_REF,
            kind: 'fmo',
            role: 'forensisch_arts',
            triageWindow: 'binnen_72_uur',
            contact: { name: 'Voorbeeld Persoon', phone: '+31612345678' },
          },
    async decide(_ref, decision, options) {
      sent.push({ decision, ...(options ? { options } : {}) });
      if (unavailable) throw new CaseUnavailableError();
      const id = options?.updateId;
      if (id && applied.has(id)) return { status: 'ok', state: state() };
      const refusal = apply(decision);
      if (refusal) return refusal;
      if (id) applied.add(id);
      return { status: 'ok', state: state() };
    },
    deliveryStatus: async () => 'signalled',
  };
  return {
    service,
    sent,
    request: () => request,
    setUnavailable: (on: boolean) => {
      unavailable = on;
    },
  };
}
