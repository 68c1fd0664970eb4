/**
 * What ops staff can do to a stuck case without a code change, and the case history query.
 * Defined once for the workflow and its callers (ops API, CLI, tests), like messages.ts.
 *
 * Every action names who did it (a pseudonymous staff id) and is recorded in the case history.
 * Only codes: a closing reason is one of a fixed list, never free text.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseState } from './messages';

/** Why ops close a case by hand. Codes only: free text could carry personal data. */
export const CLOSE_REASONS = [
  'dubbele_melding', // the same melding was started twice; the other case carries on
  'onterecht_aangemaakt', // started by mistake (a test, the wrong region, not a melding)
  'slachtoffer_niet_bereikbaar', // the casemanager could not reach the victim after every attempt
  'zorg_elders', // care is arranged outside the CSG pathway
  'afgerond_buiten_systeem', // the pathway was completed, but not recorded in this case
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The tiers of the region's casemanager directory a handover can be given to. */
export const HANDOVER_TIERS = ['primary', 'backup'] as const;
export type HandoverTier = (typeof HANDOVER_TIERS)[number];

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
