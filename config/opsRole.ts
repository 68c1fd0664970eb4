/**
 * The ops role: which staff accounts may move stuck cases on (re-send, re-assign,
 * close) and read a case's history. `OPS_STAFF_IDS` names them, comma-separated; each is a staff
 * id of STAFF_ACCOUNTS (checked by loadEnv where both are known). Unset: nobody has the role,
 * unless STAFF_ROLES gives it (config/staffRoles.ts folds both into one role per account).
 */
import { z } from 'zod';
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { ConfigError } from './configError';

const MESSAGE =
  'OPS_STAFF_IDS must be staff ids separated by commas (2-40 letters, digits, . _ -), e.g. "ops,ops-2"';

const isIdList = (spec: string) => spec.split(',').every((id) => STAFF_ID_PATTERN.test(id.trim()));

export const opsStaffIdsSchema = z.string().refine(isIdList, MESSAGE).optional();

/** The set of ops ids; throws ConfigError naming the variable on a malformed list. */
export function parseOpsStaffIds(spec: string | undefined): ReadonlySet<string> {
  if (spec === undefined || spec.trim() === '') return new Set();
  if (!isIdList(spec)) throw new ConfigError([MESSAGE]);
  return new Set(spec.split(',').map((id) => id.trim()));
}

/** Ops ids that are not staff accounts: a typo would otherwise leave ops locked out unnoticed. */
export function unknownOpsIds(opsIds: ReadonlySet<string>, accountIds: string[]): string[] {
  return [...opsIds].filter((id) => !accountIds.includes(id));
}
