/**
 * Checking a local account (config/accountFile.ts): the password against its argon2id hash and a
 * six-digit TOTP code against its secret. Both factors are always checked and the caller learns
 * only yes or no, so an answer never tells which factor was wrong.
 *
 * An unknown id costs the same as a known one: the password is checked against a dummy hash made
 * with the accounts' own argon2 parameters, and the code against a dummy secret. A code is
 * accepted once: after a login with it, that code and every earlier one of the account are spent
 * (RFC 6238 section 5.2), so a code read over a shoulder or from a proxy log cannot be used again.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as argon2 from 'argon2';
import { Secret, TOTP } from 'otpauth';
import type { LocalAccount } from '../../config/accountFile';

/** Thirty seconds a code; one step either side forgives a phone's clock that is a little off. */
export const TOTP_PERIOD_SECONDS = 30;
const TOTP_WINDOW = 1;

export function totpOf(secret: string, label = 'csg'): TOTP {
  return new TOTP({
    issuer: 'CSG meldingen',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The code an authenticator app shows for `secret` at `at`. */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/** The last time step each account logged in with: a code of that step or earlier is spent. */
export interface TotpReplayGuard {
  /** True, and the step recorded as spent, when `step` is later than the account's last one. */
  spend(accountId: string, step: number): boolean;
}

/** In this process's memory: a restart forgets, but a code is only good for about a minute anyway. */
export function createTotpReplayGuard(): TotpReplayGuard {
  const lastStep = new Map<string, number>();
  return {
    spend(accountId, step) {
      if ((lastStep.get(accountId) ?? -1) >= step) return false;
      lastStep.set(accountId, step);
      return true;
    },
  };
}

export interface LocalLoginDeps {
  accounts: readonly LocalAccount[];
  clock: () => Date;
  replays: TotpReplayGuard;
}

/** argon2's parameters of a hash ("m=65536,p=4,t=3"), so the dummy costs what an account costs. */
function parametersOf(hash: string): { memoryCost: number; timeCost: number; parallelism: number } {
  const value = (key: string, fallback: number) => {
    const match = new RegExp(`[$,]${key}=(\\d+)[,$]`).exec(hash);
    return match ? Number(match[1]) : fallback;
  };
  return { memoryCost: value('m', 65536), timeCost: value('t', 3), parallelism: value('p', 4) };
}

const dummyHashes = new Map<string, Promise<string>>();

/** A hash of a random password with the parameters of the accounts' first hash, made once per process. */
function dummyHashFor(accounts: readonly LocalAccount[]): Promise<string> {
  const parameters = parametersOf(accounts[0]?.passwordHash ?? '');
  const key = JSON.stringify(parameters);
  let dummy = dummyHashes.get(key);
  if (!dummy) {
    dummy = argon2.hash(randomBytes(32), { type: argon2.argon2id, ...parameters });
    dummyHashes.set(key, dummy);
  }
  return dummy;
}

const DUMMY_TOTP_SECRET = new Secret({ size: 20 }).base32;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The step whose code `code` is, within the window around `at`; undefined when none. */
function stepOfCode(secret: string, code: string, at: Date): number | undefined {
  const totp = totpOf(secret);
  const now = Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
  let found: number | undefined;
  // Every step in the window is computed and compared, found or not: the time says nothing.
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const expected = totp.generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
    if (sameText(expected, code) && found === undefined) found = step;
  }
  return found;
}

/**
 * The staff id when `id` names an account, `password` matches its hash and `code` is its current
 * TOTP code not used before; undefined otherwise, whichever of the three failed.
 */
export async function verifyLocalLogin(
  deps: LocalLoginDeps,
  id: unknown,
  password: unknown,
  code: unknown,
): Promise<string | undefined> {
  if (typeof id !== 'string' || typeof password !== 'string' || typeof code !== 'string') return undefined;
  if (id.length > 200 || password.length > 500) return undefined;
  const account = deps.accounts.find((candidate) => sameText(candidate.id, id));
  const passwordHash = account?.passwordHash ?? (await dummyHashFor(deps.accounts));
  let passwordMatches = false;
  try {
    passwordMatches = await argon2.verify(passwordHash, password);
  } catch {
    passwordMatches = false;
  }
  const trimmed = code.replace(/\s/g, '');
  const step = /^\d{6}$/.test(trimmed)
    ? stepOfCode(account?.totpSecret ?? DUMMY_TOTP_SECRET, trimmed, deps.clock())
    : undefined;
  if (!account || !passwordMatches || step === undefined) return undefined;
  // Spent only on a full login: a guesser without the password cannot burn the owner's code.
  return deps.replays.spend(account.id, step) ? account.id : undefined;
}
