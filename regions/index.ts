/**
 * The shipped regions, validated at load, and the lookups the rest of the system needs:
 * municipality → region, and a region's pathway settings for a new case.
 */
import type { PathwaySettings } from '../domain/types';
import { gelderlandZuidMidden } from './gelderland-zuid-midden';
import { limburg } from './limburg';
import { regionSchema, type RegionConfig } from './schema';

export class RegionConfigError extends Error {}

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
      const key = normaliseMunicipality(m);
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

export function normaliseMunicipality(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const REGIONS = loadRegions([limburg, gelderlandZuidMidden]);

export function regionForMunicipality(municipality: string, regions = REGIONS): RegionConfig | undefined {
  const key = normaliseMunicipality(municipality);
  for (const region of regions.values()) {
    if (region.municipalities.some((m) => normaliseMunicipality(m) === key)) return region;
  }
  return undefined;
}

export function allMunicipalities(regions = REGIONS): string[] {
  return [...regions.values()].flatMap((r) => r.municipalities).sort((a, b) => a.localeCompare(b, 'nl'));
}

/** The pathway settings a new case in this region starts with (copied into the workflow input). */
export function pathwayFor(region: RegionConfig): PathwaySettings {
  return { regionId: region.id, ...region.pathway };
}

export type { RegionConfig } from './schema';
