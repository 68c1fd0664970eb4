/**
 * Each staff account's role and regions: `STAFF_ROLES`, entries separated by commas, each
 * `id=role@regions` where regions is `alle` or region ids joined by `+`:
 *
 *   STAFF_ROLES=helpline=helpline@alle,cm-lim=casemanager@limburg,ops=ops@alle
 *
 * An id in `OPS_STAFF_IDS` has the role ops for all regions (as before `STAFF_ROLES` existed); it
 * may also be in `STAFF_ROLES`, but only as ops. When `STAFF_ROLES` is set, every account of
 * `STAFF_ACCOUNTS` must have exactly one role (from either list) and every id must be an account.
 * When it is unset, every account that is not ops is a national helpline account (helpline@alle).
 *
 * Problems name the variable and the bad entry, never a password (an entry that looks like an
 * `id:password` pair pasted here is shown by its id only).
 */
import { type Staff, STAFF_ROLES, type StaffRole } from '../domain/access';
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { isOneOf } from '../domain/vocabulary';
import { ConfigError } from './configError';
import { parseOpsStaffIds } from './opsRole';

/** Staff by id: who is signed in, as the rules (domain/access.ts) see them. */
export type StaffDirectory = ReadonlyMap<string, Staff>;

const FORMAT = `"id=role@regions" entries separated by commas, role one of ${STAFF_ROLES.join(', ')}, regions "alle" or region ids joined by "+", e.g. "cm-lim=casemanager@limburg"`;

/** An entry as a problem may show it: never what follows a colon (it could be a password). */
function shown(entry: string): string {
  const colon = entry.indexOf(':');
  const safe = colon >= 0 ? `${entry.slice(0, colon)}:…` : entry;
  return `"${safe.length > 80 ? `${safe.slice(0, 80)}…` : safe}"`;
}

/** One entry, or the problem with it. */
function parseEntry(entry: string, regionIds: readonly string[]): Staff | string {
  const match = /^([^=@\s]+)=([^=@\s]+)@([^=@\s]+)$/.exec(entry);
  if (!match) return `STAFF_ROLES: ${shown(entry)} is not ${FORMAT}`;
  const [, id, role, regionSpec] = match as unknown as [string, string, string, string];
  if (!STAFF_ID_PATTERN.test(id)) {
    return `STAFF_ROLES: ${shown(entry)}: the id must be a staff id (2-40 letters, digits, . _ -)`;
  }
  if (!isOneOf<StaffRole>(STAFF_ROLES, role)) {
    return `STAFF_ROLES: ${shown(entry)}: unknown role "${role}", expected one of ${STAFF_ROLES.join(', ')}`;
  }
  if (regionSpec === 'alle') return { id, role, regions: 'alle' };
  const regions = regionSpec.split('+');
  const unknown = regions.filter((r) => !regionIds.includes(r));
  if (unknown.length > 0) {
    return `STAFF_ROLES: ${shown(entry)}: unknown region ${unknown.map((r) => `"${r}"`).join(', ')}, expected "alle" or one of ${regionIds.join(', ')}`;
  }
  return { id, role, regions: [...new Set(regions)] };
}

/**
 * The directory from the two variables; throws ConfigError listing every problem.
 * `accountIds`: the ids of STAFF_ACCOUNTS, to check that every account has exactly one role; the
 * command line, which has no accounts, leaves it out.
 */
export function staffDirectory(options: {
  staffRoles: string | undefined;
  opsStaffIds: string | undefined;
  regionIds: readonly string[];
  accountIds?: readonly string[];
}): StaffDirectory {
  const { staffRoles, regionIds, accountIds } = options;
  const problems: string[] = [];
  const directory = new Map<string, Staff>();
  for (const id of parseOpsStaffIds(options.opsStaffIds))
    directory.set(id, { id, role: 'ops', regions: 'alle' });

  if (staffRoles !== undefined && staffRolesSet(staffRoles)) {
    const named = new Set<string>();
    for (const entry of staffRoles.split(',').map((e) => e.trim())) {
      const parsed = parseEntry(entry, regionIds);
      if (typeof parsed === 'string') {
        problems.push(parsed);
        continue;
      }
      if (named.has(parsed.id)) {
        problems.push(
          `STAFF_ROLES: "${parsed.id}" has more than one entry; every account has exactly one role`,
        );
        continue;
      }
      named.add(parsed.id);
      if (directory.has(parsed.id) && parsed.role !== 'ops') {
        problems.push(
          `STAFF_ROLES: "${parsed.id}" is in OPS_STAFF_IDS (role ops) and has the role ${parsed.role} here; every account has exactly one role`,
        );
        continue;
      }
      directory.set(parsed.id, parsed);
    }
    if (accountIds) {
      const strangers = [...named].filter((id) => !accountIds.includes(id));
      if (strangers.length > 0) {
        problems.push(`STAFF_ROLES names ids that are not in STAFF_ACCOUNTS: ${strangers.join(', ')}`);
      }
      const roleless = accountIds.filter((id) => !directory.has(id));
      if (roleless.length > 0) {
        problems.push(
          `STAFF_ROLES gives no role to these accounts of STAFF_ACCOUNTS: ${roleless.join(', ')}; every account needs exactly one`,
        );
      }
    }
  } else if (accountIds) {
    // No roles configured: every account is the national helpline, as before roles existed.
    for (const id of accountIds) {
      if (!directory.has(id)) directory.set(id, { id, role: 'helpline', regions: 'alle' });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return directory;
}

/** Whether STAFF_ROLES is set: the command line then applies the rules to every command. */
export function staffRolesSet(staffRoles: string | undefined): boolean {
  return staffRoles !== undefined && staffRoles.trim() !== '';
}
