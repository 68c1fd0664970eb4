/**
 * The local staff accounts of a region without an identity provider: one JSON file
 * (`STAFF_ACCOUNTS_FILE`), the one place an account's role, regions, password hash and second
 * factor are kept. No clear password is in it or in the environment: the password is an argon2id
 * hash, and the second factor a TOTP secret (RFC 6238, six digits every 30 seconds).
 *
 *   { "accounts": [ { "id": "cm-lim", "role": "casemanager", "regions": ["limburg"],
 *                     "passwordHash": "$argon2id$v=19$...", "totpSecret": "JBSWY3DPEHPK3PXP..." } ] }
 *
 * `npm run cli -- account ...` (cli/account.ts) writes entries; problems name the entry and the
 * field, never a hash or a secret.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type Staff, STAFF_ROLES } from '../domain/access';
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { REGIONS } from '../regions';
import { ConfigError } from './configError';
import { developmentAccountProblems } from './productionRules';

export interface LocalAccount extends Staff {
  /** argon2id, with its parameters and salt (the PHC string the argon2 package writes). */
  passwordHash: string;
  /** Base32, at least 160 bits as RFC 4226 recommends. */
  totpSecret: string;
}

const accountSchema = z.object({
  id: z
    .string()
    .regex(STAFF_ID_PATTERN, 'expected a staff id of 2-40 letters, digits, . _ - (no email address)'),
  role: z.enum(STAFF_ROLES, { error: `expected one of ${STAFF_ROLES.join(', ')}` }),
  regions: z.union([
    z.literal('alle'),
    z
      .array(z.string().refine((id) => REGIONS.has(id), { error: 'expected a region id of regions/' }))
      .min(1, 'expected "alle" or at least one region id'),
  ]),
  passwordHash: z
    .string()
    .regex(
      /^\$argon2id\$v=19\$(?=[^$]*\bm=\d+)(?=[^$]*\bt=\d+)(?=[^$]*\bp=\d+)[mtp=\d,]+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
      'expected an argon2id hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash)',
    ),
  totpSecret: z.string().regex(/^[A-Z2-7]{32,}$/, 'expected a base32 secret of 32 or more characters'),
});

const fileSchema = z.object({ accounts: z.array(z.unknown()) }).strict();

/** Where in the file a problem is: the entry by its id when it has one, else by its place. */
function entryName(entry: unknown, index: number): string {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' && STAFF_ID_PATTERN.test(id) ? `account "${id}"` : `account ${index + 1}`;
}

/** The accounts of the file's text; throws ConfigError with one line per problem. */
export function parseAccountFile(text: string, source = 'STAFF_ACCOUNTS_FILE'): LocalAccount[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError([`${source}: not JSON`]);
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) throw new ConfigError([`${source}: expected an object { "accounts": [ ... ] }`]);
  const problems: string[] = [];
  const accounts: LocalAccount[] = [];
  const seen = new Set<string>();
  file.data.accounts.forEach((entry, index) => {
    const parsed = accountSchema.strict().safeParse(entry);
    const where = `${source}: ${entryName(entry, index)}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
        problems.push(
          issue.code === 'unrecognized_keys'
            ? `${where}: unknown field ${issue.keys.join(', ')}`
            : `${where}, ${field}: ${issue.message}`,
        );
      }
      return;
    }
    if (seen.has(parsed.data.id)) problems.push(`${where}: the id is in the file more than once`);
    seen.add(parsed.data.id);
    accounts.push(parsed.data);
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return accounts;
}

/** Reads and checks the account file at `path`. */
export function loadAccountFile(path: string): LocalAccount[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError([`STAFF_ACCOUNTS_FILE: cannot read ${path}`]);
  }
  return parseAccountFile(text);
}

/** Each account's role and regions, by id: who is signed in, as the rules see them. */
export function staffOfAccounts(accounts: readonly LocalAccount[]): ReadonlyMap<string, Staff> {
  return new Map(accounts.map(({ id, role, regions }) => [id, { id, role, regions }]));
}

/**
 * The accounts a service starts with: the file read and checked, and in production refused when
 * it carries a public development secret (config/productionRules.ts).
 */
export function loadStaffAccounts(env: { NODE_ENV?: string; STAFF_ACCOUNTS_FILE: string }): LocalAccount[] {
  const accounts = loadAccountFile(env.STAFF_ACCOUNTS_FILE);
  const problems = env.NODE_ENV === 'production' ? developmentAccountProblems(accounts) : [];
  if (problems.length > 0) throw new ConfigError(problems);
  return accounts;
}
