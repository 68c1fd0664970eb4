/**
 * What ops staff can do to a stuck case without a code change, and the case history query.
 * Defined once for the workflow and its callers (ops API, CLI, tests), like messages.ts.
 *
 * Every action names who did it (a pseudonymous staff id) and is recorded in the case history.
 * Only codes: a closing reason is one of a fixed list (CLOSE_REASONS in domain/vocabulary.ts),
 * never free text.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CloseReason, HandoverTier } from '../domain/vocabulary';
import type { CaseState } from './messages';

export { CLOSE_REASONS, HANDOVER_TIERS } from '../domain/vocabulary';
export type { CloseReason, HandoverTier } from '../domain/vocabulary';

/** Notify the tier an open request awaits again, now, with the step's full wait. */
export interface ResendInput {
  requestId: string;
  by: string;
}
/** Give the open casemanager handover to another casemanager of the region's directory. */
export interface ReassignInput {
  toTier: HandoverTier;
  by: string;
}
export interface CloseInput {
  reason: CloseReason;
  by: string;
}

export type HistoryKind = 'besluit' | 'ops' | 'escalatie';
export type OpsActionType = 'herinnering' | 'toewijzing' | 'sluiting';

/** One line of the case history: who decided what, when. Codes and ids, no free text. */
export interface HistoryEntry {
  at: string;
  /** A pseudonymous staff or partner id, or "workflow" for what the pathway did by itself. */
  by: string;
  kind: HistoryKind;
  /** The decision type (messages.ts DecisionType), the ops action, or "escalatie". */
  type: string;
  value: string;
  requestId?: string;
}

export const resendRequest = defineUpdate<CaseState, [ResendInput]>('resendRequest');
export const reassignHandover = defineUpdate<CaseState, [ReassignInput]>('reassignHandover');
export const closeCase = defineUpdate<CaseState, [CloseInput]>('closeCase');
export const caseHistory = defineQuery<HistoryEntry[]>('caseHistory');

/** The request id of the casemanager handover (one per case). */
export const HANDOVER_REQUEST_ID = 'casemanager_overdracht';
