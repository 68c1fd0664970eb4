/**
 * The rules of asking the second ring (domain/vocabulary.ts SECOND_RING_ROLES): which consent a
 * request needs, and the one exception the meldcode makes. Pure: the workflow's validator, the
 * case page's section and their tests read the same rules.
 *
 * - A second-ring partner receives the victim's details only with the consent recorded for its
 *   role (the `toestemming` decision), and the casemanager asks one only with that consent.
 * - Exception (Meldcode huiselijk geweld en kindermishandeling; domain brief 2.6, 4.3, 4.5): about
 *   a minor the casemanager may consult Veilig Thuis without consent. Such a consultation is
 *   anonymous: it carries the question and the reference, nothing that identifies the child.
 */
import type { ConsentByRole } from './sharing';
import { minorOf } from './semesterReport';
import type { VictimAge } from './types';
import {
  isOneOf,
  SECOND_RING_ROLES,
  type PartnerRole,
  type RequestStatus,
  type SecondRingRole,
  type TaskState,
} from './vocabulary';

/** Under 18 by the age the intake recorded (an unknown age is not treated as a minor). */
export function isMinor(age: VictimAge): boolean {
  return minorOf(age) === 'ja';
}

export function isSecondRingRole(role: unknown): role is SecondRingRole {
  return isOneOf(SECOND_RING_ROLES, role);
}

/** The meldcode's anonymous consultation: Veilig Thuis, about a minor, without consent for it. */
export function isAnonymousConsultation(role: PartnerRole, age: VictimAge, consents: ConsentByRole): boolean {
  return role === 'veilig_thuis' && isMinor(age) && consents.veilig_thuis !== true;
}

/** Why this partner may not be asked for lack of consent; undefined when it may. */
export function secondRingConsentProblem(
  role: SecondRingRole,
  age: VictimAge,
  consents: ConsentByRole,
): string | undefined {
  if (consents[role] === true || isAnonymousConsultation(role, age, consents)) return undefined;
  return consents[role] === false
    ? `role: the victim withdrew the consent to share with ${role}`
    : `role: no consent recorded to share with ${role} (record it first: toestemming)`;
}

/** The notes the workflow writes on a second-ring request (shown translated on the partner page). */
export const SECOND_RING_NOTE = 'Vraag van de casemanager van het CSG';
export const ANONYMOUS_CONSULTATION_NOTE =
  'Consultatie volgens de meldcode over een minderjarige, zonder gegevens die het kind herkenbaar maken';

/**
 * Whether a request to a partner is still under way: not yet answered, or accepted and not yet
 * reported done or not done. Asking the same partner again meanwhile would give them the same
 * question twice; once the task is final (or the request ended) they may be asked anew.
 */
export function isUnderWay(request: { status: RequestStatus; task?: { state: TaskState } }): boolean {
  if (request.status === 'open') return true;
  if (request.status !== 'acknowledged' || !request.task) return false;
  return request.task.state === 'geaccepteerd' || request.task.state === 'gepland';
}
