/**
 * Every message the melding workflow understands, defined once and imported by both the workflow
 * and its callers (intake service, CLI, scripts, tests), so names and payloads cannot drift.
 *
 * Decisions that need an answer are Updates (validated; a rejected update changes nothing);
 * delivery reports from the SMS provider are a signal (nobody waits for an answer); the case
 * state is a query and holds no personal data.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { SharingBasis } from '../domain/sharing';
import type {
  CaseOutcome,
  CasePhase,
  CheckInOutcome,
  IncidentTime,
  PartnerRole,
  PoliceWish,
  RecipientTier,
  RequestKind,
  SharedDetails,
  TriageResult,
} from '../domain/types';
import type { DeliveryChannel } from '../activities/types';

/** Every decision names who recorded it: a pseudonymous staff or partner id, never a victim's name. */
interface RecordedBy {
  by: string;
}

export interface AcknowledgeInput extends RecordedBy {
  requestId: string;
}
export interface CheckInInput extends RecordedBy {
  requestId: string;
  outcome: CheckInOutcome;
  /** Only on a screening check-in: does the screening point to PTSS? */
  ptss?: boolean;
}
export interface PoliceWishInput extends RecordedBy {
  wish: PoliceWish;
}
export interface ConsentInput extends RecordedBy {
  /** The partner the victim allows (or no longer allows) to receive their details. */
  role: PartnerRole;
  given: boolean;
}
export interface IncidentTimeInput extends RecordedBy {
  incidentTime: IncidentTime;
}
export type WithdrawInput = RecordedBy;
export interface TransferInput extends RecordedBy {
  toRegionId: string;
}
/** Whether the victim says they made an aangifte (for the semester figures). */
export interface AangifteInput extends RecordedBy {
  made: boolean;
}
export interface DeliveryStatusInput {
  requestId: string;
  attempt: number;
  channel: DeliveryChannel;
  /** Twilio's final statuses, or a bounce from the mail side. */
  status: 'delivered' | 'undelivered' | 'failed';
  /** Non-personal provider code, e.g. Twilio's ErrorCode. */
  errorCode?: string;
}

export type RequestStatus = 'open' | 'acknowledged' | 'cancelled';

export interface RequestView {
  requestId: string;
  kind: RequestKind;
  role: PartnerRole;
  status: RequestStatus;
  requestedAt: string;
  /** Deadline of the current ladder step. */
  dueBy: string;
  /** 0 = first notification; each step up the ladder (or a failed delivery) adds one. */
  escalationLevel: number;
  awaitedTier: RecipientTier;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  /** Hard deadline beyond the ladder, e.g. the end of the acute window for an FMO. */
  deadline?: string;
  /**
   * What the partner could see behind the last message sent for this request, decided at send
   * time: the victim's details (`csg`, `toestemming`) or the reference and the question only, and
   * why (`geen_toestemming`, `toestemming_ingetrokken`). Absent until the first send.
   */
  sharing?: SharingBasis;
}

export type DecisionType =
  | 'intake'
  | 'politie_wens'
  | 'toestemming'
  | 'incidenttijd'
  | 'ontvangstbevestiging'
  | 'checkin'
  | 'intrekking'
  | 'overdracht'
  // What the pathway offered about the FMO (by "workflow"), e.g. "aangeboden_bij_twijfel".
  | 'fmo_aanbod'
  // "gedaan" or "niet_gedaan", as the victim says (for the semester figures).
  | 'aangifte';

/**
 * What the case did about the FMO: requested because the victim wants to
 * report, offered while undecided (region setting `fmoWhenUndecided`), not offered while undecided,
 * not wanted, or outside the acute window.
 */
export type FmoOffer =
  | 'aangevraagd'
  | 'aangeboden_bij_twijfel'
  | 'niet_aangeboden_bij_twijfel'
  | 'niet_gewenst'
  | 'buiten_acute_termijn';

export interface DecisionRecord {
  at: string;
  by: string;
  type: DecisionType;
  /** Plain, non-personal value, e.g. "ja", "zedenpolitie: gegeven", "gaat_goed". */
  value: string;
  requestId?: string;
}

/** The case as the query returns it: no personal data, safe for the JSON API and ops tooling. */
export interface CaseState {
  reference: string;
  regionId: string;
  phase: CasePhase;
  triage: TriageResult;
  /** Which medical branch was taken, once a medical request exists. */
  medicalBranch?: TriageResult['medicalPartner'];
  openRequests: RequestView[];
  requests: RequestView[];
  decisions: DecisionRecord[];
  outcome?: CaseOutcome;
  /** The FMO branch taken, see FmoOffer. */
  fmoOffer?: FmoOffer;
  /** The police wish as it stands now (the intake's, or the latest decision). */
  policeWish?: PoliceWish;
}

export const acknowledgeRequest = defineUpdate<CaseState, [AcknowledgeInput]>('acknowledgeRequest');
export const recordCheckIn = defineUpdate<CaseState, [CheckInInput]>('recordCheckIn');
export const recordPoliceWish = defineUpdate<CaseState, [PoliceWishInput]>('recordPoliceWish');
export const recordConsent = defineUpdate<CaseState, [ConsentInput]>('recordConsent');
export const correctIncidentTime = defineUpdate<CaseState, [IncidentTimeInput]>('correctIncidentTime');
export const withdraw = defineUpdate<CaseState, [WithdrawInput]>('withdraw');
export const transfer = defineUpdate<CaseState, [TransferInput]>('transfer');

export const recordAangifte = defineUpdate<CaseState, [AangifteInput]>('recordAangifte');

export const deliveryStatus = defineSignal<[DeliveryStatusInput]>('deliveryStatus');

export const caseState = defineQuery<CaseState>('caseState');
/** What the partner behind one request may see (consent-filtered); null when the request is unknown or closed. */
export const handoverDetails = defineQuery<SharedDetails | null, [string]>('handoverDetails');
