/**
 * Dates as helpline staff type them ("03-03-2026", "vandaag", "22:30"), in Dutch local time,
 * turned into ISO times with the right offset (summer or winter time) for the intake schema.
 */
import { DUTCH_TIME_ZONE, offsetMinutes } from './dutchTime';

export const TIME_ZONE = DUTCH_TIME_ZONE;

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** The calendar date today in the zone, as [year, month, day]. */
function localDate(now: Date, timeZone: string): [number, number, number] {
  const offset = offsetMinutes(now, timeZone);
  const shifted = new Date(now.getTime() + offset * 60000);
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}

/**
 * A calendar date as people in the Netherlands write it ("14-03-1987", "4-3-1987", with - / or .)
 * as [year, month, day]; undefined when it is not one or does not exist (31-02-2026).
 */
export function parseDutchDate(text: string): [number, number, number] | undefined {
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  const exists = check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
  return exists ? [y, m, d] : undefined;
}

/** [year, month, day] as YYYY-MM-DD, the form the schemas take. */
export function isoDate([y, m, d]: [number, number, number]): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export type LocalTimeResult = { ok: true; iso: string } | { ok: false; problem: 'datum' | 'tijd' };

/**
 * Parses a date ("dd-mm-jjjj", "d-m-jjjj", "vandaag", "gisteren", "eergisteren", "today", "yesterday") and time
 * ("uu:mm" or "uu.mm") as local time in the zone; returns an ISO string with offset.
 */
export function parseLocalDateTime(
  dateText: string,
  timeText: string,
  now: Date,
  timeZone = TIME_ZONE,
): LocalTimeResult {
  const date = dateText.trim().toLowerCase();
  let ymd: [number, number, number] | undefined;
  // English staff type the English words; both are accepted whatever the page's language.
  const relative: Record<string, number> = {
    vandaag: 0,
    gisteren: 1,
    eergisteren: 2,
    today: 0,
    yesterday: 1,
  };
  if (date in relative) {
    const [y, m, d] = localDate(now, timeZone);
    const day = new Date(Date.UTC(y, m - 1, d - relative[date]!));
    ymd = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  } else {
    ymd = parseDutchDate(date);
  }
  if (!ymd) return { ok: false, problem: 'datum' };
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(timeText.trim());
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return { ok: false, problem: 'tijd' };
  const [y, m, d] = ymd;
  const [hh, mm] = [Number(time[1]), Number(time[2])];
  // Two passes settle the offset around the summer-time switch.
  const wallClockAsUtc = Date.UTC(y, m - 1, d, hh, mm);
  let offset = offsetMinutes(new Date(wallClockAsUtc), timeZone);
  offset = offsetMinutes(new Date(wallClockAsUtc - offset * 60000), timeZone);
  const sign = offset >= 0 ? '+' : '-';
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return { ok: true, iso };
}

/** "03-03-2026 22:30" in Dutch local time, for pages. */
export function formatLocal(iso: string, timeZone = TIME_ZONE): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** Calendar days from `now` to `iso` in Dutch local time: 0 today, 1 tomorrow, negative when past. */
export function daysUntil(iso: string, now: Date, timeZone = TIME_ZONE): number {
  const [y1, m1, d1] = localDate(now, timeZone);
  const [y2, m2, d2] = localDate(new Date(iso), timeZone);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
