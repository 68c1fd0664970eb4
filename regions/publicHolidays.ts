/**
 * The Dutch public holidays (the "public" ones of the date-holidays library: Nieuwjaarsdag,
 * Pasen and Tweede Paasdag, Koningsdag, Hemelvaartsdag, Pinksteren and Tweede Pinksterdag,
 * Kerstmis and Tweede Kerstdag), as calendar dates. Goede Vrijdag and Bevrijdingsdag are days off
 * only under some collective agreements: a region whose partners close then lists them itself
 * (`extraClosedDays` in its file).
 *
 * Computed here, at a case's start, and copied into its settings: the workflow may not load a
 * library with a calendar of its own, and a case keeps the days it started with.
 */
import Holidays from 'date-holidays';

const netherlands = new Holidays('NL');

/** The public holidays of these years (inclusive), as YYYY-MM-DD, in order. */
export function dutchPublicHolidays(fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of netherlands.getHolidays(year)) {
      if (holiday.type === 'public') days.push(holiday.date.slice(0, 10));
    }
  }
  return days;
}
