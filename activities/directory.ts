/**
 * The partner directory: who is addressed for a role and tier in a region, taken from the
 * zod-validated region configuration (regions/). Pure lookups, no I/O.
 */
import { wallClock } from '../domain/dutchTime';
import type { RegionConfig } from '../regions';
import type { Absence, ContactEntry } from '../regions/schema';
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
  | {
      found: false;
      problem: 'unknown_region' | 'role_not_configured' | 'unknown_casemanager' | 'absent';
      reason: string;
    };

/** For the `owner` tier: whose own address, and (for a request) the span they must be present in. */
export interface OwnerAddress {
  staffId: string | undefined;
  during?: { from: Date; until: Date };
}

/** A named casemanager of the region (the owner of a case), reachable or not for a request. */
export type CasemanagerLookup =
  | { found: true; organisation: string; contact: ContactEntry; language: Lang }
  | {
      found: false;
      problem: 'unknown_region' | 'unknown_casemanager' | 'absent';
      reason: string;
    };

export interface PartnerDirectory {
  /** The `owner` tier needs `owner`: the named casemanager's own address (see `casemanager`). */
  lookup(regionId: string, role: PartnerRole, tier: RecipientTier, owner?: OwnerAddress): Lookup;
  /**
   * The named casemanager `staffId` of the region, for a request asked at `from` and due at
   * `until`: `absent` when one of their absence periods touches a Dutch calendar day in between
   * (they could not answer in time). Without `during` (a closing notice) absence does not matter.
   */
  casemanager(regionId: string, staffId: string, during?: { from: Date; until: Date }): CasemanagerLookup;
}

/** The Dutch calendar day of an instant, as YYYY-MM-DD (absence periods are in Dutch days). */
export function dutchDay(instant: Date): string {
  const { year, month, day } = wallClock(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether an absence period shares a day with the Dutch days from `from` to `until`. */
export function isAbsent(absences: readonly Absence[], during: { from: Date; until: Date }): boolean {
  const first = dutchDay(during.from);
  const last = dutchDay(during.until);
  return absences.some((a) => a.from <= last && a.to >= first);
}

export function createDirectory(regions: ReadonlyMap<string, RegionConfig>): PartnerDirectory {
  const directory: PartnerDirectory = {
    lookup(regionId, role, tier, owner) {
      if (tier === 'owner' && role === 'casemanager') {
        if (owner?.staffId === undefined) {
          return { found: false, problem: 'unknown_casemanager', reason: 'the case has no owner to address' };
        }
        const named = directory.casemanager(regionId, owner.staffId, owner.during);
        if (!named.found) return named;
        const { found: _found, ...recipient } = named;
        return { found: true, recipient: { ...recipient, tier: 'owner' } };
      }
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

    casemanager(regionId, staffId, during) {
      const region = regions.get(regionId);
      if (!region) return { found: false, problem: 'unknown_region', reason: `unknown region "${regionId}"` };
      const named = Object.hasOwn(region.casemanagers, staffId) ? region.casemanagers[staffId] : undefined;
      if (!named) {
        return {
          found: false,
          problem: 'unknown_casemanager',
          reason: `no casemanager "${staffId}" in the staff directory of ${regionId}`,
        };
      }
      if (during && isAbsent(named.absences, during)) {
        return { found: false, problem: 'absent', reason: `casemanager "${staffId}" is absent` };
      }
      const { name, email, sms } = named;
      return {
        found: true,
        organisation: region.partners.casemanager?.organisation ?? region.name,
        contact: { name, ...(email ? { email } : {}), ...(sms ? { sms } : {}) },
        // The CSG's own staff: Dutch, like the coordinator.
        language: DEFAULT_LANGUAGE,
      };
    },
  };
  return directory;
}
