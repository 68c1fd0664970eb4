/**
 * Who may do what: the one rule set behind every page, API route and CLI command. Pure (no zod,
 * no I/O): `cases/access.ts` applies it to a case, the front ends only ask it.
 *
 * A staff account has one role and the regions it serves ('alle' for the national helpline and
 * ops). Two questions, answered separately because they answer differently:
 * - `may(staff, action)`: may this role take this action at all? No: 403, nothing changes.
 * - `servesRegion(staff, regionId)`: is this case (or municipality) in the account's regions? No:
 *   the case answers "not found", so an account never learns that a case elsewhere exists.
 */
import { DECISION_NAMES, type DecisionName } from './decisions';
import { STAFF_ROLES, type StaffRole } from './vocabulary';

export { STAFF_ROLES, type StaffRole };

/** The signed-in staff member as the rules see them. */
export interface Staff {
  /** The pseudonymous staff id (domain/staffId.ts) the history records as who acted. */
  id: string;
  role: StaffRole;
  /** The region ids (regions/) this account serves; 'alle' serves every region. */
  regions: 'alle' | readonly string[];
}

/** A decision of the decision table (domain/decisions.ts), as an action: `besluit.<name>`. */
export type DecisionAction = `besluit.${DecisionName}`;

/** Every action the rules know; a new page or command names one of these, or adds one here. */
export const ACCESS_ACTIONS = [
  'starten', // start a melding (intake)
  'inzien', // read a case: its state (no personal data) and its history (codes and ids)
  ...DECISION_NAMES.map((name): DecisionAction => `besluit.${name}`),
  'herinnering', // ops: notify the awaited tier of an open request again, now
  'toewijzing', // ops: give the casemanager handover to another casemanager of the directory
  'sluiting', // close a case by hand with a reason code
  'heropenen', // reopen a closed case of the region within its window, as a new linked melding
  'ops_overzicht', // the ops room: requests past their deadline (CLI `stuck`), the ops pages and ops API
  'zoeken', // find a case again by the victim's details (phone, name with date of birth)
  'werklijst', // "my cases": the casemanager's own running cases, by the next due contact
  'werklijst_collega', // a casemanager's worklist as their coordinator sees it: the coordinator's regions only
  'sessies_intrekken', // revoke every session of a staff account (a lost laptop)
  'regio_overzicht', // the figures of a region: open cases, overdue requests, new meldingen, casusoverleg
  'inzage_export', // the victim's access request (AVG art. 15): everything held about the case, written out
  'wissen', // request, or approve as the second person, the erasure of a case everywhere it is held
  'herversleutelen', // after a payload key rotation: seal the case file's records again under the current key
] as const satisfies readonly string[];
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

const decision = (name: DecisionName): DecisionAction => `besluit.${name}`;

/** The victim's own statements, which whoever has the victim on the line records. */
const VICTIM_DECISIONS: DecisionAction[] = [
  // Consent per partner, given or withdrawn: asked at intake, changed whenever the victim calls.
  decision('toestemming'),
  // The police wish (yes, no, undecided): asked at intake, changes on a later call.
  decision('politiewens'),
  // The incident time: often only roughly known at intake, corrected when the victim calls back.
  decision('incidenttijd'),
  // Withdrawal: the victim may stop at any moment, whoever they reach.
  decision('intrekking'),
  // Whether the victim made an aangifte: what they say, to whoever they say it (semester figures).
  decision('aangifte'),
  // Whether the victim wants the questions about the help received after the case ends.
  decision('ervaringsvragen'),
];

/**
 * The coordinator's own decisions: the transfer to another region, who owns a case, and what
 * happens after repeated failed contact attempts.
 */
const COORDINATOR_ONLY: DecisionName[] = ['overdracht', 'eigenaar', 'contactpogingen'];

/** Every decision except the coordinator's own. */
const CASEMANAGER_DECISIONS: DecisionAction[] = DECISION_NAMES.filter(
  (n) => !COORDINATOR_ONLY.includes(n),
).map(decision);

/**
 * The rule table: what each role may do (within its regions). Anything not listed is refused.
 */
export const ROLE_ACTIONS: { readonly [R in StaffRole]: readonly AccessAction[] } = {
  // The national helpline (0800-0188, the chat) takes the first call: it starts the melding, reads
  // the case to tell a caller where it stands, finds a case again when the victim calls back
  // without the reference, and records the victim's own statements. It does not acknowledge
  // partner requests, record check-ins or transfer: that is the region's casework.
  helpline: ['starten', 'inzien', 'zoeken', ...VICTIM_DECISIONS],
  // The casemanager carries the case in their region: reads it, finds it, records every decision
  // (acknowledging the handover, check-ins, the victim's statements). The intake is the
  // helpline's; a transfer to another region is the coordinator's call.
  // Their worklist lists the cases they own; the other roles own none.
  casemanager: ['inzien', 'zoeken', ...CASEMANAGER_DECISIONS, 'heropenen', 'werklijst'],
  // The coordinator oversees the region's cases: everything a casemanager may, plus transferring a
  // case to another region, handing it to another casemanager, and closing one by hand with a reason.
  // Both may reopen a closed case of their region when the same person comes back.
  coordinator: [
    'inzien',
    'zoeken',
    ...CASEMANAGER_DECISIONS,
    ...COORDINATOR_ONLY.map(decision),
    'sluiting',
    'heropenen',
    // The overview of the region they coordinate (its figures, the cases for the casusoverleg).
    'regio_overzicht',
    // Who carries what: a casemanager's worklist, the cases in the coordinator's own regions.
    'werklijst_collega',
  ],
  // Ops keep the cases moving without touching victims' data: they read the state (no personal
  // data in it) and the history, see what is stuck, re-send, re-assign and close, and revoke
  // sessions. No search by a victim's details, no decisions on the victim's behalf.
  ops: [
    'inzien',
    'ops_overzicht',
    'herinnering',
    'toewijzing',
    'sluiting',
    'sessies_intrekken',
    'regio_overzicht',
    // Keeping the keys is theirs: the re-seal opens and seals records in the process, shows none.
    'herversleutelen',
    // A case whose victim could not be reached waits for this decision: ops may take it when the
    // coordinator does not (closing is theirs already; keep trying changes no victim data).
    decision('contactpogingen'),
  ],
  // The privacy officer answers the victim's rights for the region's cases: the access export and
  // erasure (requested by one officer, approved by another). Reading the state (no personal data)
  // only to open the case page these sit on; no search, no decisions, no ops actions.
  privacy: ['inzien', 'inzage_export', 'wissen'],
};

/** May this role take this action (in the regions it serves)? */
export function may(staff: Staff, action: AccessAction): boolean {
  return ROLE_ACTIONS[staff.role].includes(action);
}

/** The action that recording this decision is. */
export function decisionAction(name: DecisionName): DecisionAction {
  return decision(name);
}

/** Does this account serve this region? A case outside answers "not found". */
export function servesRegion(staff: Staff, regionId: string): boolean {
  return staff.regions === 'alle' || staff.regions.includes(regionId);
}
