/**
 * The region condition of the visibility queries behind the find, later-links and stuck lists
 * (cases/find.ts): a staff member's regions match a case's own region or the region it was
 * transferred to; one serving all regions adds no condition; anything that is not a region id is
 * refused before it could reach a query.
 */
import { findFilter, inRegions, regionCondition } from '../../cases/find';

test("a case's own region or the region it was transferred to", () => {
  expect(regionCondition(['limburg', 'gelderland-zuid-midden'])).toBe(
    "(CsgRegion IN ('limburg', 'gelderland-zuid-midden') OR CsgOvergedragenNaar IN ('limburg', 'gelderland-zuid-midden'))",
  );
  expect(inRegions(findFilter(['ab12']), ['limburg'])).toBe(
    "WorkflowType = 'meldingWorkflow' AND (CsgZoekIndex = 'ab12') AND (CsgRegion IN ('limburg') OR CsgOvergedragenNaar IN ('limburg'))",
  );
});

test('serving all regions adds no condition', () => {
  expect(regionCondition(undefined)).toBeUndefined();
  expect(inRegions(findFilter(['ab12']), undefined)).toBe(findFilter(['ab12']));
});

test('no regions, or a value that is not a region id, is refused naming it', () => {
  expect(() => regionCondition([])).toThrow(/one or more region ids/);
  expect(() => regionCondition(["limburg') OR ('1' = '1"])).toThrow(/not a region id/);
});
