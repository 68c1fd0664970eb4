/**
 * The one check on an incident time, as the intake schema (at start) and the workflow's validator
 * (on a correction) both run it: the same cases are refused, naming the same field in the same words.
 */
import { regionForMunicipality } from '../../regions';
import { incidentTimeProblem } from '../../domain/incidentTime';
import { parseIntake } from '../../domain/intakeSchema';
import { ensureIncidentTime } from '../../workflows/validation';
import { buildIntake } from '../../testkit/meldingFixtures';

const RECEIVED = '2026-03-05T10:00:00Z';
const intakeAt = Date.parse(RECEIVED);

const refused: Array<[string, unknown, string]> = [
  ['a time that is no ISO date-time', { kind: 'exact', at: 'gisteravond' }, 'incidentTime.at'],
  ['a time without an offset', { kind: 'exact', at: '2026-03-04T10:00:00' }, 'incidentTime.at'],
  [
    'a range that runs backwards',
    { kind: 'approximate', earliest: '2026-03-02T10:00:00Z', latest: '2026-03-01T10:00:00Z' },
    'incidentTime.latest',
  ],
  ['a moment after the intake', { kind: 'exact', at: '2026-03-06T10:00:00Z' }, 'incidentTime.at'],
  [
    'a range that starts after the intake',
    { kind: 'approximate', earliest: '2026-03-06T10:00:00Z', latest: '2026-03-07T10:00:00Z' },
    'incidentTime.earliest',
  ],
];

describe('incident time', () => {
  test.each(refused)('%s is refused alike at intake and as a correction', (_label, incidentTime, field) => {
    const problem = incidentTimeProblem(incidentTime, intakeAt);
    expect(problem?.field).toBe(field);

    const intake = parseIntake(
      buildIntake({ incidentTime: incidentTime as never, receivedAt: RECEIVED }),
      regionForMunicipality,
    );
    expect(intake.ok).toBe(false);
    if (!intake.ok) expect(intake.problems).toEqual([{ field, message: problem!.message, code: 'custom' }]);

    expect(() => ensureIncidentTime(incidentTime, intakeAt)).toThrow(`${field}: ${problem!.message}`);
  });

  test.each([
    { kind: 'unknown' },
    { kind: 'exact', at: '2026-03-05T10:00:00Z' },
    { kind: 'exact', at: '2026-03-05T11:00:00+01:00' },
    { kind: 'approximate', earliest: '2026-03-01T10:00:00Z', latest: '2026-03-01T10:00:00Z' },
  ])('%p is accepted, up to and including the moment of the intake', (incidentTime) => {
    expect(incidentTimeProblem(incidentTime, intakeAt)).toBeUndefined();
    expect(() => ensureIncidentTime(incidentTime, intakeAt)).not.toThrow();
  });

  test('a shape that is no incident time names the field', () => {
    expect(incidentTimeProblem({ kind: 'gisteren' })?.field).toBe('incidentTime.kind');
    expect(incidentTimeProblem(null)?.field).toBe('incidentTime');
    expect(() => ensureIncidentTime(undefined, intakeAt)).toThrow(/^incidentTime: expected an incident time/);
  });

  test('without the intake time only form and range are checked', () => {
    expect(incidentTimeProblem({ kind: 'exact', at: '2999-01-01T00:00:00Z' })).toBeUndefined();
  });
});
