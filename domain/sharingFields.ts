/**
 * Which of the victim's details each partner role sees, with the reason: each role gets only what
 * its task needs (data minimisation), and only with the consent domain/sharing.ts checks. The
 * reference, what is asked, the triage window and the note of what is asked go to every role.
 *
 * Checked against the domain brief (section 2: the roles' tasks; section 4.3: information is shared
 * between partners only with consent and only what is needed). The brief names no field list of
 * its own; where it is silent the choice and its reason are written here, as product defaults.
 *
 * Pure: used by the workflow (sandbox), the partner page and their tests.
 */
import type { PartnerRole } from './vocabulary';

/** The victim's details that may be shared, each a row on the partner page. */
export const SHARED_FIELDS = [
  'name',
  'phone',
  'email',
  'dateOfBirth',
  'victimAge',
  'municipality',
  'contactPreferences',
  'practicalNotes',
  'language',
  'interpreterNeeded',
  'guardian',
] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

export interface RoleFields {
  fields: readonly SharedField[];
  /** Why this role needs these fields (one line). */
  why: string;
}

/** Reaching the victim safely, in their language: what every role that contacts the victim needs. */
const CONTACT: readonly SharedField[] = [
  'name',
  'phone',
  'email',
  'contactPreferences',
  'practicalNotes',
  'language',
  'interpreterNeeded',
];
/** Examining or treating the victim in person: who it is, their age, their language. */
const IN_PERSON: readonly SharedField[] = [
  'name',
  'dateOfBirth',
  'victimAge',
  'language',
  'interpreterNeeded',
];

export const FIELDS_BY_ROLE: Record<PartnerRole, RoleFields> = {
  casemanager: {
    fields: SHARED_FIELDS,
    why: 'First point of contact who coordinates all care and the watchful waiting (brief 2.1): everything consented.',
  },
  coordinator: {
    fields: SHARED_FIELDS,
    why: 'Stands in for the casemanager when the handover or a check-in escalates: the same as the casemanager.',
  },
  zedenpolitie: {
    fields: [...CONTACT, 'victimAge'],
    why: 'Contacts the victim for the informatief gesprek (brief 2.2): the contact as consented, and the age (minors go another way).',
  },
  forensisch_arts: {
    fields: IN_PERSON,
    why: 'Does the FMO in person (brief 2.2): identification for the forensic record, age and language; the appointment goes through the CSG.',
  },
  nfi: {
    fields: IN_PERSON,
    why: 'Does the FMO of victims up to 15 in person (brief 2.2): the same as the forensisch arts.',
  },
  forensische_opsporing: {
    fields: ['name', 'victimAge', 'language', 'interpreterNeeded'],
    why: 'Present at the FMO for the traces (brief 2.2): whom they meet and how to speak with them; they do not contact the victim.',
  },
  acute_medische_zorg: {
    fields: IN_PERSON,
    why: 'Treats the victim in person, often with the FMO (brief 2.3): identification for the patient record, age and language; follow-up goes through the casemanager.',
  },
  medische_zorg_na_72_uur: {
    fields: [...CONTACT, 'dateOfBirth', 'victimAge'],
    why: 'Makes its own appointment for care after 72 hours: the contact as consented, and identification for the patient record.',
  },
  ggz: {
    fields: CONTACT,
    why: 'Invites the victim for treatment after the referral (brief 2.5): how to reach them safely and in which language.',
  },
  slachtofferhulp: {
    fields: CONTACT,
    why: 'Offers practical and legal support by contacting the victim (brief 2.7): how to reach them safely and in which language.',
  },
  veilig_thuis: {
    fields: SHARED_FIELDS,
    why: 'Advice and investigation of unsafety at home, mainly for minors (brief 2.6, 4.3): age, date of birth and municipality find the right regional team, and the parent or guardian is part of the home situation. A consultation about a minor without consent shares none of these (domain/secondRing.ts).',
  },
  slachtofferadvocaat: {
    fields: [...CONTACT, 'victimAge'],
    why: "A Langsz victims' lawyer advises on the aangifte and legal aid by contacting the victim (brief 2.8): how to reach them safely, and the age (a minor is represented differently).",
  },
  wijkteam: {
    fields: [...CONTACT, 'municipality'],
    why: "Picks up other problems the CSG does not treat, in the victim's own municipality (brief 2.9): how to reach them safely, and the municipality that decides which team.",
  },
  online_hulp: {
    fields: [...CONTACT, 'victimAge'],
    why: 'Helps remove images and handle the online component (brief 2.10, 8.1): how to reach the victim safely, and the age (EOKM/Helpwanted works for minors).',
  },
  kinderarts: {
    fields: [...IN_PERSON, 'guardian'],
    why: 'Examines and treats a child in person (brief 2.3, 4.5): identification for the patient record, age and language, and the parent or guardian who comes along; the appointment goes through the casemanager.',
  },
};

export function fieldsFor(role: PartnerRole): ReadonlySet<SharedField> {
  return new Set(FIELDS_BY_ROLE[role].fields);
}
