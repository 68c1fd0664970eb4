/**
 * The named casemanagers of a region's staff directory: validated like the rest of the region
 * file (a bad entry names its field), found by staff id, and not asked on a day they are away.
 */
import { createDirectory, dutchDay } from '../../activities/directory';
import { loadRegions, REGIONS } from '../../regions';
import { limburg } from '../../regions/limburg';

const withCasemanagers = (casemanagers: unknown) => ({ ...limburg, casemanagers });
const july = (day: number, hour = 10) => new Date(Date.UTC(2026, 6, day, hour - 2));

describe('named casemanagers in the region file', () => {
  test('the shipped regions name the casemanagers the staff log in as', () => {
    expect(Object.keys(REGIONS.get('limburg')!.casemanagers).sort()).toEqual(['cm-017', 'cm-lim']);
    expect(REGIONS.get('limburg')!.casemanagers['cm-lim']).toMatchObject({ absences: [] });
  });

  test('a region without named casemanagers loads (nobody owns a case there yet)', () => {
    const { casemanagers: _omitted, ...without } = limburg;
    expect(loadRegions([without]).get('limburg')!.casemanagers).toEqual({});
  });

  test.each([
    [{ 'cm 017': { name: 'X', email: 'x@csg.example' } }, /casemanagers\.cm 017: expected a staff id/],
    [
      { 'cm-017': { name: 'X', email: 'geen-adres' } },
      /casemanagers\.cm-017\.email: expected an email address/,
    ],
    [
      { 'cm-017': { name: 'X', sms: '0612345678' } },
      /casemanagers\.cm-017\.sms: expected an E\.164 phone number/,
    ],
    [
      { 'cm-017': { name: 'X' } },
      /casemanagers\.cm-017: a casemanager needs an email address or an SMS number/,
    ],
    [
      { 'cm-017': { name: 'X', email: 'x@csg.example', absences: [{ from: '2026-07-01', to: '1 aug' }] } },
      /casemanagers\.cm-017\.absences\.0\.to: expected a date like 2026-07-01/,
    ],
    [
      {
        'cm-017': { name: 'X', email: 'x@csg.example', absences: [{ from: '2026-02-30', to: '2026-03-02' }] },
      },
      /casemanagers\.cm-017\.absences\.0\.from: expected a date that exists/,
    ],
    [
      {
        'cm-017': { name: 'X', email: 'x@csg.example', absences: [{ from: '2026-07-10', to: '2026-07-01' }] },
      },
      /casemanagers\.cm-017\.absences\.0\.to: the absence ends before it starts/,
    ],
    [
      { 'cm-017': { name: 'X', email: 'x@csg.example', telefoon: '+31612345678' } },
      /casemanagers\.cm-017: .*telefoon/,
    ],
  ])('a bad entry is refused with the region and field named (%#)', (casemanagers, problem) => {
    expect(() => loadRegions([withCasemanagers(casemanagers)])).toThrow(/Region "limburg" is invalid/);
    expect(() => loadRegions([withCasemanagers(casemanagers)])).toThrow(problem);
  });
});

describe('finding a named casemanager', () => {
  const regions = loadRegions([
    withCasemanagers({
      'cm-017': {
        name: 'Casemanager 017',
        email: 'cm-017@csg-limburg.example',
        absences: [{ from: '2026-07-06', to: '2026-07-17' }],
      },
    }),
  ]);
  const directory = createDirectory(regions);

  test('their own address, in Dutch, under the region casemanagement', () => {
    expect(directory.casemanager('limburg', 'cm-017', { from: july(1), until: july(2) })).toEqual({
      found: true,
      organisation: 'CSG Limburg casemanagement',
      contact: { name: 'Casemanager 017', email: 'cm-017@csg-limburg.example' },
      language: 'nl',
    });
  });

  test('absent when an absence touches a day between the ask and its deadline, both days included', () => {
    const absent = (from: Date, until: Date) =>
      directory.casemanager('limburg', 'cm-017', { from, until }).found === false;
    expect(absent(july(5), july(6))).toBe(true); // due on the first day away
    expect(absent(july(10), july(11))).toBe(true);
    expect(absent(july(17), july(18))).toBe(true); // asked on the last day away
    expect(absent(july(4), july(5, 23))).toBe(false); // the evening before, Dutch time
    expect(absent(new Date('2026-07-17T22:30:00Z'), july(19))).toBe(false); // 00:30 Dutch time
  });

  test('an unknown staff id or region is said so, not guessed', () => {
    const during = { from: july(1), until: july(2) };
    expect(directory.casemanager('limburg', 'cm-999', during)).toMatchObject({
      found: false,
      problem: 'unknown_casemanager',
    });
    expect(directory.casemanager('limburg', 'toString', during)).toMatchObject({ found: false });
    expect(directory.casemanager('atlantis', 'cm-017', during)).toMatchObject({
      found: false,
      problem: 'unknown_region',
    });
  });

  test('the day is the Dutch calendar day, whatever zone the server runs in', () => {
    expect(dutchDay(new Date('2026-07-04T22:30:00Z'))).toBe('2026-07-05');
    expect(dutchDay(new Date('2026-01-04T22:30:00Z'))).toBe('2026-01-04');
  });
});
