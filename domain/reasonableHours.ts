/**
 * When a message may reach a victim's phone: between 09:00 and 20:00 Dutch time, Monday to
 * Saturday, not on a Dutch public holiday. A text at night or on a Sunday morning is read by
 * whoever is near the phone, and wakes a person the message is meant to help.
 *
 * Pure (no clock, no library): the workflow computes the moment with it. The holidays come in as
 * calendar dates (the case's `closedDays`, drawn up by regions/publicHolidays.ts at its start).
 * Reuses the office-hours walk (domain/officeHours.ts) with a wait of zero: the first open moment.
 */
import { officeDeadline, type OpeningSpan, type WeekHours } from './officeHours';

const NINE_TO_EIGHT: OpeningSpan = { opens: 9 * 60, closes: 20 * 60 };

/** Monday to Saturday 09:00-20:00; Sunday left out, so closed. */
export const REASONABLE_HOURS: WeekHours = {
  ma: NINE_TO_EIGHT,
  di: NINE_TO_EIGHT,
  wo: NINE_TO_EIGHT,
  do: NINE_TO_EIGHT,
  vr: NINE_TO_EIGHT,
  za: NINE_TO_EIGHT,
};

/** `fromMs` itself when it is a reasonable moment, else the next one (ms since epoch). */
export function nextReasonableMoment(fromMs: number, holidays: readonly string[] = []): number {
  return officeDeadline(fromMs, 0, REASONABLE_HOURS, holidays);
}
