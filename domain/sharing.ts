/**
 * What a partner may see about the victim for one request (domain brief, section 4).
 *
 * - The CSG's own people (the casemanager, and the coordinator who stands in when the ladder
 *   escalates) always see the safe contact details and the contact preferences: they are the
 *   victim's point of contact.
 * - Every other partner (zedenpolitie, forensic examiners, medical partners, GGZ, ...) sees
 *   personal details only when the victim's consent for that role is recorded. Without it they get
 *   the reference, what is asked and the triage window: enough to prepare, nothing to identify.
 * - A contact channel the victim marked unsafe (a perpetrator may share the phone or inbox) is
 *   never handed out, whoever asks.
 * - Each role sees only the fields its task needs (domain/sharingFields.ts, with the reasons):
 *   the police what the contact needs, the forensic examiners what the FMO needs, the GGZ the
 *   contact and the language, the casemanager everything.
 * - There is no narrative of the incident in the system, so none can be shared.
 *
 * Pure: used by the workflow (sandbox) and by the partner pages.
 */
import type {
  ContactPreferences,
  MeldingIntake,
  PartnerRole,
  RequestKind,
  SharedDetails,
  TriageWindow,
  VictimContact,
} from './types';
import { fieldsFor, type SharedField } from './sharingFields';

/** Consent per partner role, as recorded on the case; absent means not given. */
export type ConsentByRole = Partial<Record<PartnerRole, boolean>>;

/** Roles inside the CSG itself: they see contact details without a separate consent. */
export const CSG_ROLES: readonly PartnerRole[] = ['casemanager', 'coordinator'];

export function mayReceivePersonalDetails(role: PartnerRole, consents: ConsentByRole): boolean {
  const basis = sharingBasis(role, consents);
  return basis === 'csg' || basis === 'toestemming';
}

/**
 * Why a partner's message did or did not carry the victim's details, as the case state shows it:
 * the CSG's own people; consent recorded; consent never given; consent withdrawn; or a Veilig
 * Thuis consultation about a minor under the meldcode, asked without consent and therefore
 * anonymous (domain/secondRing.ts).
 */
export type SharingBasis =
  'csg' | 'toestemming' | 'geen_toestemming' | 'toestemming_ingetrokken' | 'meldcode_consultatie';

export function sharingBasis(role: PartnerRole, consents: ConsentByRole): SharingBasis {
  if (CSG_ROLES.includes(role)) return 'csg';
  if (consents[role] === true) return 'toestemming';
  return consents[role] === false ? 'toestemming_ingetrokken' : 'geen_toestemming';
}

/** Only the channels the victim marked safe. */
export function safeContact(contact: VictimContact, prefs: ContactPreferences): VictimContact {
  const safe: VictimContact = {};
  if (contact.name !== undefined) safe.name = contact.name;
  if (contact.phone !== undefined && (prefs.safeToCall || prefs.safeToText)) safe.phone = contact.phone;
  if (contact.email !== undefined && prefs.safeToEmail) safe.email = contact.email;
  if (contact.dateOfBirth !== undefined) safe.dateOfBirth = contact.dateOfBirth;
  return safe;
}

/** The safe contact details narrowed to the role's fields. */
function roleContact(contact: VictimContact, fields: ReadonlySet<SharedField>): VictimContact {
  const narrowed: VictimContact = {};
  for (const key of ['name', 'phone', 'email', 'dateOfBirth'] as const) {
    if (fields.has(key) && contact[key] !== undefined) narrowed[key] = contact[key];
  }
  return narrowed;
}

export interface SharingInput {
  intake: MeldingIntake;
  triageWindow: TriageWindow;
  kind: RequestKind;
  role: PartnerRole;
  consents: ConsentByRole;
  note?: string;
}

export function sharedDetailsFor(input: SharingInput): SharedDetails {
  const { intake, triageWindow, kind, role, consents, note } = input;
  const details: SharedDetails = { reference: intake.reference, kind, role, triageWindow };
  if (note !== undefined) details.note = note;
  if (!mayReceivePersonalDetails(role, consents)) return details;
  const fields = fieldsFor(role);
  if (fields.has('victimAge')) details.victimAge = intake.victimAge;
  if (fields.has('municipality')) details.municipality = intake.municipality;
  const contact = roleContact(safeContact(intake.victimContact, intake.contactPreferences), fields);
  if (Object.keys(contact).length > 0) details.contact = contact;
  if (fields.has('contactPreferences')) details.contactPreferences = intake.contactPreferences;
  if (fields.has('practicalNotes') && intake.practicalNotes !== undefined) {
    details.practicalNotes = intake.practicalNotes;
  }
  if (fields.has('language') && intake.language !== undefined) details.language = intake.language;
  if (fields.has('interpreterNeeded') && intake.interpreterNeeded !== undefined) {
    details.interpreterNeeded = intake.interpreterNeeded;
  }
  if (fields.has('guardian') && intake.guardian !== undefined) details.guardian = { ...intake.guardian };
  return details;
}
