/** The "my cases" filter: one staff id, never anything that could change the query. */
import { ownedByFilter } from '../../cases/ownership';

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
