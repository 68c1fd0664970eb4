/**
 * What each kind of case file record holds (its `data`): the one shape the workflow's writes and
 * every reader share. Every record carries the case state right after the milestone, so a reader
 * shows the case as it last stood from the newest record alone.
 */
import type { MeldingIntake, TriageResult } from '../domain/types';
import type { CaseState } from '../workflows/messages';

/** The melding as taken in, the victim's details included. */
export type IntakeInput = MeldingIntake;

/** Every record carries the case state right after the milestone (the caseState query's value, no personal data). */
export interface RecordBase {
  state: CaseState;
}

export interface IntakeRecordData extends RecordBase {
  intake: IntakeInput;
}
export interface TriageRecordData extends RecordBase {
  triage: TriageResult;
}
export interface BesluitRecordData extends RecordBase {
  decision: { type: string; input: unknown; by?: string; updateId: string };
}
export interface CorrectieRecordData extends RecordBase {
  correction: {
    fields: string[];
    values: Record<string, unknown>;
    reason: string;
    by?: string;
    updateId: string;
  };
}
export interface PartnerverzoekRecordData extends RecordBase {
  request: { id: string; kind: string; role: string; tier?: string; attempt?: number; sentAt: string };
}
export interface PartnerverzoekUitkomstRecordData extends RecordBase {
  request: { id: string; status: string; by?: string; at: string };
}
export interface CheckinRecordData extends RecordBase {
  /** The contact or check-in as the workflow recorded it. */
  checkIn: Record<string, unknown>;
}
export interface AfsluitingRecordData extends RecordBase {
  closing: { outcome?: string; reason?: string };
}

/** Each record kind's data. */
export interface RecordDataOf {
  intake: IntakeRecordData;
  triage: TriageRecordData;
  besluit: BesluitRecordData;
  correctie: CorrectieRecordData;
  partnerverzoek: PartnerverzoekRecordData;
  partnerverzoek_uitkomst: PartnerverzoekUitkomstRecordData;
  checkin: CheckinRecordData;
  afsluiting: AfsluitingRecordData;
}
