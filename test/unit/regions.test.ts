import { limburg } from '../../regions/limburg';
import { loadRegions, pathwayFor, regionForMunicipality, REGIONS } from '../../regions';

describe('region configuration', () => {
  test('the shipped regions load and validate', () => {
    expect(REGIONS.get('limburg')?.name).toBe('CSG Limburg');
    expect(REGIONS.get('gelderland-zuid-midden')?.name).toBe('CSG Gelderland-Zuid en -Midden');
    // The 16 CSGs and the national coordinator for a municipality no CSG holds yet.
    expect(REGIONS.size).toBe(17);
    expect(REGIONS.has('landelijk')).toBe(true);
  });

  test('Limburg municipalities go to CSG Limburg', () => {
    expect(regionForMunicipality('Maastricht')?.id).toBe('limburg');
    expect(regionForMunicipality('Valkenburg aan de Geul')?.id).toBe('limburg');
  });

  test('Gennep and Mook en Middelaar go to CSG Gelderland-Zuid en -Midden, not CSG Limburg', () => {
    expect(regionForMunicipality('Gennep')?.id).toBe('gelderland-zuid-midden');
    expect(regionForMunicipality('Mook en Middelaar')?.id).toBe('gelderland-zuid-midden');
  });

  test('municipality lookup ignores case, accents and punctuation but not the name itself', () => {
    expect(regionForMunicipality('  sittard geleen ')?.id).toBe('limburg');
    expect(regionForMunicipality('Amsterdam')?.id).toBe('amsterdam-amstelland');
    expect(regionForMunicipality('Amsterdm')).toBeUndefined();
  });

  test('the default pathway has four weeks of watchful waiting with the day-28 screening', () => {
    const pathway = pathwayFor(REGIONS.get('limburg')!);
    expect(pathway.regionId).toBe('limburg');
    expect(pathway.checkIns).toEqual([
      { day: 1, screening: false },
      { day: 7, screening: false },
      { day: 14, screening: false },
      { day: 28, screening: true },
    ]);
    expect(pathway.casemanagerLadder.acute[0]).toEqual({ tier: 'primary', waitMinutes: 15 });
    expect(pathway.casemanagerLadder.nonAcute[0]).toEqual({ tier: 'primary', waitMinutes: 240 });
  });

  test('the coordinator decides after three failed contact attempts unless the region says otherwise', () => {
    expect(pathwayFor(REGIONS.get('limburg')!).maxFailedContacts).toBe(3);
    const { maxFailedContacts: _unset, ...pathway } = limburg.pathway;
    expect(pathwayFor(loadRegions([{ ...limburg, pathway }]).get('limburg')!).maxFailedContacts).toBe(3);
    const five = loadRegions([{ ...limburg, pathway: { ...pathway, maxFailedContacts: 5 } }]);
    expect(pathwayFor(five.get('limburg')!).maxFailedContacts).toBe(5);
    expect(() => loadRegions([{ ...limburg, pathway: { ...pathway, maxFailedContacts: 0 } }])).toThrow(
      /pathway\.maxFailedContacts/,
    );
  });

  test('the 6-month variant follows up to day 182', () => {
    const days = pathwayFor(REGIONS.get('gelderland-zuid-midden')!).checkIns.map((c) => c.day);
    expect(days[days.length - 1]).toBe(182);
  });

  test('a region file with a bad field is refused with the region and field named', () => {
    const broken = { ...limburg, pathway: { ...limburg.pathway, checkIns: [{ day: 7, screening: true }] } };
    expect(() => loadRegions([broken])).toThrow(
      /Region "limburg" is invalid: pathway\.checkIns: .*at least 4 weeks/,
    );
    const badMail = {
      ...limburg,
      coordinator: { name: 'Coördinator', email: 'not-an-address' },
    };
    expect(() => loadRegions([badMail])).toThrow(/coordinator\.email: expected an email address/);
  });

  test('a municipality cannot belong to two regions', () => {
    const other = { ...limburg, id: 'other', municipalities: ['Maastricht'] };
    expect(() => loadRegions([limburg, other])).toThrow(
      /"Maastricht" is in both region "limburg" and region "other"/,
    );
  });
});
