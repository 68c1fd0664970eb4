/** The "my cases" filter: one staff id, never anything that could change the query. */
import { ownedByFilter, ownerFilter } from '../../cases/ownership';

test('the running meldingen one casemanager owns', () => {
  expect(ownedByFilter('cm-lim')).toBe(
    "WorkflowType = 'meldingWorkflow' AND ExecutionStatus = 'Running' AND CsgCasemanager = 'cm-lim'",
  );
});

test('anything but a staff id is refused before it reaches the query', () => {
  for (const bad of ["cm' OR 'a' = 'a", '', 'cm lim', 'x'.repeat(41)]) {
    expect(() => ownedByFilter(bad)).toThrow('expected a staff id');
  }
});

test("the worklist's filter names the owner alone (the store answers it from the owner's index)", () => {
  expect(ownerFilter('cm-lim')).toBe("CsgCasemanager = 'cm-lim'");
  for (const bad of ["cm' OR 'a' = 'a", '', 'cm lim']) {
    expect(() => ownerFilter(bad)).toThrow('expected a staff id');
  }
});
