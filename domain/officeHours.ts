/**
 * Office hours: when a partner's desk is staffed, on the Dutch clock, and when a non-acute
 * request's clock runs. A GGZ request sent on Friday at 20:00 with three hours to answer is due on
 * Monday at 11:00 (opening 08:00), not at 23:00 when nobody is there to read it and the
 * coordinator would be paged for nothing. Acute requests keep the clock running around the clock.
 *
 * Pure (no clock, no library): the workflow computes deadlines with it. The public holidays come
 * in as calendar dates, drawn up where a library may run (regions/publicHolidays.ts) and copied
 * into the case's settings at its start.
 */
import { dutchOffsetMinutes } from './dutchClock';

export const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening and closing as minutes after midnight, Dutch time; closing after opening. */
export interface OpeningSpan {
  opens: number;
  closes: number;
}

/** A partner's week: the days it is open; a day left out is closed. */
export type WeekHours = Partial<Record<Weekday, OpeningSpan>>;

/** "08:30-17:00" as an opening span; undefined when it is not two times with the second later. */
export function parseOpeningSpan(text: string): OpeningSpan | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(text.trim());
  if (!match) return undefined;
  const opens = Number(match[1]) * 60 + Number(match[2]);
  const closes = Number(match[3]) * 60 + Number(match[4]);
  return closes > opens && closes <= 24 * 60 ? { opens, closes } : undefined;
}

/** An opening span written as the region file writes it: "08:30-17:00". */
export function openingSpanText(span: OpeningSpan): string {
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${hhmm(span.opens)}-${hhmm(span.closes)}`;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The Dutch calendar date (YYYY-MM-DD), weekday and time of the day (ms since midnight) of an instant. */
function dutchWallClock(ms: number): { date: string; weekday: Weekday; msOfDay: number } {
  const local = ms + dutchOffsetMinutes(ms) * MINUTE_MS;
  const day = new Date(local);
  return {
    date: day.toISOString().slice(0, 10),
    // getUTCDay: 0 is Sunday.
    weekday: WEEKDAYS[(day.getUTCDay() + 6) % 7]!,
    msOfDay: ((local % DAY_MS) + DAY_MS) % DAY_MS,
  };
}

/**
 * The instant at which `workMs` of open time has passed after `fromMs`: time only runs while the
 * desk is open (its weekday's span, not on a public holiday). Open around the clock: `fromMs +
 * workMs`. A week without any open day would never end: it counts as open around the clock.
 */
export function officeDeadline(
  fromMs: number,
  workMs: number,
  hours: WeekHours | undefined,
  holidays: readonly string[] = [],
): number {
  if (!hours || WEEKDAYS.every((d) => hours[d] === undefined)) return fromMs + workMs;
  const closedDays = new Set(holidays);
  let at = fromMs;
  let left = workMs;
  // Each turn reaches an opening, spends open time or leaves a closed day: a few turns per day.
  for (let turns = 0; turns < 10_000; turns++) {
    const clock = dutchWallClock(at);
    const span = closedDays.has(clock.date) ? undefined : hours[clock.weekday];
    const opens = (span?.opens ?? 0) * MINUTE_MS;
    const closes = (span?.closes ?? 0) * MINUTE_MS;
    if (span && clock.msOfDay < opens) {
      at += opens - clock.msOfDay;
    } else if (span && clock.msOfDay < closes) {
      const openLeft = closes - clock.msOfDay;
      if (left <= openLeft) return at + left;
      left -= openLeft;
      at += openLeft;
    } else {
      // Closed for the rest of this day: on to the next midnight on the wall clock (a
      // summer-time switch on the way moves the wall clock an hour against real time).
      const next = at + DAY_MS - clock.msOfDay;
      at = next - (dutchOffsetMinutes(next) - dutchOffsetMinutes(at)) * MINUTE_MS;
    }
  }
  return at + left;
}
