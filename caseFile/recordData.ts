/**
 * What each kind of case file record holds in its `data`: the shapes the workflow writes and the
 * case page reads once the workflow is gone. Plain types (the workflow imports them), and one
 * guard for a reader: a record is only trusted for its `state` when that state looks like a case.
 *
 * The reader's rule: the case as it last stood is the `state` of the newest record (by `at`, then
 * order); the victim's details are the `intake` record's details with each `correctie`'s values
 * laid over them in order. A reader tolerates any kind being absent (a case that was running
 * before the workflow wrote the case file has only the records of what happened since).
 */
import type { MeldingIntake, TriageResult } from '../domain/types';
import type { CaseState } from '../workflows/messages';
import type { CaseFileRecordKind } from './recordKinds';

/** The melding as taken in, details included. */
export type IntakeInput = MeldingIntake;

/** Every record carries the case state right after the milestone (the caseState query's value, no personal data). */
export type RecordBase = {
  state: CaseState;
};

export type IntakeRecordData = RecordBase & {
  intake: IntakeInput;
};

export type TriageRecordData = RecordBase & {
  triage: TriageResult;
};

export type DecisionRecordData = RecordBase & {
  /** `type`: the decision's name in domain/decisions.ts, or the ops action's record type. */
  decision: { type: string; input: unknown; by?: string; updateId: string };
};

export type CorrectionRecordData = RecordBase & {
  /**
   * `fields`: what staff corrected, by the update's field names; `values`: the intake's top-level
   * fields as they read after the correction, to lay over the intake's details.
   */
  correction: {
    fields: string[];
    values: Record<string, unknown>;
    reason: string;
    by?: string;
    updateId: string;
  };
};

export type PartnerRequestRecordData = RecordBase & {
  /** The request as first sent (its first ladder step). */
  request: { id: string; kind: string; role: string; tier?: string; attempt?: number; sentAt: string };
};

export type PartnerRequestOutcomeData = RecordBase & {
  /**
   * `status`: `acknowledged`, `cancelled`, `unanswered` (every ladder step passed), or the notice
   * kind (domain/vocabulary.ts NOTICE_KINDS) when the partner was told the request ended.
   */
  request: { id: string; status: string; by?: string; at: string };
};

export type CheckInRecordData = RecordBase & {
  /** The check-in or contact as the workflow recorded it: the decision's input, its update id, the contact. */
  checkIn: Record<string, unknown>;
};

export type ClosingRecordData = RecordBase & {
  closing: { outcome?: string; reason?: string };
};

/** The data of each record kind. */
export interface CaseFileRecordData {
  intake: IntakeRecordData;
  triage: TriageRecordData;
  besluit: DecisionRecordData;
  correctie: CorrectionRecordData;
  partnerverzoek: PartnerRequestRecordData;
  partnerverzoek_uitkomst: PartnerRequestOutcomeData;
  checkin: CheckInRecordData;
  afsluiting: ClosingRecordData;
}

/** One record as the workflow hands it to the `recordInCaseFile` activity. */
export type CaseFileRecordOf<K extends CaseFileRecordKind = CaseFileRecordKind> = {
  [Kind in K]: { key: string; kind: Kind; at: string; data: CaseFileRecordData[Kind] };
}[K];

/** Whether a record's data carries a case state a reader can show (a reference and a phase). */
export function hasCaseState(data: unknown): data is RecordBase {
  if (typeof data !== 'object' || data === null) return false;
  const state = (data as { state?: unknown }).state;
  if (typeof state !== 'object' || state === null) return false;
  const { reference, phase } = state as { reference?: unknown; phase?: unknown };
  return typeof reference === 'string' && typeof phase === 'string';
}
