/**
 * The melding's vocabulary, shared by the workflow, the activities, the intake service and the CLI.
 *
 * Pure types only: this file is loaded into every workflow sandbox, so it holds no code and no
 * imports. Dutch words are used where they are the domain's own words (see the glossary in the
 * README); enum values are stable identifiers, never shown to a victim.
 */

/** How the melding reached the CSG. */
export type IntakeChannel =
  | 'telefoon' // 0800-0188
  | 'chat' // the CSG chat (run by Fier)
  | 'verwijzing_politie'
  | 'verwijzing_veilig_thuis'
  | 'verwijzing_huisarts'
  | 'verwijzing_wijkteam'
  | 'verwijzing_overig';

/** Who is on the line: the victim, a loved one (naaste) or a professional. */
export type CallerRole = 'slachtoffer' | 'naaste' | 'professional';

/**
 * When the incident happened. An approximate time is a range; an unknown time is triaged on the
 * most urgent window it allows until the casemanager corrects it.
 */
export type IncidentTime =
  | { kind: 'exact'; at: string }
  | { kind: 'approximate'; earliest: string; latest: string }
  | { kind: 'unknown' };

/** Age in years, or a band when the caller does not know or will not say. */
export type VictimAge =
  { kind: 'years'; years: number } | { kind: 'band'; band: AgeBand } | { kind: 'unknown' };

/** Bands chosen so that the NFI rule (up to and including 15) can always be decided. */
export type AgeBand = '0-15' | '16-17' | '18+';

/** The victim's wish about contact with the police: yes, no, or not decided yet. */
export type PoliceWish = 'ja' | 'nee' | 'twijfel';

/** What the victim wants now; both may change later through decisions on the running case. */
export interface VictimWishes {
  police: PoliceWish;
  medicalCare: 'ja' | 'nee' | 'twijfel';
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
 * Gender as the helpline records it, for the national semester figures only (never shown to a
 * partner). `onbekend` when the caller does not know or will not say.
 */
export type Gender = 'vrouw' | 'man' | 'anders' | 'onbekend';

/** A yes/no answer the caller may not know: for the semester figures (e.g. earlier sexual abuse). */
export type YesNoUnknown = 'ja' | 'nee' | 'onbekend';

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
  /** For the semester figures (issue 10); absent in intakes from before, counted as `onbekend`. */
  gender?: Gender;
  /** Has the victim experienced sexual abuse before? For the semester figures; absent = `onbekend`. */
  earlierSexualAbuse?: YesNoUnknown;
  /** ISO time the intake was registered (the helpline's clock, not the incident). */
  receivedAt: string;
  /** Pseudonymous staff id of the helpline worker. */
  recordedBy: string;
}

/** Triage windows, measured from the incident. Acute means at most 7 days (inclusive). */
export type TriageWindow = 'binnen_72_uur' | 'binnen_7_dagen' | 'na_7_dagen';

/** What triage was based on: an exact time, the latest moment of a range, or nothing (assumed most urgent). */
export type TriageBasis = 'exact' | 'approximate' | 'unknown';

export interface TriageResult {
  window: TriageWindow;
  acute: boolean;
  basis: TriageBasis;
  /** Who performs the FMO: the NFI for victims up to and including 15, else the local forensisch arts. */
  forensicPartner: 'nfi' | 'forensisch_arts';
  /** Which medical partner: within 72 h the acute partner (e.g. the SEH), after that the region's partner. */
  medicalPartner: 'acute_medische_zorg' | 'medische_zorg_na_72_uur';
  /** Latest moment the FMO is still useful (end of the acute window), ISO; absent when not acute. */
  fmoDeadline?: string;
}

/** Roles of partner organisations in the pathway, as the partner directory knows them. */
export const PARTNER_ROLES = [
  'casemanager',
  'coordinator',
  'zedenpolitie',
  'forensisch_arts',
  'nfi',
  'forensische_opsporing',
  'acute_medische_zorg',
  'medische_zorg_na_72_uur',
  'ggz',
  'slachtofferhulp',
  'veilig_thuis',
] as const;

export type PartnerRole = (typeof PARTNER_ROLES)[number];

/** Who within a role is addressed: the one on duty, the backup, or the region's coordinator. */
export type RecipientTier = 'primary' | 'backup' | 'coordinator';

/** What a partner request asks for. */
export const REQUEST_KINDS = [
  'casemanager_overdracht', // handover to the on-call casemanager
  'informatief_gesprek', // zedenpolitie: informative interview before the aangifte decision
  'fmo', // forensic medical examination (forensisch arts or NFI, with forensische opsporing)
  'medische_zorg', // medical care, coordinated with the FMO
  'checkin', // watchful-waiting check-in by the casemanager
  'ggz_verwijzing', // referral to the region's GGZ partner after a screening that points to PTSS
  'regio_overdracht', // transfer to another region's coordinator
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Notices that close a request without asking anything. */
export type NoticeKind = 'ingetrokken' | 'vervallen' | 'overgedragen';

/** How a case ends. */
export type CaseOutcome =
  | 'afgerond'
  | 'verwezen_ggz'
  | 'overgedragen'
  | 'ingetrokken'
  // Added for issue 10: closed by ops with a reason code (workflows/opsMessages.ts CLOSE_REASONS).
  | 'gesloten';

/** The case's main phase, as ops see it in the Temporal UI. */
export type CasePhase =
  | 'triage'
  | 'acute_zorg' // police, FMO and medical requests under way
  | 'casemanager_overdracht'
  | 'watchful_waiting'
  | 'ggz_verwijzing'
  | 'afgesloten';

/** Check-in outcomes the casemanager records. */
export type CheckInOutcome = 'gaat_goed' | 'stressreactie' | 'geen_contact';

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
  /** Plain-words note of what is asked, e.g. "FMO gecombineerd met medische zorg". */
  note?: string;
}

/** The melding workflow's single argument: the validated intake and the region's pathway settings. */
export interface MeldingWorkflowInput {
  intake: MeldingIntake;
  pathway: PathwaySettings;
}

/** What the workflow returns when the case ends. No personal data. */
export interface MeldingResult {
  reference: string;
  outcome: CaseOutcome;
  closedAt: string;
}
