/**
 * Watchful waiting as it happens: the checks on a recorded contact and on a change of the plan
 * that need no case (the form of times, which fields go together). What depends on the case (is
 * that check-in planned, is the time after the workflow's now) is the workflow validator's.
 *
 * Plain code, no zod: the workflow validators and the API schemas share these checks, so a body
 * gets the same words whichever refuses it.
 */
import type { CheckInPlan } from './types';
import { CONTACT_NOTE_MAX, CONTACT_OUTCOMES, SCREENING_RESULTS, isOneOf } from './vocabulary';

/** The 6-month follow-up one region uses (domain brief, section 3): monthly after the day-28 screening. */
export const SIX_MONTH_CHECK_INS: readonly CheckInPlan[] = [
  { day: 1, screening: false },
  { day: 7, screening: false },
  { day: 14, screening: false },
  { day: 28, screening: true },
  { day: 56, screening: false },
  { day: 91, screening: false },
  { day: 126, screening: false },
  { day: 182, screening: true },
];

/** Planned check-ins from the region's schedule, counted in days from the intake. */
export function plannedCheckInId(day: number): string {
  return `checkin-dag-${day}`;
}
/** A check-in the casemanager added. */
export function extraCheckInId(n: number): string {
  return `checkin-extra-${n}`;
}
/** A retry after a contact attempt that did not reach the victim. */
export function retryCheckInId(n: number): string {
  return `checkin-poging-${n}`;
}

/** What a check-in id looks like (the plan says which exist). */
export const CHECK_IN_ID_PATTERN = /^checkin-(dag|extra|poging)-\d{1,4}$/;

/** An ISO date-time with its offset, e.g. 2026-03-01T10:00:00+01:00 or ...Z. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const ISO_TIME_MESSAGE = 'expected an ISO date-time with offset, e.g. 2026-03-01T10:00:00+01:00';

/** The moment an ISO date-time means (epoch ms), or undefined when it is not one. */
export function isoTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The problem with a time for `field` ("field: message"), or undefined; `nowMs` checks it is still to come. */
export function futureTimeProblem(field: string, value: unknown, nowMs?: number): string | undefined {
  const ms = isoTime(value);
  if (ms === undefined) return `${field}: ${ISO_TIME_MESSAGE}`;
  if (nowMs !== undefined && ms <= nowMs) return `${field}: must be in the future`;
  return undefined;
}

export interface ContactFields {
  reached?: unknown;
  outcome?: unknown;
  note?: unknown;
  screening?: unknown;
  retryAt?: unknown;
  nextContactAt?: unknown;
}

/**
 * The problem with a recorded contact, naming the field; undefined when it is fine. With `nowMs`
 * (the workflow's clock) the retry and the next contact must lie in the future.
 */
export function contactProblem(body: ContactFields, nowMs?: number): string | undefined {
  if (typeof body.reached !== 'boolean') return 'reached: expected true (the victim was reached) or false';
  if (body.note !== undefined) {
    if (typeof body.note !== 'string') return 'note: expected a short text';
    if (body.note.trim().length > CONTACT_NOTE_MAX) return `note: at most ${CONTACT_NOTE_MAX} characters`;
  }
  if (body.reached) {
    if (!isOneOf(CONTACT_OUTCOMES, body.outcome)) {
      return `outcome: a reached contact says how the victim is doing: ${CONTACT_OUTCOMES.join(', ')}`;
    }
    if (body.screening !== undefined && !isOneOf(SCREENING_RESULTS, body.screening)) {
      return `screening: expected one of ${SCREENING_RESULTS.join(', ')}`;
    }
    if (body.retryAt !== undefined) return 'retryAt: only when the victim was not reached';
    if (body.nextContactAt !== undefined)
      return futureTimeProblem('nextContactAt', body.nextContactAt, nowMs);
    return undefined;
  }
  if (body.outcome !== undefined) return 'outcome: only when the victim was reached';
  if (body.screening !== undefined) return 'screening: only when the victim was reached';
  if (body.nextContactAt !== undefined) {
    return 'nextContactAt: only when the victim was reached (give retryAt to try again)';
  }
  if (body.retryAt === undefined) return 'retryAt: when the victim was not reached, say when to try again';
  return futureTimeProblem('retryAt', body.retryAt, nowMs);
}
