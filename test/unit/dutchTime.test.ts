/**
 * Dutch local time: deadlines shown to partners and times typed by helpline staff are in
 * Europe/Amsterdam, with the summer-time switch, whatever zone the server runs in.
 */
import { offsetMinutes, wallClock } from '../../domain/dutchTime';
import { formatDeadline } from '../../activities/templates';
import { daysUntil, formatLocal, parseLocalDateTime } from '../../domain/localTime';

describe('Dutch wall-clock time', () => {
  it.each([
    ['2026-01-15T12:00:00Z', 60],
    ['2026-07-15T12:00:00Z', 120],
    // Summer time starts on 29 March 2026 at 01:00 UTC and ends on 25 October 2026 at 01:00 UTC.
    ['2026-03-29T00:59:59Z', 60],
    ['2026-03-29T01:00:00Z', 120],
    ['2026-10-25T00:59:59Z', 120],
    ['2026-10-25T01:00:00Z', 60],
  ])('offset at %s is %i minutes', (iso, minutes) => {
    expect(offsetMinutes(new Date(iso))).toBe(minutes);
  });

  it('gives the Dutch date, not the server date, just after midnight', () => {
    expect(wallClock(new Date('2026-11-22T23:30:00Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      hour: 0,
      minute: 30,
      second: 0,
      weekday: 1,
    });
  });

  it('writes deadlines for partners in Dutch time with the weekday', () => {
    expect(formatDeadline('2026-11-23T09:56:41Z')).toEqual({
      nl: 'ma 23 nov 10:56',
      en: 'Mon 23 Nov 10:56',
    });
    expect(formatDeadline('2026-07-05T22:15:00Z').nl).toBe('ma 6 jul 00:15');
  });

  it('shows times on pages in Dutch time', () => {
    expect(formatLocal('2026-11-23T09:56:41Z')).toBe('23-11-2026, 10:56');
  });
});

describe('times as helpline staff type them', () => {
  const now = new Date('2026-11-22T23:30:00Z'); // Monday 23 November, 00:30 in the Netherlands

  it.each([
    ['vandaag', '00:10', '2026-11-23T00:10:00+01:00'],
    ['gisteren', '22.30', '2026-11-22T22:30:00+01:00'],
    ['eergisteren', '9:05', '2026-11-21T09:05:00+01:00'],
    ['3-3-2026', '22:30', '2026-03-03T22:30:00+01:00'],
    ['29-03-2026', '03:30', '2026-03-29T03:30:00+02:00'],
    ['15/07/2026', '12:00', '2026-07-15T12:00:00+02:00'],
  ])('"%s %s" is %s', (date, time, iso) => {
    expect(parseLocalDateTime(date, time, now)).toEqual({ ok: true, iso });
  });

  it.each([
    ['31-02-2026', '12:00', 'datum'],
    ['morgen', '12:00', 'datum'],
    ['2026-03-03', '12:00', 'datum'],
    ['03-03-2026', '24:00', 'tijd'],
    ['03-03-2026', '12:60', 'tijd'],
    ['03-03-2026', '', 'tijd'],
  ])('"%s %s" is refused naming the %s', (date, time, problem) => {
    expect(parseLocalDateTime(date, time, now)).toEqual({ ok: false, problem });
  });
});

describe('days until a planned moment, as the case page counts them', () => {
  const now = new Date('2026-11-22T23:30:00Z'); // Monday 23 November, 00:30 in the Netherlands

  it.each([
    ['2026-11-23T22:00:00Z', 0], // 23:00 the same Dutch day, though 22.5 hours away
    ['2026-11-23T23:10:00Z', 1], // 00:10 on Tuesday: tomorrow, though under a day away
    ['2026-11-30T08:00:00Z', 7],
    ['2026-11-22T08:00:00Z', -1],
    ['2027-04-01T08:00:00Z', 129], // over the summer-time switch
  ])('%s is %i days away', (iso, days) => {
    expect(daysUntil(iso, now)).toBe(days);
  });
});
