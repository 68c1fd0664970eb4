/**
 * The keyed blind index a case is found again by: an HMAC-SHA256 under BLIND_INDEX_KEY over the
 * normalised lookup value (domain/lookupValues.ts). Temporal holds only these hashes (the
 * CsgZoekIndex search attribute), never the phone number, name or date of birth: without the key
 * nobody can test a guessed phone number against them, and with another key nothing matches.
 *
 * The key is handed in: the intake gets it from its environment, tests hand in their own.
 */
import { createHmac } from 'node:crypto';
import { lookupValuesOf, nameAndBirthLookupValue, phoneLookupValue } from '../domain/lookupValues';

/**
 * 128 of the HMAC's 256 bits, as 32 hex characters. Even with 10^9 indexed values (the whole
 * country several times over, for every year of retention) the chance that any two different
 * values share an index is about n²/2^129 ≈ 1.5·10^-21, and a single search finds a stranger's
 * case with a chance of about n/2^128 ≈ 3·10^-30: collisions are not a practical concern.
 */
const INDEX_HEX_CHARS = 32;

/** The blind index of one lookup value: lower-case hex, INDEX_HEX_CHARS long. */
export function blindIndexOf(key: Buffer, lookupValue: string): string {
  return createHmac('sha256', key).update(lookupValue, 'utf8').digest('hex').slice(0, INDEX_HEX_CHARS);
}

/** What a case is indexed under, from its contact details; empty when they hold nothing usable. */
export function blindIndexesOf(
  key: Buffer,
  contact: { name?: string; phone?: string; dateOfBirth?: string },
): string[] {
  return [...new Set(lookupValuesOf(contact).map((value) => blindIndexOf(key, value)))];
}

/** The index a phone number is searched by; undefined when it is no phone number. */
export function phoneBlindIndex(key: Buffer, phone: string): string | undefined {
  const value = phoneLookupValue(phone);
  return value === undefined ? undefined : blindIndexOf(key, value);
}

/** The index a name with a date of birth is searched by; undefined unless both are usable. */
export function nameAndBirthBlindIndex(key: Buffer, name: string, dateOfBirth: string): string | undefined {
  const value = nameAndBirthLookupValue(name, dateOfBirth);
  return value === undefined ? undefined : blindIndexOf(key, value);
}
