/**
 * Staff accounts for tests, written as the tests have always named them ("id:password" pairs,
 * "id=role@regions" roles, ops ids) and turned into the local accounts the services take
 * (config/accountFile.ts): an argon2id hash per password and a TOTP secret per id.
 *
 * Each id's TOTP secret is derived from the id, so a test computes an account's current code from
 * its id alone (`testCode`). The hashes are argon2id with a small cost (a few milliseconds instead
 * of a tenth of a second) and made once per password per test process: hundreds of logins across
 * the suite must not each pay production's cost. The unknown-id path uses the accounts' own
 * parameters (web/kit/localLogin.ts), so it stays as fast as a known id here too.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { Secret } from 'otpauth';
import { staffOfAccounts, type LocalAccount } from '../config/accountFile';
import { staffDirectory } from '../config/staffRoles';
import type { Staff } from '../domain/access';
import { openStaffSessionStore, type StaffSessionStore } from '../web/kit/sessionStore';
import { totpCode, type TotpReplayGuard } from '../web/kit/localLogin';
import { REGIONS } from '../regions';

/** The accounts of a test as text, the way test configs spell them; only tests use this form. */
export interface TestStaffSpec {
  /** "id:password" pairs separated by commas. */
  STAFF_ACCOUNTS?: string;
  /** "id=role@regions" entries (config/staffRoles.ts). */
  STAFF_ROLES?: string;
  /** Ids with the ops role. */
  OPS_STAFF_IDS?: string;
}

/** Small on purpose (see above); still argon2id, still verified by the production code path. */
export const TEST_HASH_COST: argon2.HashOptions = {
  type: argon2.argon2id,
  memoryCost: 1024,
  timeCost: 2,
  parallelism: 1,
};

const hashes = new Map<string, Promise<string>>();

/** The password's test hash, made once per process. */
export function testHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = argon2.hash(password, TEST_HASH_COST);
    hashes.set(password, hash);
  }
  return hash;
}

/** The TOTP secret of a test account: fixed per id, so every helper can compute its code. */
export function testTotpSecret(id: string): string {
  const hex = createHash('sha256').update(`csg-test-totp:${id}`).digest('hex').slice(0, 40);
  return Secret.fromHex(hex).base32;
}

/** The code the account's authenticator would show now (or at `at`). */
export function testCode(id: string, at: Date = new Date()): string {
  return totpCode(testTotpSecret(id), at);
}

function pairsOf(spec: string): Array<{ id: string; password: string }> {
  return spec
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => ({ id: pair.slice(0, pair.indexOf(':')), password: pair.slice(pair.indexOf(':') + 1) }));
}

/** The local accounts of a test's spec: each with its role and regions, hash and TOTP secret. */
export async function testAccounts(spec: TestStaffSpec): Promise<LocalAccount[]> {
  const pairs = pairsOf(spec.STAFF_ACCOUNTS ?? '');
  const directory = staffDirectory({
    staffRoles: spec.STAFF_ROLES,
    opsStaffIds: spec.OPS_STAFF_IDS,
    regionIds: [...REGIONS.keys()],
    accountIds: pairs.map((pair) => pair.id),
  });
  return Promise.all(
    pairs.map(async ({ id, password }) => {
      const staff = directory.get(id) ?? { id, role: 'helpline' as const, regions: 'alle' as const };
      return { ...staff, passwordHash: await testHash(password), totpSecret: testTotpSecret(id) };
    }),
  );
}

/**
 * Lets a code be used again. Test suites log the same account in many times within one 30-second
 * step, which a real authenticator user never does; the refusal of a replayed code is tested on
 * its own (test/web/localLogin.test.ts) with the real guard.
 */
export const acceptReplayedCodes: TotpReplayGuard = { spend: () => true };

/** Random per test process: the test sessions' ids cannot be known outside it. */
const TEST_SESSION_NONCE = randomBytes(16).toString('hex');

/** The id of the test session of `id` that `seedTestSessions` puts in a store (a real id's shape). */
export function testSessionId(id: string): string {
  return createHash('sha256').update(`${TEST_SESSION_NONCE}:${id}`).digest('base64url');
}

/**
 * `Authorization` header with the session of `id`, as POST /api/sessies would give after a login
 * with password and code: for suites about what the API does, not about logging in. The session
 * exists in a store once `seedTestSessions` put it there (the intake harness does).
 */
export function testBearer(id: string): string {
  return `Bearer ${testSessionId(id)}`;
}

/** A session store in memory with the test sessions of these accounts (AS_HELPLINE, ... work). */
export async function testSessionStore(accounts: readonly LocalAccount[]): Promise<StaffSessionStore> {
  const store = openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' });
  await seedTestSessions(store, staffOfAccounts(accounts).values());
  return store;
}

/** Puts a session of each of these staff members in the store, under `testSessionId`. */
export async function seedTestSessions(store: StaffSessionStore, staff: Iterable<Staff>): Promise<void> {
  // Far ahead: some suites run the service's clock days ahead of the wall clock.
  const expiresAt = new Date(Date.now() + 60 * 24 * 3600_000).toISOString();
  for (const member of staff) {
    await store.set(testSessionId(member.id), { staff: member, via: 'lokaal', expiresAt });
  }
}
