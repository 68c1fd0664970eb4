import { intakeProblemText } from '../../cli/refusals';
import { parseIntake } from '../../domain/intakeSchema';
import {
  assembleRegions,
  loadRegions,
  nearestMunicipalities,
  regionForMunicipality,
  RegionConfigError,
  REGIONS,
} from '../../regions';
import { CSG_REGIONS, UNASSIGNED_VEILIGHEIDSREGIOS } from '../../regions/csgRegions';
import { gelderlandZuidMidden } from '../../regions/gelderland-zuid-midden';
import { limburg } from '../../regions/limburg';
import { GEMEENTEN } from '../../regions/municipalities';
import { VEILIGHEIDSREGIOS } from '../../regions/veiligheidsregios';
import { buildIntake } from '../../testkit/meldingFixtures';

const intakeFrom = (municipality: string) =>
  parseIntake(buildIntake({ municipality }), regionForMunicipality, nearestMunicipalities);

describe('every municipality of the Netherlands', () => {
  test('the list is the CBS division: 342 municipalities, unique names and GM codes', () => {
    expect(GEMEENTEN).toHaveLength(342);
    expect(new Set(GEMEENTEN.map((g) => g.name)).size).toBe(342);
    expect(new Set(GEMEENTEN.map((g) => g.code)).size).toBe(342);
    for (const g of GEMEENTEN) expect(g.code).toMatch(/^GM\d{4}$/);
  });

  test.each(GEMEENTEN.map((g) => [g.name, g.code]))(
    '%s (%s) is accepted by the intake and reaches a region',
    (name) => {
      const result = intakeFrom(name);
      expect(result.ok).toBe(true);
      if (result.ok) expect(REGIONS.get(result.region.id)).toBe(result.region);
    },
  );

  test('each municipality is in exactly one region, and its lookup finds that region', () => {
    const listed = [...REGIONS.values()].flatMap((region) =>
      region.municipalities.map((m) => ({ m, found: regionForMunicipality(m)?.id, region: region.id })),
    );
    expect(listed.filter((l) => l.found !== l.region)).toEqual([]);
    expect(listed).toHaveLength(342);
  });

  test('the 16 CSG regions each serve municipalities; every safety region is placed or named unassigned', () => {
    expect(CSG_REGIONS).toHaveLength(16);
    for (const csg of CSG_REGIONS) expect(REGIONS.get(csg.id)?.municipalities.length).toBeGreaterThan(0);
    const placed = CSG_REGIONS.flatMap((c) =>
      'veiligheidsregios' in c.municipalities ? c.municipalities.veiligheidsregios : [],
    );
    // Limburg-Noord, Zuid-Limburg, Gelderland-Midden and -Zuid: the two region files hold them.
    const inFiles = ['VR07', 'VR08', 'VR23', 'VR24'];
    expect([...placed, ...inFiles, ...UNASSIGNED_VEILIGHEIDSREGIOS].sort()).toEqual(
      Object.keys(VEILIGHEIDSREGIOS).sort(),
    );
  });

  test('the region files keep their municipalities; what no CSG holds goes to the national coordinator', () => {
    expect(REGIONS.get('limburg')?.municipalities).toEqual(limburg.municipalities);
    expect(REGIONS.get('gelderland-zuid-midden')?.municipalities).toEqual(
      gelderlandZuidMidden.municipalities,
    );
    expect(regionForMunicipality('Dordrecht')?.id).toBe('landelijk'); // Zuid-Holland Zuid
    expect(regionForMunicipality('Apeldoorn')?.id).toBe('landelijk'); // Noord- en Oost-Gelderland
    expect(regionForMunicipality('Barneveld')?.id).toBe('landelijk'); // not in the Gelderland file
    expect(REGIONS.get('landelijk')?.municipalities).toHaveLength(22 + 10 + 3);
    expect(regionForMunicipality('Utrecht')?.id).toBe('utrecht');
    expect(regionForMunicipality('Rotterdam')?.id).toBe('rotterdam');
  });

  test('a region without its own file has the default directory: its coordinator, the national line as backup', () => {
    const utrecht = REGIONS.get('utrecht')!;
    expect(utrecht.coordinator.email).toBe('coordinator@utrecht.csg.example');
    expect(utrecht.partners.casemanager?.primary).toEqual(utrecht.coordinator);
    expect(utrecht.partners.casemanager?.backup?.name).toContain('0800-0188');
    expect(utrecht.partners.zedenpolitie?.primary).toEqual(utrecht.coordinator);
  });

  test('a region file naming something that is not a municipality stops the load, naming it', () => {
    const wrong = { ...limburg, municipalities: [...limburg.municipalities, 'Atlantis'] };
    expect(() => assembleRegions([wrong, gelderlandZuidMidden])).toThrow(RegionConfigError);
    expect(() => assembleRegions([wrong, gelderlandZuidMidden])).toThrow(/"Atlantis" is not a municipality/);
    // Two regions claiming one municipality, under two spellings of its name, are refused too.
    const twice = {
      ...gelderlandZuidMidden,
      municipalities: [...gelderlandZuidMidden.municipalities, 'beek (l.)'],
    };
    expect(() => loadRegions(assembleRegions([limburg, twice]))).toThrow(/both region/);
  });
});

describe('a municipality as people type it', () => {
  test.each([
    ["'s-Hertogenbosch", 'brabant-oost'],
    ['s-Hertogenbosch', 'brabant-oost'],
    ['s Hertogenbosch', 'brabant-oost'],
    ['Den Bosch', 'brabant-oost'],
    ['den haag', 'zuid-holland'],
    ["'s-Gravenhage", 'zuid-holland'],
    ['  UTRECHT ', 'utrecht'],
    ['Sudwest-Fryslan', 'friesland'],
    ['Beek', 'limburg'],
    ['Beek (L.)', 'limburg'],
    ['Bergen (NH.)', 'noord-holland'],
  ])('"%s" reaches %s', (typed, regionId) => {
    const result = intakeFrom(typed);
    expect(result.ok && result.region.id).toBe(regionId);
  });

  test('a name that is not a municipality is refused naming the field, with the nearest names', () => {
    const result = intakeFrom('Maastrich');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        field: 'municipality',
        code: 'custom',
        suggestions: ['Maastricht', 'Maasdriel'],
      }),
    ]);
    expect(result.problems[0]!.message).toBe(
      'expected the name of a Dutch municipality; nearest: Maastricht, Maasdriel',
    );
  });

  test('the command line names the nearest names too, in Dutch', () => {
    const result = intakeFrom('Maastrich');
    expect(!result.ok && intakeProblemText(result.problems[0]!)).toBe(
      'municipality: verwacht de woonplaats (gemeente) van het slachtoffer, in een aangesloten CSG-regio; bedoelt u: Maastricht, Maasdriel?',
    );
  });

  test('nearest names: a typo, a name half typed, a name two municipalities share, nothing close', () => {
    expect(nearestMunicipalities('Utreht')[0]).toBe('Utrecht');
    expect(nearestMunicipalities('Amsterdm')).toEqual(['Amsterdam']);
    expect(nearestMunicipalities('Hertogen')).toEqual(["'s-Hertogenbosch"]);
    expect(nearestMunicipalities('Bergen').slice(0, 2)).toEqual(['Bergen (L.)', 'Bergen (NH.)']);
    expect(nearestMunicipalities('Bergen')).toHaveLength(3);
    expect(nearestMunicipalities('Atlantis')).toEqual([]);
    expect(intakeFrom('Bergen').ok).toBe(false);
  });
});
