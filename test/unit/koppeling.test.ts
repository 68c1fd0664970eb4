/**
 * The same person again, as plain rules: the reference form a link accepts is the intake's own,
 * a link to itself, twice, or beyond the limit is refused by name, and the reopening window ends
 * the region's number of days after the closing.
 */
import { REFERENCE_PATTERN } from '../../domain/intakeSchema';
import { LINKED_REFERENCE_PATTERN, linkProblem, MAX_LINKS, reopenDeadline } from '../../domain/koppeling';
import { linkedToOf } from '../../cases/meldingClient';
import { REGIONS } from '../../regions';
import { DEFAULT_REOPEN_WITHIN_DAYS } from '../../regions/defaults';
import { regionSchema } from '../../regions/schema';

test('a link accepts exactly the references the intake accepts', () => {
  expect(LINKED_REFERENCE_PATTERN.source).toBe(REFERENCE_PATTERN.source);
});

test('a link to itself, twice, malformed or beyond the limit is refused, naming the field', () => {
  const own = 'CSG-LIM-2026-000001';
  const other = 'CSG-GZM-2026-000002';
  expect(linkProblem(other, own, [])).toBeUndefined();
  expect(linkProblem(own, own, [])).toMatch(/^reference: .*itself/);
  expect(linkProblem(other, own, [other])).toMatch(/^reference: already linked/);
  expect(linkProblem('Jansen 06-12345678', own, [])).toMatch(/^reference: expected a melding reference/);
  const full = Array.from(
    { length: MAX_LINKS },
    (_, i) => `CSG-LIM-2026-${String(100 + i).padStart(6, '0')}`,
  );
  expect(linkProblem(other, own, full)).toMatch(/^reference: at most/);
});

test("the intake's linkedTo: one reference or a list, normalised; anything else is named", () => {
  expect(linkedToOf({})).toEqual({ linkedTo: [] });
  expect(linkedToOf({ linkedTo: ' csg-lim-2026-000123 ' })).toEqual({ linkedTo: ['CSG-LIM-2026-000123'] });
  expect(linkedToOf({ linkedTo: ['CSG-LIM-2026-000123', 'CSG-LIM-2026-000123'] })).toEqual({
    linkedTo: ['CSG-LIM-2026-000123'],
  });
  expect(linkedToOf({ linkedTo: '0612345678' })).toEqual({
    problem: expect.objectContaining({ field: 'linkedTo' }),
  });
  expect(linkedToOf({ linkedTo: [42] })).toEqual({ problem: expect.objectContaining({ field: 'linkedTo' }) });
});

test('a case may be reopened until the region’s number of days after it closed (a region setting, default 90)', () => {
  const closedAt = new Date('2026-03-01T12:00:00Z');
  expect(reopenDeadline(closedAt, 90).toISOString()).toBe('2026-05-30T12:00:00.000Z');
  const { reopenWithinDays: _set, ...region } = REGIONS.get('limburg')!;
  expect(regionSchema.parse(region).reopenWithinDays).toBe(DEFAULT_REOPEN_WITHIN_DAYS);
  expect(regionSchema.parse({ ...region, reopenWithinDays: 30 }).reopenWithinDays).toBe(30);
  expect(regionSchema.safeParse({ ...region, reopenWithinDays: -1 }).success).toBe(false);
});
