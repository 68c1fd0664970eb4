/**
 * Refusals in Dutch. The workflow's validators, the ops service and the intake schema explain a
 * refusal in English for programs and logs; the command line says it in Dutch to the person at
 * the terminal. Field names become the words of the usage text (verzoek-id, reden, --door); the
 * fields of an intake file keep their JSON names, as that is what the person edits.
 */
import type { IntakeProblem } from '../domain/intakeSchema';
import type { RecipientTier } from '../domain/types';
import type { RequestStatus } from '../workflows/messages';
import { statusWord, tierWord } from './words';

/** The CLI's words for the fields of an update it sends. */
const ARGUMENT: Record<string, string> = {
  requestId: 'verzoek-id',
  reason: 'reden',
  toTier: 'casemanager',
  by: '--door',
};

const CLOSED_STATES: Record<string, string> = {
  COMPLETED: 'afgerond',
  TERMINATED: 'beëindigd',
  CANCELLED: 'geannuleerd',
  FAILED: 'mislukt',
  TIMED_OUT: 'verlopen',
};

type Rule = [RegExp, (...groups: string[]) => string];

/** What the workflow and the ops service say, in the order to try; the first match wins. */
const RULES: Rule[] = [
  [/^expected one of (.*)$/, (list) => `verwacht een van ${list}`],
  [/^a reason is required, one of (.*)$/, (list) => `een reden is nodig, een van ${list}`],
  [
    /^expected the pseudonymous id of who records this/,
    () => 'verwacht de pseudonieme code van wie dit vastlegt (letters, cijfers, . _ : -)',
  ],
  [
    /^the case is closing or closed \((.*)\); nothing to move on$/,
    () => 'de melding wordt gesloten of is gesloten; er valt niets meer te doen',
  ],
  [/^the case is closing or closed/, () => 'de melding wordt gesloten of is gesloten'],
  [
    /^the case is closed \((\w+)\)$/,
    (status) => `de melding is gesloten${CLOSED_STATES[status] ? ` (${CLOSED_STATES[status]})` : ''}`,
  ],
  [/^the case is closed$/, () => 'de melding is gesloten'],
  [/^the melding is already withdrawn$/, () => 'de melding is al ingetrokken'],
  [/^unknown request "(.*)"$/, (id) => `onbekend verzoek "${id}"`],
  [
    /^request "(.*)" is already (\w+)$/,
    (id, status) => `verzoek "${id}" is al ${statusWord(status as RequestStatus)}`,
  ],
  [
    /^expected the id of an open request, e\.g\. "(.*)"$/,
    (example) => `verwacht de id van een open verzoek, bijvoorbeeld "${example}"`,
  ],
  [
    /^a check-in is closed by recording its outcome/,
    () => 'een contactmoment sluit je af door de uitkomst vast te leggen, niet met een bevestiging',
  ],
  [
    /^the casemanager handover is already (\w+)$/,
    (status) => `de overdracht aan de casemanager is al ${statusWord(status as RequestStatus)}`,
  ],
  [/^the casemanager handover is not requested$/, () => 'er is geen overdracht aan de casemanager gevraagd'],
  [
    /^the handover already awaits the (\w+) casemanager/,
    (tier) =>
      `de overdracht wacht al op de casemanager van ${tierWord(tier as RecipientTier)}; ` +
      'gebruik resend om opnieuw te sturen',
  ],
  [
    /^this region's handover ladder has no (\w+) step$/,
    (tier) => `de escalatieladder van deze regio heeft geen stap ${tierWord(tier as RecipientTier)}`,
  ],
  [
    /^the directory of (.*) has no backup casemanager; ask the coordinator$/,
    (region) => `het register van ${region} heeft geen achterwacht-casemanager; vraag de coördinator`,
  ],
];

/** One refusal of an update, in Dutch: "verzoek-id: verzoek "x" is al bevestigd". */
export function refusalText(problem: IntakeProblem): string {
  // "(besluit)" and "(melding)" stand for the case as a whole: no field to name.
  const field = ARGUMENT[problem.field] ?? (problem.field.startsWith('(') ? undefined : problem.field);
  const prefix = field ? `${field}: ` : '';
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(problem.message);
    if (match) return prefix + say(...match.slice(1));
  }
  // A refusal this version has no words for yet: say that it was refused, and on which field.
  return `${prefix}geweigerd door de melding`;
}

const ISO_EXAMPLE = 'als ISO-datum-tijd, bijvoorbeeld 2026-03-01T22:30:00+01:00';

/** What each field of an intake file expects, in Dutch, whatever way its value was wrong. */
const INTAKE_FIELDS: Record<string, string> = {
  '(intake)': 'verwacht een JSON-object met een melding',
  reference: 'verwacht een referentie zoals CSG-LIM-2026-000123',
  channel:
    'verwacht het kanaal: telefoon, chat of verwijzing_politie / _veilig_thuis / _huisarts / _wijkteam / _overig',
  callerRole: 'verwacht wie contact opnam: "slachtoffer", "naaste" of "professional"',
  incidentTime:
    'verwacht een incidenttijd met kind "exact" (at), "approximate" (earliest, latest) of "unknown"',
  'incidentTime.at': `verwacht de incidenttijd ${ISO_EXAMPLE}, niet na het moment van melden`,
  'incidentTime.earliest': `verwacht het vroegst mogelijke moment ${ISO_EXAMPLE}, niet na het moment van melden`,
  'incidentTime.latest': `verwacht het laatst mogelijke moment ${ISO_EXAMPLE}, op of na het vroegste moment`,
  victimAge: 'verwacht een leeftijd met kind "years" (years), "band" (band) of "unknown"',
  'victimAge.years': 'verwacht de leeftijd in hele jaren, van 0 tot en met 120',
  'victimAge.band': 'verwacht een leeftijdsgroep: "0-15", "16-17" of "18+"',
  municipality: 'verwacht de woonplaats (gemeente) van het slachtoffer, in een aangesloten CSG-regio',
  onlineComponent: 'verwacht true of false: is er een online component?',
  immediateDanger: 'verwacht true of false: is er nu acuut gevaar?',
  wishes: 'verwacht de wensen: police en medicalCare',
  'wishes.police': 'verwacht de wens over de politie: "ja", "nee" of "twijfel"',
  'wishes.medicalCare': 'verwacht de wens over medische zorg: "ja", "nee" of "twijfel"',
  contactPreferences: 'verwacht de contactvoorkeuren: safeToCall, safeToText, safeToEmail',
  'contactPreferences.safeToCall': 'verwacht true of false: is bellen veilig?',
  'contactPreferences.safeToText': 'verwacht true of false: is sms veilig?',
  'contactPreferences.safeToEmail': 'verwacht true of false: is e-mail veilig?',
  victimContact: 'verwacht de contactgegevens (alle optioneel): name, phone, email, dateOfBirth',
  'victimContact.name': 'verwacht een naam van hoogstens 200 tekens, of niets',
  'victimContact.phone': 'verwacht een telefoonnummer zoals 0612345678 of +31612345678',
  'victimContact.email': 'verwacht een e-mailadres zoals naam@voorbeeld.nl',
  'victimContact.dateOfBirth': 'verwacht een bestaande geboortedatum als JJJJ-MM-DD, niet in de toekomst',
  practicalNotes:
    'verwacht praktische aantekeningen als tekst, hoogstens 500 tekens (geen verhaal van het incident)',
  gender: 'verwacht het geslacht: "vrouw", "man", "anders" of "onbekend"',
  earlierSexualAbuse: 'verwacht of er eerder seksueel misbruik was: "ja", "nee" of "onbekend"',
  receivedAt: `verwacht het moment van melden ${ISO_EXAMPLE}, niet in de toekomst`,
  recordedBy: 'verwacht de pseudonieme code van de medewerker (letters, cijfers, . _ -), geen naam',
};

/** One problem of an intake file, in Dutch, with its field as named in the file. */
export function intakeProblemText(problem: IntakeProblem): string {
  const nearest = problem.suggestions?.length ? `; bedoelt u: ${problem.suggestions.join(', ')}?` : '';
  return `${problem.field}: ${INTAKE_FIELDS[problem.field] ?? 'deze waarde klopt niet'}${nearest}`;
}
