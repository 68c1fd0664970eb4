/**
 * The melding's vocabulary, shared by the workflow, the activities, the intake service and the CLI.
 *
 * The closed lists (channels, roles, wishes, windows, kinds, outcomes, ...) live in
 * `domain/vocabulary.ts`, the incident time and its checks in `domain/incidentTime.ts`; their
 * types are re-exported here so the rest of the code has one place to import shapes from. This
 * file adds the structured shapes built from them. It is loaded into every workflow sandbox, so
 * it imports nothing but plain modules (and the reopening shape of `domain/koppeling.ts`). Dutch words are used where they are the
 * domain's own words (see the glossary in the README).
 */
import type { Reopening } from './koppeling';
import type { IncidentTime } from './incidentTime';
import type { WeekHours } from './officeHours';
import type {
  AgeBand,
  CallerRole,
  CaseOutcome,
  ForensicPartner,
  Gender,
  GuardianRelation,
  IntakeChannel,
  MedicalPartner,
  MedicalWish,
  PartnerRole,
  PoliceWish,
  RecipientTier,
  RequestKind,
  TriageBasis,
  TriageWindow,
  YesNoUnknown,
} from './vocabulary';

export type { IncidentTime, IncidentTimeKind } from './incidentTime';
export { PARTNER_ROLES, REQUEST_KINDS } from './vocabulary';
export type {
  AgeBand,
  CallerRole,
  CaseOutcome,
  CasePhase,
  CheckInOutcome,
  ForensicPartner,
  Gender,
  IntakeChannel,
  MedicalPartner,
  MedicalWish,
  NoticeKind,
  PartnerRole,
  PoliceWish,
  RecipientTier,
  RequestKind,
  RequestStatus,
  TriageBasis,
  TriageWindow,
  YesNoUnknown,
} from './vocabulary';

/** Age in years, or a band when the caller does not know or will not say. */
export type VictimAge =
  { kind: 'years'; years: number } | { kind: 'band'; band: AgeBand } | { kind: 'unknown' };

/** What the victim wants now; both may change later through decisions on the running case. */
export interface VictimWishes {
  police: PoliceWish;
  medicalCare: MedicalWish;
}

/** Which ways of reaching the victim are safe. A perpetrator may share the phone or the inbox. */
export interface ContactPreferences {
  safeToCall: boolean;
  safeToText: boolean;
  safeToEmail: boolean;
}

/**
 * Personal contact details. Only ever shown to a partner who needs them and whose sharing the
 * victim consented to (the casemanager always, as part of the CSG itself). Never logged, never in
 * search attributes, memo, ids or SMS text.
 */
export interface VictimContact {
  name?: string;
  phone?: string;
  email?: string;
  /** YYYY-MM-DD; identifying, so shared like the other contact details. */
  dateOfBirth?: string;
}

/**
 * The parent or guardian of a minor victim, as the intake records it. Personal data like the
 * victim's contact: in the encrypted payloads, on the case page for roles that see contact
 * details, in the privacy export, erased with the case; never in logs, search attributes or memos.
 */
export interface Guardian {
  relation: GuardianRelation;
  name: string;
  phone?: string;
}

/** The intake as helpline staff record it. Validated by `domain/intakeSchema.ts` before any case starts. */
export interface MeldingIntake {
  /** The melding reference; also the workflow id. Never derived from personal data. */
  reference: string;
  channel: IntakeChannel;
  callerRole: CallerRole;
  incidentTime: IncidentTime;
  victimAge: VictimAge;
  /** Municipality where the victim lives; decides the region (Gennep and Mook en Middelaar: Gelderland-Zuid en -Midden). */
  municipality: string;
  onlineComponent: boolean;
  immediateDanger: boolean;
  wishes: VictimWishes;
  contactPreferences: ContactPreferences;
  victimContact: VictimContact;
  /**
   * Practical notes for whoever contacts the victim (language, interpreter, when calling is safe).
   * Never the account of the incident: the system keeps no narrative. Shared like contact details.
   */
  practicalNotes?: string;
  /** The victim's language as a code (nl, ar, tr, ...); shared like contact details. */
  language?: string;
  /** Whether whoever contacts the victim needs an interpreter; shared like contact details. */
  interpreterNeeded?: boolean;
  /** For a victim under 18: a parent or guardian, if the helpline recorded one. */
  guardian?: Guardian;
  /**
   * Whether the victim wants a few questions about the help received once the case has ended
   * (the later decision `ervaringsvragen` changes it); absent: no.
   */
  experienceQuestions?: boolean;
  /** For the semester figures; absent in intakes from before, counted as `onbekend`. */
  gender?: Gender;
  /** Has the victim experienced sexual abuse before? For the semester figures; absent = `onbekend`. */
  earlierSexualAbuse?: YesNoUnknown;
  /** ISO time the intake was registered (the helpline's clock, not the incident). */
  receivedAt: string;
  /** Pseudonymous staff id of the helpline worker. */
  recordedBy: string;
}

export interface TriageResult {
  window: TriageWindow;
  acute: boolean;
  basis: TriageBasis;
  forensicPartner: ForensicPartner;
  medicalPartner: MedicalPartner;
  /** Latest moment the FMO is still useful (end of the acute window), ISO; absent when not acute. */
  fmoDeadline?: string;
}

/** One step of an escalation ladder: whom to notify, and how long to wait for an answer. */
export interface EscalationStep {
  tier: RecipientTier;
  waitMinutes: number;
}

/** A check-in of the watchful-waiting schedule, counted in days from the intake. */
export interface CheckInPlan {
  day: number;
  screening: boolean;
}

/**
 * The region's pathway settings, copied into the workflow input at start so that a running case
 * keeps the rules it started with (and replays deterministically).
 */
export interface PathwaySettings {
  regionId: string;
  /** Acknowledgement ladder for the casemanager handover. */
  casemanagerLadder: { acute: EscalationStep[]; nonAcute: EscalationStep[] };
  /** Ladder for every other partner request (police, FMO, medical, GGZ). */
  partnerLadder: EscalationStep[];
  /** Ladder for a check-in: remind the casemanager, then escalate to the coordinator. */
  checkInLadder: EscalationStep[];
  checkIns: CheckInPlan[];
  /** Whether an FMO is offered while the victim is still undecided about the police. */
  fmoWhenUndecided: boolean;
  /**
   * After this many consecutive failed contact attempts the coordinator decides (close, keep
   * trying, another route). Absent in cases started before: DEFAULT_MAX_FAILED_CONTACTS.
   */
  maxFailedContacts?: number;
  /**
   * When each partner's desk is staffed (domain/officeHours.ts); a role left out is there around
   * the clock. Absent in cases started before office hours were known, and where no partner
   * has them.
   */
  officeHours?: Partial<Record<PartnerRole, WeekHours>>;
  /** The Dutch calendar days (YYYY-MM-DD) the partners are closed: public holidays and the region's own. */
  closedDays?: string[];
}

/** What a partner may see about the victim for one request; already filtered by consent. */
export interface SharedDetails {
  reference: string;
  kind: RequestKind;
  role: PartnerRole;
  triageWindow: TriageWindow;
  victimAge?: VictimAge;
  municipality?: string;
  contact?: VictimContact;
  contactPreferences?: ContactPreferences;
  practicalNotes?: string;
  language?: string;
  interpreterNeeded?: boolean;
  /** A minor's parent or guardian, to the roles whose task needs them (domain/sharingFields.ts). */
  guardian?: Guardian;
  /** Plain-words note of what is asked, e.g. "FMO gecombineerd met medische zorg". */
  note?: string;
}

/** The melding workflow's single argument: the validated intake and the region's pathway settings. */
export interface MeldingWorkflowInput {
  intake: MeldingIntake;
  pathway: PathwaySettings;
  /** Earlier meldingen of the same person this one is linked to at intake (references only). */
  linkedTo?: string[];
  /** Set when this melding reopens a closed case (domain/koppeling.ts). */
  reopening?: Reopening;
}

/** What the workflow returns when the case ends. No personal data. */
export interface MeldingResult {
  reference: string;
  outcome: CaseOutcome;
  closedAt: string;
}
