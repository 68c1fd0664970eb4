import { triage, windowFor, WINDOW_72_HOURS_MS, WINDOW_7_DAYS_MS } from '../../domain/triage';
import type { IncidentTime, VictimAge } from '../../domain/types';

const now = new Date('2026-03-10T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const SECOND = 1000;
const adult: VictimAge = { kind: 'years', years: 30 };

describe('triage window at every boundary', () => {
  test.each([
    ['just now', 0, 'binnen_72_uur', true],
    ['72 h minus 1 s', WINDOW_72_HOURS_MS - SECOND, 'binnen_72_uur', true],
    ['exactly 72 h', WINDOW_72_HOURS_MS, 'binnen_72_uur', true],
    ['72 h plus 1 s', WINDOW_72_HOURS_MS + SECOND, 'binnen_7_dagen', true],
    ['7 days minus 1 s', WINDOW_7_DAYS_MS - SECOND, 'binnen_7_dagen', true],
    ['exactly 7 days', WINDOW_7_DAYS_MS, 'binnen_7_dagen', true],
    ['7 days plus 1 s', WINDOW_7_DAYS_MS + SECOND, 'na_7_dagen', false],
    ['a year', 365 * 24 * 3600 * SECOND, 'na_7_dagen', false],
  ])('%s since the incident → %s', (_label, elapsed, window, acute) => {
    const result = triage({ kind: 'exact', at: ago(elapsed) }, adult, now);
    expect(result.window).toBe(window);
    expect(result.acute).toBe(acute);
    expect(windowFor(elapsed)).toBe(window);
  });

  test('medical branch follows the 72-hour split', () => {
    expect(triage({ kind: 'exact', at: ago(WINDOW_72_HOURS_MS) }, adult, now).medicalPartner).toBe(
      'acute_medische_zorg',
    );
    expect(triage({ kind: 'exact', at: ago(WINDOW_72_HOURS_MS + SECOND) }, adult, now).medicalPartner).toBe(
      'medische_zorg_na_72_uur',
    );
  });

  test('the FMO deadline is the end of the acute window; non-acute cases have none', () => {
    const at = ago(10 * 3600 * SECOND);
    expect(triage({ kind: 'exact', at }, adult, now).fmoDeadline).toBe(
      new Date(new Date(at).getTime() + WINDOW_7_DAYS_MS).toISOString(),
    );
    expect(
      triage({ kind: 'exact', at: ago(WINDOW_7_DAYS_MS + SECOND) }, adult, now).fmoDeadline,
    ).toBeUndefined();
  });
});

describe('uncertain incident times are triaged on the most urgent window they allow', () => {
  test('approximate: the latest moment of the range counts', () => {
    const range: IncidentTime = {
      kind: 'approximate',
      earliest: ago(10 * 24 * 3600 * SECOND),
      latest: ago(60 * 3600 * SECOND),
    };
    const result = triage(range, adult, now);
    expect(result.window).toBe('binnen_72_uur');
    expect(result.basis).toBe('approximate');
  });

  test('unknown: treated as within 72 hours until corrected', () => {
    const result = triage({ kind: 'unknown' }, adult, now);
    expect(result).toMatchObject({ window: 'binnen_72_uur', acute: true, basis: 'unknown' });
  });

  test('a time in the future counts as now', () => {
    expect(
      triage({ kind: 'exact', at: new Date(now.getTime() + 3600_000).toISOString() }, adult, now).window,
    ).toBe('binnen_72_uur');
  });
});

describe('forensic partner: the NFI examines victims up to and including 15', () => {
  test.each<[VictimAge, string]>([
    [{ kind: 'years', years: 0 }, 'nfi'],
    [{ kind: 'years', years: 15 }, 'nfi'],
    [{ kind: 'years', years: 16 }, 'forensisch_arts'],
    [{ kind: 'band', band: '0-15' }, 'nfi'],
    [{ kind: 'band', band: '16-17' }, 'forensisch_arts'],
    [{ kind: 'band', band: '18+' }, 'forensisch_arts'],
    [{ kind: 'unknown' }, 'forensisch_arts'],
  ])('%j → %s', (age, partner) => {
    expect(triage({ kind: 'unknown' }, age, now).forensicPartner).toBe(partner);
  });
});
