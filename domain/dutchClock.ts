/**
 * Dutch time without the runtime's time-zone data: the offset by the EU rule (summer time from the
 * last Sunday of March to the last Sunday of October, both at 01:00 UTC, as the Netherlands has
 * kept since 1996), worked out from the instant alone. For workflow code, where a text must come
 * out the same on every replay, whichever worker and tz database runs it; the rest of the system
 * reads Dutch time through Intl (domain/dutchTime.ts), and the unit test holds the two together.
 */

/** The last Sunday of a month (0-based), 01:00 UTC, in ms. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
}

/** Minutes east of UTC in the Netherlands at `ms`: 120 in summer time, 60 in winter time. */
export function dutchOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9);
  return summer ? 120 : 60;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "24-11-2026, 11:15": Dutch time written as the pages write it (domain/localTime.ts formatLocal). */
export function formatDutchTime(ms: number): string {
  const local = new Date(ms + dutchOffsetMinutes(ms) * 60_000);
  const date = `${pad(local.getUTCDate())}-${pad(local.getUTCMonth() + 1)}-${local.getUTCFullYear()}`;
  return `${date}, ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
