/**
 * Search attributes for ops: region, phase, triage window, who the case waits for and since when,
 * the earliest deadline and the highest escalation level among open requests.
 *
 * Codes, times and counts only: search attributes are stored unencrypted. Only changed values are
 * upserted, so a long case does not fill its history with identical upserts.
 */
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { upsertSearchAttributes } from '@temporalio/workflow';
import type { CasePhase, TriageWindow } from '../domain/types';
import {
  CsgAwaitedDeadline,
  CsgAwaitedParty,
  CsgAwaitedSince,
  CsgCasemanager,
  CsgCoordinatorAwaited,
  CsgDeliveryFailed,
  CsgEscalationLevel,
  CsgHandoverOpenSince,
  CsgPhase,
  CsgRegion,
  CsgTriageWindow,
} from './searchAttributes';

export interface OpenRequestSummary {
  role: string;
  tier: string;
  dueBy: number;
  since: number;
  escalationLevel: number;
}

export interface VisibleCase {
  regionId: string;
  phase: CasePhase;
  triageWindow: TriageWindow;
  open: OpenRequestSummary[];
  /**
   * The attributes for ops; absent for cases that run on the pathway from before
   * (patch 'ops-visibility'), which so upsert exactly what they did.
   */
  ops?: {
    /** requestedAt of the open casemanager handover, if any. */
    handoverOpenSince: number | null;
    deliveryFailed: boolean;
  };
  /** The owner's staff id; absent until a casemanager owns the case (cases from before never upsert it). */
  casemanager?: string;
}

type Values = Record<string, string | number | null>;

function valuesOf(c: VisibleCase): Values {
  // The party awaited is the one whose deadline comes first: that is where ops look.
  const first = [...c.open].sort((a, b) => a.dueBy - b.dueBy)[0];
  return {
    CsgRegion: c.regionId,
    CsgPhase: c.phase,
    CsgTriageWindow: c.triageWindow,
    CsgAwaitedParty: first ? `${first.role}/${first.tier}` : null,
    CsgAwaitedSince: first ? first.since : null,
    CsgAwaitedDeadline: first ? first.dueBy : null,
    CsgEscalationLevel: c.open.length ? Math.max(...c.open.map((r) => r.escalationLevel)) : 0,
    ...(c.ops
      ? {
          CsgHandoverOpenSince: c.ops.handoverOpenSince,
          CsgCoordinatorAwaited: c.open.some((r) => r.tier === 'coordinator') ? 1 : 0,
          CsgDeliveryFailed: c.ops.deliveryFailed ? 1 : 0,
        }
      : {}),
    ...(c.casemanager !== undefined ? { CsgCasemanager: c.casemanager } : {}),
  };
}

/** Returns a publisher that upserts only what changed since its last call. */
export function searchAttributePublisher(): (c: VisibleCase) => void {
  let last: Values = {};
  return (c) => {
    const next = valuesOf(c);
    const pairs: SearchAttributeUpdatePair[] = [];
    const date = (v: string | number | null) => (v === null ? null : new Date(v));
    for (const [name, value] of Object.entries(next)) {
      if (last[name] === value) continue;
      switch (name) {
        case 'CsgRegion':
          pairs.push({ key: CsgRegion, value: value as string });
          break;
        case 'CsgPhase':
          pairs.push({ key: CsgPhase, value: value as string });
          break;
        case 'CsgTriageWindow':
          pairs.push({ key: CsgTriageWindow, value: value as string });
          break;
        case 'CsgAwaitedParty':
          pairs.push({ key: CsgAwaitedParty, value: value as string | null });
          break;
        case 'CsgAwaitedSince':
          pairs.push({ key: CsgAwaitedSince, value: date(value) });
          break;
        case 'CsgAwaitedDeadline':
          pairs.push({ key: CsgAwaitedDeadline, value: date(value) });
          break;
        case 'CsgEscalationLevel':
          pairs.push({ key: CsgEscalationLevel, value: value as number });
          break;
        case 'CsgHandoverOpenSince':
          pairs.push({ key: CsgHandoverOpenSince, value: date(value) });
          break;
        case 'CsgCoordinatorAwaited':
          pairs.push({ key: CsgCoordinatorAwaited, value: value === 1 });
          break;
        case 'CsgDeliveryFailed':
          pairs.push({ key: CsgDeliveryFailed, value: value === 1 });
          break;
        case 'CsgCasemanager':
          pairs.push({ key: CsgCasemanager, value: value as string });
          break;
      }
    }
    last = next;
    if (pairs.length) upsertSearchAttributes(pairs);
  };
}
