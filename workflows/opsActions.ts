/**
 * The ops actions on a running case: re-send a request, re-assign the casemanager handover,
 * close the case with a reason; and the case history query. Registered from melding.ts, which
 * hands in what the actions need; the pathway itself lives in the track modules.
 *
 * Each action is an Update whose validator refuses a wrong request, a closed case or a missing
 * reason with a message naming the field; a refused update changes nothing. Each accepted action
 * is recorded in the case history with who did it. Registering the handlers adds no command, so a
 * running case gets them too; an action only changes a case's commands when it is used.
 */
import { condition, log, setHandler } from '@temporalio/workflow';
import type { CaseState, DecisionRecord } from './messages';
import {
  caseHistory,
  closeCase,
  CLOSE_REASONS,
  HANDOVER_REQUEST_ID,
  HANDOVER_TIERS,
  reassignHandover,
  resendRequest,
  type HistoryEntry,
  type OpsActionType,
} from './opsMessages';
import type { PartnerRequest } from './partnerRequest';
import { ensureBy, ensureOneOf } from './validation';
import { setRecordedHandler, type CaseFileMilestones } from './caseFileMilestones';

export interface OpsCase {
  reference: string;
  requests: () => Iterable<PartnerRequest>;
  /** The outcome when the case is closing or closed, else undefined. */
  closedAs: () => string | undefined;
  /** Ends the case and records who closed it and why; every open request stops, its partners told it lapsed. */
  close: (by: string, reason: string) => void;
  decisions: () => DecisionRecord[];
  state: () => CaseState;
  /** Called after an action, so search attributes, memo and details follow. */
  publish: () => void;
  /** Where each action is recorded for the case file. */
  caseFile: CaseFileMilestones;
}

export interface OpsActions {
  /** Records each rise of a request's escalation level in the history; called on every change. */
  observe(): void;
}

export function registerOpsActions(c: OpsCase): OpsActions {
  /** Ops actions and escalations in the order they happened (an action before its effect). */
  const events: HistoryEntry[] = [];
  const levels = new Map<string, number>();

  const record = (type: OpsActionType, by: string, value: string, requestId?: string) => {
    events.push({
      at: new Date().toISOString(),
      by,
      kind: 'ops',
      type,
      value,
      ...(requestId ? { requestId } : {}),
    });
    log.info('ops action', { meldingRef: c.reference, type, requestId });
  };

  const requireOpen = () => {
    const closed = c.closedAs();
    if (closed) throw new Error(`the case is closing or closed (${closed}); nothing to move on`);
  };
  const find = (requestId: string) => [...c.requests()].find((r) => r.view.requestId === requestId);
  const openRequest = (requestId: unknown): PartnerRequest => {
    if (typeof requestId !== 'string' || requestId === '') {
      throw new Error('requestId: expected the id of an open request, e.g. "casemanager_overdracht"');
    }
    const request = find(requestId);
    if (!request) throw new Error(`requestId: unknown request "${requestId.slice(0, 60)}"`);
    if (!request.isOpen) {
      throw new Error(`requestId: request "${requestId}" is already ${request.view.status}`);
    }
    return request;
  };

  /** Restarts the ladder at `step` and answers once that step's notification is under way. */
  async function restart(request: PartnerRequest, step: number): Promise<void> {
    const sent = request.attempts;
    request.restartFrom(step);
    await condition(() => request.attempts > sent || !request.isOpen);
    c.publish();
  }

  setRecordedHandler(
    c.caseFile,
    resendRequest,
    async ({ requestId, by }) => {
      const request = find(requestId)!;
      const { awaitedTier, role } = request.view;
      record('herinnering', by, `${role}/${awaitedTier}`, requestId);
      await restart(request, request.currentStep);
      return c.state();
    },
    {
      validator: ({ requestId, by }) => {
        ensureBy(by);
        requireOpen();
        openRequest(requestId);
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    reassignHandover,
    async ({ toTier, by }) => {
      const handover = find(HANDOVER_REQUEST_ID)!;
      const from = handover.view.awaitedTier;
      record('toewijzing', by, `casemanager/${from} → casemanager/${toTier}`, HANDOVER_REQUEST_ID);
      await restart(handover, handover.stepFor(toTier)!);
      return c.state();
    },
    {
      validator: ({ toTier, by }) => {
        ensureBy(by);
        ensureOneOf('toTier', toTier, HANDOVER_TIERS);
        requireOpen();
        const handover = find(HANDOVER_REQUEST_ID);
        if (!handover || !handover.isOpen) {
          throw new Error(
            `the casemanager handover is ${handover ? `already ${handover.view.status}` : 'not requested'}`,
          );
        }
        if (handover.view.awaitedTier === toTier) {
          throw new Error(
            `toTier: the handover already awaits the ${toTier} casemanager; use resendRequest to notify again`,
          );
        }
        if (handover.stepFor(toTier) === undefined) {
          throw new Error(`toTier: this region's handover ladder has no ${toTier} step`);
        }
      },
    },
  );

  setRecordedHandler(
    c.caseFile,
    closeCase,
    ({ reason, by }) => {
      record('sluiting', by, reason);
      c.close(by, reason);
      c.publish();
      return c.state();
    },
    {
      validator: (input) => {
        const { reason, by } = (input ?? {}) as { reason?: unknown; by?: unknown };
        ensureBy(by);
        if (reason === undefined || reason === '') {
          throw new Error(`reason: a reason is required, one of ${CLOSE_REASONS.join(', ')}`);
        }
        ensureOneOf('reason', reason, CLOSE_REASONS);
        requireOpen();
      },
    },
  );

  setHandler(caseHistory, () => {
    // The closing is in the decisions too (for the case page); here it is the ops action above.
    const decisions: HistoryEntry[] = c
      .decisions()
      .filter((d) => d.type !== 'sluiting')
      .map((d) => ({
        at: d.at,
        by: d.by,
        kind: 'besluit',
        type: d.type,
        value: d.value,
        ...(d.requestId ? { requestId: d.requestId } : {}),
      }));
    // Stable sort: entries of the same moment keep their order (decisions first, then the rest).
    return [...decisions, ...events]
      .map((entry, i) => ({ entry, i }))
      .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.i - b.i)
      .map(({ entry }) => ({ ...entry }));
  });

  return {
    observe() {
      for (const r of c.requests()) {
        const { requestId, escalationLevel, role, awaitedTier } = r.view;
        const before = levels.get(requestId) ?? 0;
        if (escalationLevel > before) {
          events.push({
            at: new Date().toISOString(),
            by: 'workflow',
            kind: 'escalatie',
            type: 'escalatie',
            value: `${role}/${awaitedTier} niveau ${escalationLevel}`,
            requestId,
          });
        }
        levels.set(requestId, Math.max(before, escalationLevel));
      }
    },
  };
}
