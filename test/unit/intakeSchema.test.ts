import { regionForMunicipality } from '../../regions';
import { parseIntake } from '../../domain/intakeSchema';
import { buildIntake } from '../../testkit/meldingFixtures';

const problemsOf = (raw: unknown) => {
  const result = parseIntake(raw, regionForMunicipality);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('intake validation', () => {
  test('a complete intake is accepted and its region resolved', () => {
    const result = parseIntake(buildIntake(), regionForMunicipality);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.region.id).toBe('limburg');
  });

  test('Gennep belongs to Gelderland-Zuid en -Midden', () => {
    const result = parseIntake(buildIntake({ municipality: 'Gennep' }), regionForMunicipality);
    expect(result.ok && result.region.id).toBe('gelderland-zuid-midden');
  });

  test('an unknown municipality is rejected naming the field', () => {
    expect(problemsOf(buildIntake({ municipality: 'Atlantis' }))).toEqual([
      {
        field: 'municipality',
        code: 'custom',
        message: 'expected the name of a Dutch municipality',
      },
    ]);
  });

  test.each([
    ['reference', { reference: 'Jan Jansen' }, 'reference'],
    ['channel', { channel: 'fax' }, 'channel'],
    ['caller role', { callerRole: 'buurman' }, 'callerRole'],
    ['incident kind', { incidentTime: { kind: 'gisteren' } }, 'incidentTime.kind'],
    ['incident time', { incidentTime: { kind: 'exact', at: 'gisteravond' } }, 'incidentTime.at'],
    ['age', { victimAge: { kind: 'years', years: -1 } }, 'victimAge.years'],
    ['age band', { victimAge: { kind: 'band', band: '12-14' } }, 'victimAge.band'],
    ['police wish', { wishes: { police: 'misschien', medicalCare: 'ja' } }, 'wishes.police'],
    ['staff id', { recordedBy: 'Marie de Vries' }, 'recordedBy'],
    ['email', { victimContact: { email: 'geen-adres' } }, 'victimContact.email'],
  ])('a bad %s is rejected with its field named', (_label, override, field) => {
    const problems = problemsOf({ ...buildIntake(), ...override });
    expect(problems.map((p) => p.field)).toContain(field);
    for (const p of problems) expect(p.message).toMatch(/^expected /);
  });

  describe("a minor's parent or guardian", () => {
    const minor = { victimAge: { kind: 'years' as const, years: 14 } };
    const guardian = { relation: 'ouder' as const, name: 'Voorbeeld Ouder', phone: '+31612377777' };

    test('is kept for a minor (and for an age not known)', () => {
      const result = parseIntake(buildIntake({ ...minor, guardian }), regionForMunicipality);
      expect(result.ok && result.intake.guardian).toEqual(guardian);
      const unknownAge = buildIntake({ victimAge: { kind: 'unknown' }, guardian });
      expect(parseIntake(unknownAge, regionForMunicipality).ok).toBe(true);
    });

    test.each([
      ['relation', { ...guardian, relation: 'buurman' }, 'guardian.relation', /"ouder", "voogd" or "anders"/],
      ['name', { relation: 'voogd', name: '  ' }, 'guardian.name', /name of the parent or guardian/],
      ['phone', { ...guardian, phone: 'bel maar' }, 'guardian.phone', /phone number/],
      ['extra field', { ...guardian, adres: 'Dorpsstraat 1' }, 'guardian', /^expected /],
    ])('a bad %s is refused with its field named', (_label, bad, field, message) => {
      const problems = problemsOf({ ...buildIntake(minor), guardian: bad });
      expect(problems.map((p) => p.field)).toContain(field);
      expect(problems.find((p) => p.field === field)!.message).toMatch(message);
    });

    test('is refused for a victim of 18 or older', () => {
      expect(problemsOf(buildIntake({ victimAge: { kind: 'band', band: '18+' }, guardian }))).toEqual([
        {
          field: 'guardian',
          code: 'custom',
          message: 'expected no parent or guardian for a victim of 18 or older',
        },
      ]);
    });
  });

  test('a missing field is named', () => {
    const { immediateDanger: _omit, ...rest } = buildIntake();
    expect(problemsOf(rest)).toEqual([
      {
        field: 'immediateDanger',
        code: 'invalid_type',
        message: 'expected whether there is immediate danger as true or false',
      },
    ]);
  });

  test('an approximate range must run forwards', () => {
    const problems = problemsOf(
      buildIntake({
        incidentTime: {
          kind: 'approximate',
          earliest: '2026-03-02T10:00:00Z',
          latest: '2026-03-01T10:00:00Z',
        },
        receivedAt: '2026-03-05T10:00:00Z',
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['incidentTime.latest']);
  });

  test('an incident after the intake is rejected', () => {
    const problems = problemsOf(
      buildIntake({
        incidentTime: { kind: 'exact', at: '2026-03-06T10:00:00Z' },
        receivedAt: '2026-03-05T10:00:00Z',
      }),
    );
    expect(problems).toEqual([
      {
        field: 'incidentTime.at',
        code: 'custom',
        message: 'expected an incident time before the intake was registered (receivedAt)',
      },
    ]);
  });

  test('unknown incident time and unknown age are valid', () => {
    expect(
      parseIntake(
        buildIntake({ incidentTime: { kind: 'unknown' }, victimAge: { kind: 'unknown' } }),
        regionForMunicipality,
      ).ok,
    ).toBe(true);
  });
});

describe('date of birth and practical notes', () => {
  const withContact = (dateOfBirth: string) =>
    buildIntake({ victimContact: { name: 'Voorbeeld', dateOfBirth } });

  test('both are optional and kept when given', () => {
    const result = parseIntake(
      { ...withContact('1990-02-28'), practicalNotes: 'Spreekt Pools, tolk nodig' },
      regionForMunicipality,
    );
    expect(result.ok && result.intake.victimContact.dateOfBirth).toBe('1990-02-28');
    expect(result.ok && result.intake.practicalNotes).toBe('Spreekt Pools, tolk nodig');
  });

  test.each(['28-02-1990', '1990-02-30', '2999-01-01'])(
    'date of birth %s is refused, naming the field',
    (dob) => {
      expect(problemsOf(withContact(dob))).toEqual([
        expect.objectContaining({ field: 'victimContact.dateOfBirth' }),
      ]);
    },
  );

  test('notes longer than 500 characters are refused with the limit named', () => {
    expect(problemsOf({ ...buildIntake(), practicalNotes: 'x'.repeat(501) })).toEqual([
      {
        field: 'practicalNotes',
        code: 'too_big',
        message: expect.stringContaining('at most 500 characters'),
      },
    ]);
  });
});
