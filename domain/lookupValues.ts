/**
 * What a victim who calls back without the reference can be found by: the phone number, or the
 * name together with the date of birth. Each is brought into one written form, so the same person
 * written differently ("0612345678", "+31 6 1234 5678") gives the same value; `cases/blindIndex.ts`
 * turns that value into a keyed hash, the only form that leaves the case client.
 *
 * Each value starts with its kind ("telefoon:", "naam+geboortedatum:"), so a phone number and a
 * name can never hash alike. Pure: no keys, no I/O.
 */

/** A country code for numbers written nationally, with the trunk prefix 0 (the Netherlands). */
const NATIONAL_COUNTRY_CODE = '31';
/** Dutch subscriber numbers after the 0 have 9 digits (6 1234 5678, 20 123 4567). */
const NATIONAL_SIGNIFICANT_DIGITS = 9;
/** Shorter than this is no phone number anybody is found by (E.164 allows up to 15 digits). */
const MIN_DIGITS = 8;
const MAX_DIGITS = 15;

/**
 * The phone number as digits in international form, without "+": "0612345678", "06-12345678",
 * "+31 6 1234 5678", "+31 (0)6 12345678" and "0031612345678" all give "31612345678". A number
 * written without any prefix is read as already international ("31612345678"), except one of
 * exactly 9 digits, which is a Dutch number whose 0 was left off ("612345678"). Undefined when
 * what remains is no phone number (too few or too many digits, or letters).
 */
export function normalisedPhone(written: string): string | undefined {
  const trimmed = written.trim();
  if (!/^\+?[0-9 ().\-/]+$/.test(trimmed)) return undefined;
  const international = trimmed.startsWith('+');
  let digits = trimmed.replace(/\D/g, '');
  if (international) {
    // "+31 (0)6 ...": the national trunk 0 written inside an international number.
    if (digits.startsWith(`${NATIONAL_COUNTRY_CODE}0`)) {
      digits = NATIONAL_COUNTRY_CODE + digits.slice(NATIONAL_COUNTRY_CODE.length + 1);
    }
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = NATIONAL_COUNTRY_CODE + digits.slice(1);
  } else if (digits.length === NATIONAL_SIGNIFICANT_DIGITS) {
    digits = NATIONAL_COUNTRY_CODE + digits;
  }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS || digits.startsWith('0')) return undefined;
  return digits;
}

/** Letters that carry no combining accent in Unicode but are written without it just as often. */
const FOLDED_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * The name in lower case, accents folded ("é" → "e", "ß" → "ss"), punctuation that people write
 * one way or another (hyphen, apostrophe, dot, comma) read as a space, and spaces collapsed:
 * "Zwaantje  Plantinga-Oudekerk" and "zwaantje plantinga oudekerk" give the same. Undefined when
 * no letter remains.
 */
export function normalisedName(written: string): string | undefined {
  const folded = written
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/[-‐‑‒–—'’‘`´.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\p{L}/u.test(folded) ? folded : undefined;
}

/** A date of birth as YYYY-MM-DD, the only form the intake accepts; undefined for anything else. */
export function normalisedDateOfBirth(written: string): string | undefined {
  const date = written.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const at = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(date) ? date : undefined;
}

/** The value a phone number is found by; undefined when it is no phone number. */
export function phoneLookupValue(phone: string): string | undefined {
  const digits = normalisedPhone(phone);
  return digits === undefined ? undefined : `telefoon:${digits}`;
}

/** The value a name with a date of birth is found by; undefined unless both are usable. */
export function nameAndBirthLookupValue(name: string, dateOfBirth: string): string | undefined {
  const folded = normalisedName(name);
  const date = normalisedDateOfBirth(dateOfBirth);
  return folded === undefined || date === undefined ? undefined : `naam+geboortedatum:${folded}|${date}`;
}

/** Every value a case with these contact details can be found by (none when none is usable). */
export function lookupValuesOf(contact: { name?: string; phone?: string; dateOfBirth?: string }): string[] {
  const values = [
    contact.phone === undefined ? undefined : phoneLookupValue(contact.phone),
    contact.name === undefined || contact.dateOfBirth === undefined
      ? undefined
      : nameAndBirthLookupValue(contact.name, contact.dateOfBirth),
  ];
  return values.filter((v): v is string => v !== undefined);
}
