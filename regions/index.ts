/**
 * The shipped regions, validated at load, and the lookups the rest of the system needs:
 * municipality → region, and a region's pathway settings for a new case.
 *
 * Every Dutch municipality (regions/municipalities.ts) reaches a region: the CSG that holds it
 * (its own file, or the default directory of regions/defaultDirectory.ts for a CSG that has not
 * filled in its partners), or else the national coordinator (`landelijk`).
 */
import type { PathwaySettings } from '../domain/types';
import { dutchPublicHolidays } from './publicHolidays';
import { CSG_REGIONS, type CsgRegion } from './csgRegions';
import { defaultRegion, nationalCoordinatorRegion } from './defaultDirectory';
import { gelderlandZuidMidden } from './gelderland-zuid-midden';
import { limburg } from './limburg';
import { createMunicipalityIndex, normaliseMunicipality, type MunicipalityIndex } from './municipalityIndex';
import { GEMEENTE_ALIASES, GEMEENTEN, type Gemeente } from './municipalities';
import { regionSchema, type RegionConfig } from './schema';

export class RegionConfigError extends Error {}

export { normaliseMunicipality } from './municipalityIndex';

/** Every municipality of the Netherlands, found as people type it. */
export const MUNICIPALITIES: MunicipalityIndex = createMunicipalityIndex(
  GEMEENTEN.map((g) => g.name),
  GEMEENTE_ALIASES,
);

/** Validates region files; throws naming the region and field. */
export function loadRegions(raw: unknown[]): Map<string, RegionConfig> {
  const regions = new Map<string, RegionConfig>();
  const seenMunicipalities = new Map<string, string>();
  for (const entry of raw) {
    const parsed = regionSchema.safeParse(entry);
    if (!parsed.success) {
      const id = (entry as { id?: unknown })?.id ?? '(unnamed)';
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new RegionConfigError(`Region "${String(id)}" is invalid: ${problems}`);
    }
    const region = parsed.data;
    for (const m of region.municipalities) {
      const key = MUNICIPALITIES.official(m) ?? normaliseMunicipality(m);
      const other = seenMunicipalities.get(key);
      if (other)
        throw new RegionConfigError(
          `Municipality "${m}" is in both region "${other}" and region "${region.id}"`,
        );
      seenMunicipalities.set(key, region.id);
    }
    regions.set(region.id, region);
  }
  return regions;
}

/**
 * The region entries for the CSGs: a region's own file where it has one, the default directory
 * with its safety regions' municipalities otherwise, and the national coordinator for the rest.
 * Throws when a region file names something that is not a municipality.
 */
export function assembleRegions(
  files: ReadonlyArray<{ id: string; municipalities: string[] }>,
  csgRegions: readonly CsgRegion[] = CSG_REGIONS,
  gemeenten: readonly Gemeente[] = GEMEENTEN,
): unknown[] {
  const entries: unknown[] = [];
  const assigned = new Set<string>();
  for (const csg of csgRegions) {
    if ('fromRegionFile' in csg.municipalities) {
      const file = files.find((f) => f.id === csg.id);
      if (!file) throw new RegionConfigError(`Region "${csg.id}" has no region file`);
      for (const m of file.municipalities) {
        const official = MUNICIPALITIES.official(m);
        if (!official) throw new RegionConfigError(`Region "${csg.id}": "${m}" is not a municipality`);
        assigned.add(official);
      }
      entries.push(file);
    } else {
      const safetyRegions: readonly string[] = csg.municipalities.veiligheidsregios;
      const names = gemeenten.filter((g) => safetyRegions.includes(g.veiligheidsregio)).map((g) => g.name);
      names.forEach((n) => assigned.add(n));
      entries.push(defaultRegion(csg.id, csg.name, names));
    }
  }
  entries.push(nationalCoordinatorRegion(gemeenten.map((g) => g.name).filter((n) => !assigned.has(n))));
  return entries;
}

export const REGIONS = loadRegions(assembleRegions([limburg, gelderlandZuidMidden]));

/** Per region map: official name (or normalised name, for one outside the national list) → region. */
const lookups = new WeakMap<ReadonlyMap<string, RegionConfig>, Map<string, RegionConfig>>();

function lookupFor(regions: ReadonlyMap<string, RegionConfig>): Map<string, RegionConfig> {
  let lookup = lookups.get(regions);
  if (!lookup) {
    lookup = new Map();
    for (const region of regions.values()) {
      for (const m of region.municipalities) {
        lookup.set(MUNICIPALITIES.official(m) ?? normaliseMunicipality(m), region);
      }
    }
    lookups.set(regions, lookup);
  }
  return lookup;
}

export function regionForMunicipality(municipality: string, regions = REGIONS): RegionConfig | undefined {
  return lookupFor(regions).get(MUNICIPALITIES.official(municipality) ?? normaliseMunicipality(municipality));
}

/** The official names nearest to a name that is not a municipality (for the intake's problem). */
export function nearestMunicipalities(typed: string): string[] {
  return MUNICIPALITIES.nearest(typed);
}

/** The municipalities the regions serve, by their official names, sorted as in Dutch. */
export function allMunicipalities(regions = REGIONS): string[] {
  const names = [...regions.values()].flatMap((r) =>
    r.municipalities.map((m) => MUNICIPALITIES.official(m) ?? m),
  );
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'nl'));
}

/**
 * The pathway settings a new case in this region starts with (copied into the workflow input):
 * with its partners' office hours and the days they are closed this year and next (a case's
 * watchful waiting runs for months, not years).
 */
export function pathwayFor(region: RegionConfig, now = new Date()): PathwaySettings {
  const officeHours = Object.fromEntries(
    Object.entries(region.partners).flatMap(([role, partner]) =>
      partner?.officeHours ? [[role, partner.officeHours]] : [],
    ),
  );
  const year = now.getUTCFullYear();
  const closedDays = [...new Set([...dutchPublicHolidays(year, year + 1), ...region.extraClosedDays])].sort();
  return {
    regionId: region.id,
    ...region.pathway,
    ...(Object.keys(officeHours).length > 0 ? { officeHours, closedDays } : {}),
  };
}

export type { RegionConfig } from './schema';
