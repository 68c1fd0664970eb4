/**
 * A victim's phone gets the invitation only at a reasonable hour: 09:00-20:00 Dutch time, not on a
 * Sunday or a Dutch public holiday, across the summer-time switches.
 */
import { nextReasonableMoment } from '../../domain/reasonableHours';
import { dutchPublicHolidays } from '../../regions/publicHolidays';

const at = (dutch: string) => Date.parse(dutch);
const iso = (ms: number) => new Date(ms).toISOString();
const holidays = dutchPublicHolidays(2026, 2027);

describe('nextReasonableMoment', () => {
  test('a weekday afternoon is reasonable as it is', () => {
    expect(iso(nextReasonableMoment(at('2026-12-01T14:30:00+01:00'), holidays))).toBe(
      iso(at('2026-12-01T14:30:00+01:00')),
    );
  });

  test('Saturday 22:00: not Sunday, but Monday 09:00', () => {
    expect(iso(nextReasonableMoment(at('2026-12-05T22:00:00+01:00'), holidays))).toBe(
      iso(at('2026-12-07T09:00:00+01:00')),
    );
  });

  test('any time on a Sunday waits for Monday 09:00', () => {
    expect(iso(nextReasonableMoment(at('2026-12-06T12:00:00+01:00'), holidays))).toBe(
      iso(at('2026-12-07T09:00:00+01:00')),
    );
  });

  test('early in the morning waits for 09:00 the same day; 20:00 itself is too late', () => {
    expect(iso(nextReasonableMoment(at('2026-12-02T07:15:00+01:00'), holidays))).toBe(
      iso(at('2026-12-02T09:00:00+01:00')),
    );
    expect(iso(nextReasonableMoment(at('2026-12-02T20:00:00+01:00'), holidays))).toBe(
      iso(at('2026-12-03T09:00:00+01:00')),
    );
  });

  test('Christmas Eve evening: past both Christmas days and the Sunday, to Monday 28 December', () => {
    // 24 December 2026 is a Thursday; 25 and 26 are public holidays, 27 a Sunday.
    expect(iso(nextReasonableMoment(at('2026-12-24T21:00:00+01:00'), holidays))).toBe(
      iso(at('2026-12-28T09:00:00+01:00')),
    );
  });

  test('without the holidays given, Christmas Day is an ordinary Friday', () => {
    expect(iso(nextReasonableMoment(at('2026-12-24T21:00:00+01:00')))).toBe(
      iso(at('2026-12-25T09:00:00+01:00')),
    );
  });

  test('summer time starts (Sunday 29 March 2026): Monday 09:00 is 07:00 UTC, not 08:00', () => {
    expect(iso(nextReasonableMoment(at('2026-03-28T21:00:00+01:00'), holidays))).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  test('summer time ends (Sunday 25 October 2026): Monday 09:00 is 08:00 UTC', () => {
    expect(iso(nextReasonableMoment(at('2026-10-24T20:30:00+02:00'), holidays))).toBe(
      '2026-10-26T08:00:00.000Z',
    );
  });
});
