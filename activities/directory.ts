/**
 * The partner directory: who is addressed for a role and tier in a region, taken from the
 * zod-validated region configuration (regions/). Pure lookups, no I/O.
 */
import type { RegionConfig } from '../regions';
import type { ContactEntry } from '../regions/schema';
import type { PartnerRole, RecipientTier } from '../domain/types';
import { DEFAULT_LANGUAGE, type Lang } from '../i18n';

export interface ResolvedRecipient {
  /** The organisation (or the CSG itself for the coordinator); shown in logs, never personal. */
  organisation: string;
  contact: ContactEntry;
  /** The tier actually addressed: `primary` when a backup was asked for but none is configured. */
  tier: RecipientTier;
  /** Set when the asked tier did not exist and another one was used. */
  fellBackFrom?: RecipientTier;
  /** The language of the messages (the partner's; the coordinator is the CSG's own: Dutch). */
  language: Lang;
}

export type Lookup =
  | { found: true; recipient: ResolvedRecipient }
  | { found: false; problem: 'unknown_region' | 'role_not_configured'; reason: string };

export interface PartnerDirectory {
  lookup(regionId: string, role: PartnerRole, tier: RecipientTier): Lookup;
}

export function createDirectory(regions: ReadonlyMap<string, RegionConfig>): PartnerDirectory {
  return {
    lookup(regionId, role, tier) {
      const region = regions.get(regionId);
      if (!region) return { found: false, problem: 'unknown_region', reason: `unknown region "${regionId}"` };
      // The coordinator stands above every role: the last step of each ladder, and a role of its own.
      if (tier === 'coordinator' || role === 'coordinator') {
        return {
          found: true,
          recipient: {
            organisation: region.name,
            contact: region.coordinator,
            tier: 'coordinator',
            language: DEFAULT_LANGUAGE,
          },
        };
      }
      const partner = region.partners[role];
      if (!partner) {
        return {
          found: false,
          problem: 'role_not_configured',
          reason: `no ${role} in the directory of ${regionId}`,
        };
      }
      const primary = { organisation: partner.organisation, language: partner.language };
      if (tier === 'backup' && partner.backup) {
        return { found: true, recipient: { ...primary, contact: partner.backup, tier: 'backup' } };
      }
      return {
        found: true,
        recipient: {
          ...primary,
          contact: partner.primary,
          tier: 'primary',
          // No backup configured: notify the primary again rather than nobody; the report says so.
          ...(tier === 'backup' ? { fellBackFrom: 'backup' as const } : {}),
        },
      };
    },
  };
}
