/**
 * The melding's closed vocabularies, each written once as a list. The TypeScript types derive from
 * the lists, and so do the zod schemas (`z.enum(LIST)` in the zod-only domain files), the workflow
 * validators (`ensureOneOf(field, value, LIST)`) and the options of the web forms. A new value is
 * added here and in the two i18n catalogues where people read it; nowhere else.
 *
 * Plain data, no imports: the workflow sandbox loads this file. Values are stable identifiers
 * (they are stored in running cases and their histories), never shown to a victim as they are.
 */

/** How the melding reached the CSG. */
export const INTAKE_CHANNELS = [
  'telefoon', // 0800-0188
  'chat', // the CSG chat (run by Fier)
  'verwijzing_politie',
  'verwijzing_veilig_thuis',
  'verwijzing_huisarts',
  'verwijzing_wijkteam',
  'verwijzing_overig',
] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** Who is on the line: the victim, a loved one (naaste) or a professional. */
export const CALLER_ROLES = ['slachtoffer', 'naaste', 'professional'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** A wish the victim may not have decided yet: about police contact, and about medical care. */
export const WISHES = ['ja', 'nee', 'twijfel'] as const;
export type Wish = (typeof WISHES)[number];
export type PoliceWish = Wish;
export type MedicalWish = Wish;

/** Bands chosen so that the NFI rule (up to and including 15) can always be decided. */
export const AGE_BANDS = ['0-15', '16-17', '18+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Gender as the helpline records it, for the national semester figures only (never shown to a
 * partner). `onbekend` when the caller does not know or will not say.
 */
export const GENDERS = ['vrouw', 'man', 'anders', 'onbekend'] as const;
export type Gender = (typeof GENDERS)[number];

/** A yes/no answer the caller may not know: for the semester figures (e.g. earlier sexual abuse). */
export const YES_NO_UNKNOWN = ['ja', 'nee', 'onbekend'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

/** Triage windows, measured from the incident. Acute means at most 7 days (inclusive). */
export const TRIAGE_WINDOWS = ['binnen_72_uur', 'binnen_7_dagen', 'na_7_dagen'] as const;
export type TriageWindow = (typeof TRIAGE_WINDOWS)[number];

/** What triage was based on: an exact time, the latest moment of a range, or nothing (assumed most urgent). */
export const TRIAGE_BASES = ['exact', 'approximate', 'unknown'] as const;
export type TriageBasis = (typeof TRIAGE_BASES)[number];

/** Who performs the FMO: the NFI for victims up to and including 15, else the local forensisch arts. */
export const FORENSIC_PARTNERS = ['nfi', 'forensisch_arts'] as const;
export type ForensicPartner = (typeof FORENSIC_PARTNERS)[number];

/** Which medical partner: within 72 h the acute partner (e.g. the SEH), after that the region's partner. */
export const MEDICAL_PARTNERS = ['acute_medische_zorg', 'medische_zorg_na_72_uur'] as const;
export type MedicalPartner = (typeof MEDICAL_PARTNERS)[number];

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
  'slachtofferadvocaat', // a Langsz victims' lawyer
  'wijkteam', // the municipality's neighbourhood team
  'online_hulp', // help with an online component (e.g. Helpwanted/EOKM, Fier's chat)
  'kinderarts', // the paediatrician, where the region names one
] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/**
 * The second ring (tweede schil, domain brief 2.6-2.10): partners the casemanager asks by hand
 * (decision `tweede_ring`), each only where the region's directory names one, and only with the
 * victim's consent for that role (a Veilig Thuis consultation about a minor excepted, anonymous).
 */
export const SECOND_RING_ROLES = [
  'slachtofferhulp',
  'veilig_thuis',
  'slachtofferadvocaat',
  'wijkteam',
  'online_hulp',
  'kinderarts',
] as const satisfies readonly PartnerRole[];
export type SecondRingRole = (typeof SECOND_RING_ROLES)[number];

/**
 * Who within a role is addressed: the one on duty, the backup, or the region's coordinator; and for
 * a case's check-ins first its owner, the named casemanager who accepted the handover.
 */
export const RECIPIENT_TIERS = ['primary', 'backup', 'coordinator', 'owner'] as const;
export type RecipientTier = (typeof RECIPIENT_TIERS)[number];

/** The tiers of the region's casemanager directory a handover can be given to by ops. */
export const HANDOVER_TIERS = ['primary', 'backup'] as const;
export type HandoverTier = (typeof HANDOVER_TIERS)[number];

/** What a partner request asks for. */
export const REQUEST_KINDS = [
  'casemanager_overdracht', // handover to the on-call casemanager
  'informatief_gesprek', // zedenpolitie: informative interview before the aangifte decision
  'fmo', // forensic medical examination (forensisch arts or NFI, with forensische opsporing)
  'medische_zorg', // medical care, coordinated with the FMO
  'checkin', // watchful-waiting check-in by the casemanager
  'ggz_verwijzing', // referral to the region's GGZ partner after a screening that points to PTSS
  'regio_overdracht', // transfer to another region's coordinator
  'contactpogingen', // the coordinator decides after repeated failed contact attempts
  'tweede_ring', // the casemanager asks a second-ring partner (SECOND_RING_ROLES)
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Where a partner request stands. */
export const REQUEST_STATUSES = ['open', 'acknowledged', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A partner request as a task: requested, then accepted (the acknowledgement) or declined with a
 * reason; once accepted, scheduled (date, time, place) and finally done (with a coded outcome) or
 * not done (with a reason). A decline moves the request to the next tier of its ladder.
 */
export const TASK_STATES = [
  'aangevraagd',
  'geaccepteerd',
  'afgewezen',
  'gepland',
  'uitgevoerd',
  'niet_uitgevoerd',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** The request kinds that run as tasks (the others end with their acknowledgement or outcome). */
export const TASK_KINDS = [
  'informatief_gesprek',
  'fmo',
  'medische_zorg',
  'ggz_verwijzing',
  'tweede_ring',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What a partner does with a task after (or instead of) accepting it. */
export const TASK_ACTIONS = ['afwijzen', 'plannen', 'uitgevoerd', 'niet_uitgevoerd'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Where an appointment takes place (a location, never the victim's address): at most this long. */
export const APPOINTMENT_PLACE_MAX = 200;

/** Why a partner declines a request (coded: no free text, which could carry personal data). */
export const DECLINE_REASONS = ['geen_capaciteit', 'niet_passend', 'buiten_werkgebied', 'anders'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** How a task that took place ended. */
export const TASK_OUTCOMES = ['afgerond', 'afgerond_met_vervolg', 'doorverwezen'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Why an accepted task did not take place. */
export const NOT_DONE_REASONS = [
  'afgezegd_door_slachtoffer',
  'niet_verschenen',
  'niet_meer_nodig',
  'medisch_niet_mogelijk',
  'anders',
] as const;
export type NotDoneReason = (typeof NOT_DONE_REASONS)[number];

/** Notices that close a request without asking anything. */
export const NOTICE_KINDS = ['ingetrokken', 'vervallen', 'overgedragen'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Check-in outcomes the casemanager records. */
export const CHECK_IN_OUTCOMES = ['gaat_goed', 'stressreactie', 'geen_contact'] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

/** How a case ends; `gesloten` is a case ops closed by hand with one of the CLOSE_REASONS. */
export const CASE_OUTCOMES = ['afgerond', 'verwezen_ggz', 'overgedragen', 'ingetrokken', 'gesloten'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The case's main phase, as ops see it in the Temporal UI. */
export const CASE_PHASES = [
  'triage',
  'acute_zorg', // police, FMO and medical requests under way
  'casemanager_overdracht',
  'watchful_waiting',
  'ggz_verwijzing',
  'afgesloten',
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

/** Why ops close a case by hand. Codes only: free text could carry personal data. */
export const CLOSE_REASONS = [
  'dubbele_melding', // the same melding was started twice; the other case carries on
  'onterecht_aangemaakt', // started by mistake (a test, the wrong region, not a melding)
  'slachtoffer_niet_bereikbaar', // the casemanager could not reach the victim after every attempt
  'zorg_elders', // care is arranged outside the CSG pathway
  'afgerond_buiten_systeem', // the pathway was completed, but not recorded in this case
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * Why staff correct what the intake recorded. Codes only: free text could carry personal data,
 * and the case's history keeps the reason.
 */
export const CORRECTION_REASONS = [
  'invoerfout', // recorded wrongly at intake (a typo, the wrong box)
  'nieuwe_informatie', // the victim or caller told more since
  'gewijzigd', // it changed since the intake (moved, a new phone, a channel no longer safe)
  'op_verzoek_slachtoffer', // the victim asked for the change
] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

/**
 * Why a coordinator hands a case to another casemanager. Codes only: the history keeps the
 * reason, and free text could carry personal data.
 */
export const OWNER_CHANGE_REASONS = [
  'afwezigheid', // the owner is away for longer (leave, illness)
  'werkverdeling', // the region spreads its caseload
  'op_verzoek_slachtoffer', // the victim asked for another casemanager
  'uit_dienst', // the owner leaves the CSG or changes role
] as const;
export type OwnerChangeReason = (typeof OWNER_CHANGE_REASONS)[number];

/** Who the parent or guardian of a minor victim is, as the intake records it. */
export const GUARDIAN_RELATIONS = ['ouder', 'voogd', 'anders'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

/** A region's id, as region files, transfers and search attributes carry it (e.g. `limburg`). */
export const REGION_ID_PATTERN = /^[a-z0-9-]{2,60}$/;

/** Whether `value` is one of `list`; narrows it to the list's type. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * What a staff account does in the CSG (domain/access.ts says what each may do): the national
 * helpline takes the call, the region's casemanager carries the case, the region's coordinator
 * oversees it (transfers, closes), ops keep the machinery running without seeing victims' data.
 */
export const STAFF_ROLES = ['helpline', 'casemanager', 'coordinator', 'ops', 'privacy'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Watchful waiting as it happens (the decisions `contactmoment`, `planning`, `verlenging`,
 * `ggz_verwijzing`, `contactpogingen` of domain/decisions.ts).
 */
/** How the victim is doing, when the casemanager reached them. */
export const CONTACT_OUTCOMES = ['gaat_goed', 'stressreactie'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** A stress/PTSS screening done at a contact: no sign, or a suspicion of PTSS (the GGZ referral starts). */
export const SCREENING_RESULTS = ['geen_aanwijzing', 'ptss_vermoeden'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** What a change of the check-in plan does: add one, move a planned one, cancel a planned one. */
export const PLANNING_ACTIONS = ['toevoegen', 'verplaatsen', 'annuleren'] as const;
export type PlanningAction = (typeof PLANNING_ACTIONS)[number];

/** Where one check-in of the plan stands. */
export const CHECK_IN_PLAN_STATUSES = ['gepland', 'open', 'gedaan', 'geannuleerd', 'vervallen'] as const;
export type CheckInPlanStatus = (typeof CHECK_IN_PLAN_STATUSES)[number];

/** Why the casemanager refers to the GGZ before (or without) the screening. */
export const GGZ_REFERRAL_REASONS = ['stressreactie', 'ptss_vermoeden', 'wens_slachtoffer'] as const;
export type GgzReferralReason = (typeof GGZ_REFERRAL_REASONS)[number];

/**
 * The coordinator's decision after repeated failed contact attempts: close the case, keep trying,
 * or reach the victim another way (e.g. through the GP).
 */
export const FAILED_CONTACT_DECISIONS = ['sluiten', 'blijven_proberen', 'andere_route'] as const;
export type FailedContactDecision = (typeof FAILED_CONTACT_DECISIONS)[number];

/** The longest note of a contact (how the victim is doing; stays in the case). */
export const CONTACT_NOTE_MAX = 500;

/** After how many consecutive failed contact attempts the coordinator decides (region setting). */
export const DEFAULT_MAX_FAILED_CONTACTS = 3;
