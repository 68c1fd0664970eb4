/**
 * The ops role of the command line when it has no account file (STAFF_ACCOUNTS_FILE, whose roles
 * the services use): which staff ids may move stuck cases on (re-send, re-assign, close) and read
 * a case's history. `OPS_STAFF_IDS` names them, comma-separated. Unset: nobody has the role,
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
