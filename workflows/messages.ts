/**
 * Every message the melding workflow understands, defined once and imported by both the workflow
 * and its callers (intake service, CLI, scripts, tests), so names and payloads cannot drift.
 *
 * Decisions that need an answer are Updates (validated; a rejected update changes nothing), one
 * per entry of the decision table in domain/decisions.ts, which also holds their input types;
 * delivery reports from the SMS provider are a signal (nobody waits for an answer); the case
 * state is a query and holds no personal data.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  DECISION_NAMES,
  DECISIONS,
  type Appointment,
  type DecisionInputs,
  type DecisionName,
  type DecisionRecordType,
  type FmoOffer,
} from '../domain/decisions';
import type { Reopening } from '../domain/koppeling';
import type { SharingBasis } from '../domain/sharing';
import type {
  CheckInPlanStatus,
  ContactOutcome,
  DeclineReason,
  NotDoneReason,
  ScreeningResult,
  TaskOutcome,
  TaskState,
} from '../domain/vocabulary';
import type {
  CaseOutcome,
  CasePhase,
  MedicalWish,
  MeldingIntake,
  PartnerRole,
  PoliceWish,
  RecipientTier,
  RequestKind,
  RequestStatus,
  SharedDetails,
  TriageResult,
} from '../domain/types';
import type { DeliveryChannel } from '../activities/types';

export type {
  AangifteInput,
  AcknowledgeInput,
  CheckInInput,
  ConsentInput,
  ContactDetailsInput,
  ContactInput,
  ExtensionInput,
  FailedContactsInput,
  GgzReferralInput,
  PlanningInput,
  ContactPreferencesInput,
  CorrectionInput,
  ExperienceConsentInput,
  FmoOffer,
  IncidentTimeInput,
  LanguageInput,
  LinkInput,
  MedicalWishInput,
  MunicipalityInput,
  OwnerInput,
  PoliceWishInput,
  TaskStepInput,
  TransferInput,
  VictimAgeInput,
  WithdrawInput,
} from '../domain/decisions';
export type { RequestStatus } from '../domain/types';

export interface DeliveryStatusInput {
  requestId: string;
  attempt: number;
  channel: DeliveryChannel;
  /** Twilio's final statuses, or a bounce from the mail side. */
  status: 'delivered' | 'undelivered' | 'failed';
  /** Non-personal provider code, e.g. Twilio's ErrorCode. */
  errorCode?: string;
}

/** A request as a task (TASK_KINDS): where it stands and what the partner gave. */
export interface TaskView {
  state: TaskState;
  /** Once scheduled: when and where (the latest one given). */
  appointment?: Appointment;
  /** Once done. */
  outcome?: TaskOutcome;
  /** Once not done. */
  notDoneReason?: NotDoneReason;
  /** Every decline, in order: the tier that declined, why, when and who. */
  declines: Array<{ tier: RecipientTier; reason: DeclineReason; at: string; by: string }>;
  /** The last step's time and who took it. */
  updatedAt: string;
  updatedBy?: string;
}

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
  /** The last notification's attempt number (each step, each re-send adds one). */
  attempt?: number;
  /**
   * The first attempt sent to the awaited tier (and owner) since it became the awaited one: a
   * partner's link acts only for attempts from here on (domain/linkBinding.ts).
   */
  awaitedFromAttempt?: number;
  /** The staff id of the owner while the awaited tier is `owner` (their own address was used). */
  addressee?: string;
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
  /** The request as a task (TASK_KINDS, cases after the patch requests-as-tasks). */
  task?: TaskView;
}

/** What a case's history records: see DECISION_RECORD_TYPES in domain/decisions.ts. */
export type DecisionType = DecisionRecordType;

export interface DecisionRecord {
  at: string;
  by: string;
  type: DecisionType;
  /** Plain, non-personal value, e.g. "ja", "zedenpolitie: gegeven", "gaat_goed". */
  value: string;
  requestId?: string;
}

/**
 * The check-in of watchful waiting the case waits for (or runs now): when it is planned, which of
 * the region's check-ins it is, and whether it is a screening.
 */
export interface NextCheckIn {
  /** ISO time the check-in starts: its day after the intake. */
  at: string;
  /** 1-based place in the region's plan, of `of` check-ins in all. */
  number: number;
  of: number;
  screening: boolean;
}

/** One check-in of the watchful-waiting plan, past or future. */
export interface PlannedCheckIn {
  /** `checkin-dag-<day>` from the region's schedule, `checkin-extra-<n>` added, `checkin-poging-<n>` a retry. */
  id: string;
  /** ISO time it starts (is planned to, or did). */
  at: string;
  screening: boolean;
  status: CheckInPlanStatus;
}

/**
 * A contact with the victim as recorded, from the worklist, the case page or the partner link (a
 * check-in answered there: reached unless `geen_contact`). The note is how the victim is doing:
 * it stays in the case, never in a search attribute, the memo or a log.
 */
export interface ContactRecord {
  at: string;
  by: string;
  reached: boolean;
  outcome?: ContactOutcome;
  screening?: ScreeningResult;
  note?: string;
  retryAt?: string;
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
  /** The medical-care wish as it stands now (the intake's, or the latest correction). */
  medicalWish?: MedicalWish;
  /** The earlier meldingen of the same person this one is linked to (references). */
  linkedTo?: string[];
  /** The closed case this melding reopens, why and by whom. */
  reopening?: Reopening;
  /**
   * The region the case is handed to (a region id), once a transfer is under way or done; kept
   * after a withdrawal during the transfer, as that region's coordinator was told of the case.
   */
  transferredTo?: string;
  /** During watchful waiting (not closing): the check-in that comes next, see NextCheckIn. */
  nextCheckIn?: NextCheckIn;
  /** The owner: the staff id of the casemanager who accepted the handover or was handed the case. */
  casemanager?: string;
  /** Flagged for the next case consultation: the note (staff text, not victim data), who and when. */
  casusoverleg?: CasusoverlegFlag;
  /*
   * Watchful waiting as it happens. The workflow always answers these; optional only for states
   * recorded or built elsewhere before they existed.
   */
  /** The watchful-waiting plan in time order, past and future (empty until watchful waiting starts). */
  checkInPlan?: PlannedCheckIn[];
  /** The contacts recorded, oldest first. */
  contacts?: ContactRecord[];
  /** Consecutive failed contact attempts; at the region's maximum the coordinator decides. */
  failedContacts?: number;
  /** Whether watchful waiting was extended to six months. */
  extended?: boolean;
}

/** A case's flag for the case consultation (domain/casusoverleg.ts). */
export interface CasusoverlegFlag {
  note: string;
  by: string;
  at: string;
}

/**
 * One update per decision of the table in domain/decisions.ts, under the table's update name.
 * Every update answers with the case state after the decision.
 */
export const decisionUpdates = Object.fromEntries(
  DECISION_NAMES.map((name) => [name, defineUpdate(DECISIONS[name].update)]),
) as { [K in DecisionName]: UpdateDefinition<CaseState, [DecisionInputs[K]]> };

export const acknowledgeRequest = decisionUpdates.ontvangstbevestiging;
export const recordTaskStep = decisionUpdates.taak;
export const recordCheckIn = decisionUpdates.checkin;
export const recordPoliceWish = decisionUpdates.politiewens;
export const recordConsent = decisionUpdates.toestemming;
export const correctIncidentTime = decisionUpdates.incidenttijd;
export const withdraw = decisionUpdates.intrekking;
export const transfer = decisionUpdates.overdracht;
export const recordAangifte = decisionUpdates.aangifte;
export const correctVictimAge = decisionUpdates.leeftijd;
export const correctMunicipality = decisionUpdates.gemeente;
export const correctContactDetails = decisionUpdates.contactgegevens;
export const correctContactPreferences = decisionUpdates.veilige_kanalen;
export const recordMedicalWish = decisionUpdates.medische_wens;
export const correctLanguage = decisionUpdates.taal;
export const linkMelding = decisionUpdates.koppeling;
export const changeOwner = decisionUpdates.eigenaar;
export const recordExperienceConsent = decisionUpdates.ervaringsvragen;
export const flagForCasusoverleg = decisionUpdates.casusoverleg;
export const recordContact = decisionUpdates.contactmoment;
export const planCheckIns = decisionUpdates.planning;
export const extendWatchfulWaiting = decisionUpdates.verlenging;
export const referToGgz = decisionUpdates.ggz_verwijzing;
export const decideAfterFailedContacts = decisionUpdates.contactpogingen;
export const askSecondRing = decisionUpdates.tweede_ring;

export const deliveryStatus = defineSignal<[DeliveryStatusInput]>('deliveryStatus');

export const caseState = defineQuery<CaseState>('caseState');
/** What the partner behind one request may see (consent-filtered); null when the request is unknown or closed. */
export const handoverDetails = defineQuery<SharedDetails | null, [string]>('handoverDetails');
/**
 * The intake as the case holds it (as corrected), for reopening a closed case as a new melding.
 * Personal data: only the case client asks it, and it is never logged or shown.
 */
export const intakeForReopening = defineQuery<MeldingIntake>('intakeForReopening');
