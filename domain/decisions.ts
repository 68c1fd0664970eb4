/**
 * The decision table: every decision staff (or a partner) record on a running case, by the name
 * the outside uses (API path, CLI, partner pages, history), with the Temporal update it becomes
 * and the input it carries.
 *
 * Adding a decision touches: this table and its input type, its body schema in
 * `domain/decisionSchemas.ts`, the workflow's handler for the update, and its label in the two
 * i18n catalogues (`decisions.<name>`). Nothing else: the workflow's update definitions
 * (workflows/messages.ts), the case client's `decide`, the JSON API's route and its OpenAPI
 * document are all built from this table. (A decision whose check needs configuration the
 * workflow does not hold, like the list of regions for `overdracht`, adds that check to the case
 * client's `checksBeforeSending`.)
 *
 * Update names are stored in running cases and their recorded histories: never rename one.
 * Plain data, no zod: the workflow sandbox loads this file.
 */
import type { IncidentTime } from './incidentTime';
import type { LinkBinding } from './linkBinding';
import type { VictimAge } from './types';
import type {
  CheckInOutcome,
  ContactOutcome,
  CorrectionReason,
  DeclineReason,
  FailedContactDecision,
  GgzReferralReason,
  MedicalWish,
  NotDoneReason,
  OwnerChangeReason,
  PartnerRole,
  PoliceWish,
  ScreeningResult,
  SecondRingRole,
  TaskOutcome,
} from './vocabulary';

/** Every decision names who recorded it: a pseudonymous staff or partner id, never a victim's name. */
export interface RecordedBy {
  by: string;
}

/** An answer given through a partner's signed link names what the link was sent for. */
interface ThroughLink {
  /** Set by the partner page: the workflow refuses it once the request moved on. */
  link?: LinkBinding;
}

export interface AcknowledgeInput extends RecordedBy, ThroughLink {
  requestId: string;
}
/** A date, time and place the partner gave for the task (a place, never the victim's address). */
export interface Appointment {
  /** ISO date-time with offset. */
  at: string;
  place: string;
}

/** One step of a partner's task after (or instead of) accepting it: see TASK_STATES. */
export type TaskStep =
  | { action: 'afwijzen'; reason: DeclineReason }
  | { action: 'plannen'; appointment: Appointment }
  | { action: 'uitgevoerd'; outcome: TaskOutcome }
  | { action: 'niet_uitgevoerd'; reason: NotDoneReason };

export interface TaskStepInput extends RecordedBy, ThroughLink {
  requestId: string;
  step: TaskStep;
}
export interface CheckInInput extends RecordedBy, ThroughLink {
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
  /** Why, like every correction; optional, as callers from before the other corrections send none. */
  reason?: CorrectionReason;
}
export type WithdrawInput = RecordedBy;
export interface TransferInput extends RecordedBy {
  toRegionId: string;
}
/** Whether the victim says they made an aangifte (for the semester figures). */
export interface AangifteInput extends RecordedBy {
  made: boolean;
}

/**
 * A correction of what the intake recorded says why, as a code. The history records who, when,
 * which fields and why; never the corrected values, which are personal.
 */
export interface CorrectionInput extends RecordedBy {
  reason: CorrectionReason;
}
/** Exactly one of the two: an age, or a date of birth from which the age at intake follows. */
export interface VictimAgeInput extends CorrectionInput {
  victimAge?: VictimAge;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
}
export interface MunicipalityInput extends CorrectionInput {
  municipality: string;
  /**
   * The municipality's region. Filled in by the case client from the region configuration (the
   * workflow knows no regions); a request body never carries it.
   */
  regionId?: string;
}
/** Only the fields given change. */
export interface ContactDetailsInput extends CorrectionInput {
  name?: string;
  phone?: string;
  email?: string;
}
/** Only the channels given change. */
export interface ContactPreferencesInput extends CorrectionInput {
  safeToCall?: boolean;
  safeToText?: boolean;
  safeToEmail?: boolean;
}
export interface MedicalWishInput extends CorrectionInput {
  wish: MedicalWish;
}
/** Only the fields given change. */
export interface LanguageInput extends CorrectionInput {
  language?: string;
  interpreterNeeded?: boolean;
}

/** Links this (running) melding to an earlier one of the same person, by its reference. */
export interface LinkInput extends RecordedBy {
  reference: string;
}

/** The coordinator hands the case to another named casemanager of the region, and says why. */
export interface OwnerInput extends RecordedBy {
  /** The staff id of the new owner, as in the region's staff directory. */
  casemanager: string;
  reason: OwnerChangeReason;
  /**
   * The regions whose staff directory names `casemanager`. Filled in by the case client from the
   * region configuration (the workflow knows no directory); a request body never carries it.
   */
  regionIds?: string[];
}

/**
 * Flag the case for the next case consultation with a note (what to discuss), or unflag it. The
 * note stays in the case: never in a search attribute (domain/casusoverleg.ts).
 */
export interface CasusoverlegInput extends RecordedBy {
  flagged: boolean;
  /** Required when flagging; at most CASUSOVERLEG_NOTE_MAX characters. */
  note?: string;
}

/**
 * A contact with the victim as it happened, recorded from the worklist or the case page: reached
 * (how they are doing, optionally a screening and the next contact) or not (try again then).
 * Closes the open check-in, if one is open. The note stays in the case: never in a search
 * attribute, the memo or a log.
 */
export interface ContactInput extends RecordedBy {
  reached: boolean;
  /** Required when reached. */
  outcome?: ContactOutcome;
  /** At most CONTACT_NOTE_MAX characters. */
  note?: string;
  /** A stress/PTSS screening done at this contact; only when reached. */
  screening?: ScreeningResult;
  /** ISO time; required when not reached, and in the future: a retry is planned then. */
  retryAt?: string;
  /** ISO time, only when reached: the next planned check-in moves to this moment. */
  nextContactAt?: string;
}

/** A change of the check-in plan: add one, move a planned one, or cancel a planned one. */
export type PlanningInput = RecordedBy &
  (
    | { action: 'toevoegen'; at: string }
    | { action: 'verplaatsen'; checkInId: string; at: string }
    | { action: 'annuleren'; checkInId: string }
  );

/** Watchful waiting extended to six months (the later check-ins added to the plan). */
export type ExtensionInput = RecordedBy;

/** The casemanager refers to the GGZ now, before or without the screening. */
export interface GgzReferralInput extends RecordedBy {
  reason: GgzReferralReason;
}

/** The coordinator's decision after repeated failed contact attempts. */
export interface FailedContactsInput extends RecordedBy {
  besluit: FailedContactDecision;
}

/**
 * The casemanager (or coordinator) asks one second-ring partner (domain/secondRing.ts): only with
 * the victim's consent for that role, a Veilig Thuis consultation about a minor excepted.
 */
export interface SecondRingInput extends RecordedBy {
  role: SecondRingRole;
  /**
   * The regions whose directory names a partner for `role`. Filled in by the case client from the
   * region configuration (the workflow knows no directory); a request body never carries it.
   */
  regionIds?: string[];
}

/**
 * Whether the victim wants a few questions about the help they received once the case has ended
 * (a link by SMS or email, through a safe channel only). Without it nothing is sent.
 */
export interface ExperienceConsentInput extends RecordedBy {
  given: boolean;
}

/** Each decision's input, by its outside name. */
export interface DecisionInputs {
  /** A partner (or the casemanager) confirms a request, e.g. `casemanager_overdracht` or `fmo`. */
  ontvangstbevestiging: AcknowledgeInput;
  /** A partner declines, schedules, or reports a task done or not done (TASK_KINDS only). */
  taak: TaskStepInput;
  /** The casemanager records a check-in outcome; the screening also says `ptss`. */
  checkin: CheckInInput;
  /** The victim's (changed) wish about police contact. */
  politiewens: PoliceWishInput;
  /** Consent (or its withdrawal) to share personal details with one partner role. */
  toestemming: ConsentInput;
  /** The casemanager corrects the incident time; the case is triaged again. */
  incidenttijd: IncidentTimeInput;
  /** The victim withdraws: every open request stops at once and its partner is told. */
  intrekking: WithdrawInput;
  /** Transfer to another region's coordinator. */
  overdracht: TransferInput;
  /** Whether the victim says they made an aangifte. */
  aangifte: AangifteInput;
  /** The age or date of birth corrected: the FMO moves between the NFI and the forensisch arts. */
  leeftijd: VictimAgeInput;
  /** The municipality corrected: one in another region transfers the case there. */
  gemeente: MunicipalityInput;
  /** The victim's name, phone or email corrected. */
  contactgegevens: ContactDetailsInput;
  /** Which channels are safe (call, text, email) corrected. */
  veilige_kanalen: ContactPreferencesInput;
  /** The (changed) wish about medical care: a "ja" starts the medical track, a "nee" stands it down. */
  medische_wens: MedicalWishInput;
  /** The victim's language and whether an interpreter is needed. */
  taal: LanguageInput;
  /** The same person again: this melding linked to an earlier one (both case pages show it). */
  koppeling: LinkInput;
  /** The coordinator hands the case to another casemanager: check-ins go to them from now on. */
  eigenaar: OwnerInput;
  /** Flagged for the next case consultation (with a note), or unflagged. */
  casusoverleg: CasusoverlegInput;
  /** A contact with the victim recorded as it happened (reached or not). */
  contactmoment: ContactInput;
  /** A check-in added, moved or cancelled. */
  planning: PlanningInput;
  /** Watchful waiting extended from four weeks to six months. */
  verlenging: ExtensionInput;
  /** An early referral to the GGZ, at any moment after the handover to the casemanager. */
  ggz_verwijzing: GgzReferralInput;
  /** The coordinator decides after repeated failed contact attempts: close, keep trying, another route. */
  contactpogingen: FailedContactsInput;
  /** A second-ring partner asked (Slachtofferhulp, Veilig Thuis, a victims' lawyer, ...). */
  tweede_ring: SecondRingInput;
  /** Consent (or its withdrawal) to the questions about the help received, after the case ends. */
  ervaringsvragen: ExperienceConsentInput;
}

export type DecisionName = keyof DecisionInputs;

/** Outside name → Temporal update name. */
export const DECISIONS = {
  ontvangstbevestiging: { update: 'acknowledgeRequest' },
  taak: { update: 'recordTaskStep' },
  checkin: { update: 'recordCheckIn' },
  politiewens: { update: 'recordPoliceWish' },
  toestemming: { update: 'recordConsent' },
  incidenttijd: { update: 'correctIncidentTime' },
  intrekking: { update: 'withdraw' },
  overdracht: { update: 'transfer' },
  aangifte: { update: 'recordAangifte' },
  leeftijd: { update: 'correctVictimAge' },
  gemeente: { update: 'correctMunicipality' },
  contactgegevens: { update: 'correctContactDetails' },
  veilige_kanalen: { update: 'correctContactPreferences' },
  medische_wens: { update: 'recordMedicalWish' },
  taal: { update: 'correctLanguage' },
  koppeling: { update: 'linkMelding' },
  eigenaar: { update: 'changeOwner' },
  casusoverleg: { update: 'flagForCasusoverleg' },
  contactmoment: { update: 'recordContact' },
  planning: { update: 'planCheckIns' },
  verlenging: { update: 'extendWatchfulWaiting' },
  ggz_verwijzing: { update: 'referToGgz' },
  contactpogingen: { update: 'decideAfterFailedContacts' },
  tweede_ring: { update: 'askSecondRing' },
  ervaringsvragen: { update: 'recordExperienceConsent' },
} as const satisfies { [K in DecisionName]: { update: string } };

export const DECISION_NAMES = Object.keys(DECISIONS) as DecisionName[];

export function isDecisionName(value: unknown): value is DecisionName {
  return typeof value === 'string' && Object.hasOwn(DECISIONS, value);
}

/** One decision on its way to a case: its name and its input. */
export type Decision = { [K in DecisionName]: { type: K; input: DecisionInputs[K] } }[DecisionName];

/**
 * What a case's history records (`DecisionRecord.type`): the decisions above, plus what the
 * pathway records by itself (`intake`, `fmo_aanbod`). The police wish is recorded as
 * `politie_wens`, an older spelling of `politiewens` that recorded histories keep.
 */
export const DECISION_RECORD_TYPES = [
  'intake',
  'politie_wens',
  'toestemming',
  'incidenttijd',
  'ontvangstbevestiging',
  // A task step: "afwijzen: geen_capaciteit", "plannen", "uitgevoerd: afgerond" (never the place).
  'taak',
  'checkin',
  'intrekking',
  'overdracht',
  // What the pathway offered about the FMO (by "workflow"), see FMO_OFFERS.
  'fmo_aanbod',
  // "gedaan" or "niet_gedaan", as the victim says (for the semester figures).
  'aangifte',
  // Corrections of the intake: which fields, why, and where the path went; never the values.
  'leeftijd',
  'gemeente',
  'contactgegevens',
  'veilige_kanalen',
  'medische_wens',
  'taal',
  // The same person again: the earlier melding linked (its reference), or reopened from ("ref; reason").
  'koppeling',
  'heropening',
  // Closed by hand by ops or a coordinator, with the reason code (an ops action, not a decision
  // of the table; recorded here too so the case page's timeline shows who closed it and why).
  'sluiting',
  // The case handed to another casemanager: "old → new; reden: code" (staff ids, never names).
  'eigenaar',
  // Flagged for the case consultation ("gemarkeerd") or not any more ("afgemeld"); never the note.
  'casusoverleg',
  // Watchful waiting as it happens: a contact ("bereikt: gaat_goed", "niet bereikt"; never the
  // note), a plan change ("toevoegen checkin-extra-1"), the extension, the early GGZ referral
  // (its reason) and the coordinator's decision after failed contact attempts.
  'contactmoment',
  'planning',
  'verlenging',
  'ggz_verwijzing',
  'contactpogingen',
  // A second-ring partner asked: its role, and "meldcode_consultatie" when anonymous.
  'tweede_ring',
  // Consent to the questions about the help received after the end: "gegeven" or "ingetrokken".
  'ervaringsvragen',
] as const;
export type DecisionRecordType = (typeof DECISION_RECORD_TYPES)[number];

/**
 * What the case did about the FMO: requested because the victim wants to report, offered while
 * undecided (region setting `fmoWhenUndecided`), not offered while undecided, not wanted, or
 * outside the acute window.
 */
export const FMO_OFFERS = [
  'aangevraagd',
  'aangeboden_bij_twijfel',
  'niet_aangeboden_bij_twijfel',
  'niet_gewenst',
  'buiten_acute_termijn',
] as const;
export type FmoOffer = (typeof FMO_OFFERS)[number];
