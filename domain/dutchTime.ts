/**
 * Wall-clock time in the Netherlands. Partners and helpline staff read every deadline in Dutch
 * local time (summer or winter time), whatever zone the server runs in. Built from numeric parts
 * so the result does not depend on which locale data the runtime carries.
 */

export const DUTCH_TIME_ZONE = 'Europe/Amsterdam';

export interface WallClock {
  year: number;
  /** 1 to 12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function wallClock(instant: Date, timeZone = DUTCH_TIME_ZONE): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const [year, month, day] = [get('year'), get('month'), get('day')];
  return {
    year,
    month,
    day,
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The zone's offset from UTC at an instant, in minutes east (60 in winter, 120 in summer). */
export function offsetMinutes(instant: Date, timeZone = DUTCH_TIME_ZONE): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - instant.getTime()) / 60000);
}
