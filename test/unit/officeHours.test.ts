/**
 * Office hours on the Dutch clock: a non-acute request's wait runs only while the partner's desk
 * is open, across evenings, weekends, public holidays and the summer-time switches.
 */
import { officeDeadline, parseOpeningSpan, type WeekHours } from '../../domain/officeHours';
import { dutchPublicHolidays } from '../../regions/publicHolidays';
import { loadRegions, pathwayFor, REGIONS } from '../../regions';

const span = (text: string) => parseOpeningSpan(text)!;
const weekdays: WeekHours = {
  ma: span('09:00-17:00'),
  di: span('09:00-17:00'),
  wo: span('09:00-17:00'),
  do: span('09:00-17:00'),
  vr: span('09:00-17:00'),
};
const HOUR = 3600_000;
/** An instant written as Dutch wall-clock time with its offset, read back as ISO in UTC. */
const at = (dutch: string) => Date.parse(dutch);
const iso = (ms: number) => new Date(ms).toISOString();

describe('officeDeadline', () => {
  test('within the day: the plain wait', () => {
    expect(iso(officeDeadline(at('2026-12-01T10:00:00+01:00'), 3 * HOUR, weekdays))).toBe(
      iso(at('2026-12-01T13:00:00+01:00')),
    );
  });

  test('Friday 20:00 with three hours to answer: due Monday 12:00, not Friday 23:00', () => {
    expect(iso(officeDeadline(at('2026-12-04T20:00:00+01:00'), 3 * HOUR, weekdays))).toBe(
      iso(at('2026-12-07T12:00:00+01:00')),
    );
  });

  test('an hour left on Friday afternoon carries over the weekend', () => {
    expect(iso(officeDeadline(at('2026-12-04T16:00:00+01:00'), 3 * HOUR, weekdays))).toBe(
      iso(at('2026-12-07T11:00:00+01:00')),
    );
  });

  test('Christmas and the weekend after it are closed (Thursday 24 December 2026, 16:30)', () => {
    const closed = dutchPublicHolidays(2026, 2027);
    expect(closed).toEqual(expect.arrayContaining(['2026-12-25', '2026-12-26', '2027-01-01']));
    expect(iso(officeDeadline(at('2026-12-24T16:30:00+01:00'), 3 * HOUR, weekdays, closed))).toBe(
      iso(at('2026-12-28T11:30:00+01:00')),
    );
  });

  test('Easter Monday and Koningsdag count as closed; Goede Vrijdag does not unless the region says so', () => {
    const closed = dutchPublicHolidays(2026, 2026);
    expect(closed).toEqual(expect.arrayContaining(['2026-04-06', '2026-04-27', '2026-05-14']));
    expect(closed).not.toContain('2026-04-03');
    // Thursday 2 April 16:00, three hours: Friday 3 April is a working day.
    expect(iso(officeDeadline(at('2026-04-02T16:00:00+02:00'), 3 * HOUR, weekdays, closed))).toBe(
      iso(at('2026-04-03T11:00:00+02:00')),
    );
    // Friday 3 April 16:00: the weekend and Easter Monday pass, Tuesday 11:00.
    expect(iso(officeDeadline(at('2026-04-03T16:00:00+02:00'), 3 * HOUR, weekdays, closed))).toBe(
      iso(at('2026-04-07T11:00:00+02:00')),
    );
  });

  test('over the summer-time switches, opening stays at 09:00 on the wall clock', () => {
    // Saturday 28 March 2026, winter time; Monday 30 March is summer time.
    expect(iso(officeDeadline(at('2026-03-28T10:00:00+01:00'), HOUR, weekdays))).toBe(
      iso(at('2026-03-30T10:00:00+02:00')),
    );
    // Saturday 24 October 2026, summer time; Monday 26 October is winter time.
    expect(iso(officeDeadline(at('2026-10-24T10:00:00+02:00'), HOUR, weekdays))).toBe(
      iso(at('2026-10-26T10:00:00+01:00')),
    );
  });

  test('without office hours, or with a week of no open day: around the clock', () => {
    const start = at('2026-12-04T20:00:00+01:00');
    expect(officeDeadline(start, 3 * HOUR, undefined)).toBe(start + 3 * HOUR);
    expect(officeDeadline(start, 3 * HOUR, {})).toBe(start + 3 * HOUR);
  });
});

describe('office hours in the region file', () => {
  test('the pathway carries each partner’s hours and the closed days of this year and next', () => {
    const pathway = pathwayFor(REGIONS.get('limburg')!, new Date('2026-11-30T12:00:00Z'));
    expect(pathway.officeHours?.ggz?.ma).toEqual({ opens: 9 * 60, closes: 17 * 60 });
    expect(pathway.officeHours?.casemanager).toBeUndefined(); // the on-call desk: around the clock
    expect(pathway.closedDays).toEqual(expect.arrayContaining(['2026-12-25', '2027-04-27']));
  });

  test('a mistake in the hours is named with its field', () => {
    const limburg = REGIONS.get('limburg')!;
    const broken = {
      ...limburg,
      partners: {
        ...limburg.partners,
        ggz: { ...limburg.partners.ggz!, officeHours: { ma: '17:00-09:00' } },
      },
    };
    expect(() => loadRegions([broken as never])).toThrow(/ggz.*officeHours.*ma.*08:30-17:00/s);
  });
});
