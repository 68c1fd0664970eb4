/**
 * ISO weeks (Monday to Sunday) as the Netherlands lives them: a week starts at Monday 00:00 Dutch
 * local time, summer or winter time, whatever zone the server runs in.
 */
import { offsetMinutes, wallClock } from './dutchTime';

export interface IsoWeek {
  /** ISO week-numbering year (the year of the week's Thursday). */
  year: number;
  week: number;
  /** Monday 00:00 Dutch time, as an instant. */
  start: Date;
  /** The next Monday 00:00 Dutch time (exclusive). */
  end: Date;
}

/** Midnight at the start of a Dutch calendar date (month 1 to 12; days may run over). */
function dutchMidnight(year: number, month: number, day: number): Date {
  const asUtc = Date.UTC(year, month - 1, day);
  // Two passes settle the offset around the summer-time switch (never at midnight, but cheap).
  let offset = offsetMinutes(new Date(asUtc));
  offset = offsetMinutes(new Date(asUtc - offset * 60_000));
  return new Date(asUtc - offset * 60_000);
}

/** The ISO week number and year of a calendar date. */
function isoWeekOf(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return {
    year: date.getUTCFullYear(),
    week: Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7),
  };
}

/** The `count` ISO weeks up to and including the one `now` lies in, oldest first. */
export function lastIsoWeeks(now: Date, count: number): IsoWeek[] {
  const today = wallClock(now);
  const sinceMonday = (today.weekday + 6) % 7;
  const weeks: IsoWeek[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const mondayDay = today.day - sinceMonday - 7 * back;
    const { year, week } = isoWeekOf(today.year, today.month, mondayDay);
    weeks.push({
      year,
      week,
      start: dutchMidnight(today.year, today.month, mondayDay),
      end: dutchMidnight(today.year, today.month, mondayDay + 7),
    });
  }
  return weeks;
}
