/**
 * The checks on a correction of what the intake recorded (age or date of birth, contact details,
 * language), written once: the API's body schemas (domain/decisionSchemas.ts) use the patterns,
 * the workflow's validators call the functions, so a value refused by one is refused by the
 * other with the same field and words. Messages never repeat the value: it is personal.
 *
 * Plain code, no zod: the workflow sandbox loads this file.
 */
import type { VictimAge } from './types';
import { AGE_BANDS } from './vocabulary';

export interface CorrectionProblem {
  field: string;
  message: string;
}

export const MAX_AGE = 120;
export const DATE_OF_BIRTH_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** The intake's phone form: digits, spaces, brackets and dashes, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const NAME_MAX = 200;
/** A language as a code: ISO 639 (nl, ar, tr, prs), optionally with a region (pt-BR). */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
export const MUNICIPALITY_MAX = 100;

export const CORRECTION_MESSAGES = {
  victimAge: `expected an age of kind "years" (whole years 0 to ${MAX_AGE}), "band" (${AGE_BANDS.join(', ')}) or "unknown"`,
  ageOrDate: 'expected either victimAge or dateOfBirth (one of the two)',
  dateOfBirth: 'expected a real date of birth as YYYY-MM-DD, not after the intake',
  name: `expected a name of 1 to ${NAME_MAX} characters`,
  phone: 'expected a phone number like +31612345678 or 0612345678',
  email: 'expected an email address',
  contactNothing: 'expected at least one of name, phone, email',
  channelsNothing: 'expected at least one of safeToCall, safeToText, safeToEmail',
  language: 'expected the language as a code like nl, ar, tr or pt-BR',
  languageNothing: 'expected at least one of language, interpreterNeeded',
  municipality: `expected the municipality where the victim lives (1 to ${MUNICIPALITY_MAX} characters)`,
} as const;

/** A date that exists (no 31 February), as midnight UTC; undefined when it does not. */
function dateAt(date: string): number | undefined {
  if (!DATE_OF_BIRTH_PATTERN.test(date)) return undefined;
  const at = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(at) || !new Date(at).toISOString().startsWith(date) ? undefined : at;
}

/** Whole years between the date of birth and `at` (a birthday counts from its day). */
export function ageOn(dateOfBirth: string, at: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const before = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  return at.getUTCFullYear() - y - (before ? 1 : 0);
}

export function dateOfBirthProblem(value: unknown, notAfterMs: number): CorrectionProblem | undefined {
  const at = typeof value === 'string' ? dateAt(value) : undefined;
  if (at === undefined || at > notAfterMs) {
    return { field: 'dateOfBirth', message: CORRECTION_MESSAGES.dateOfBirth };
  }
  return undefined;
}

export function victimAgeProblem(value: unknown): CorrectionProblem | undefined {
  const age = value as VictimAge | null;
  const fine =
    typeof age === 'object' &&
    age !== null &&
    ((age.kind === 'years' &&
      Number.isInteger(age.years) &&
      age.years >= 0 &&
      age.years <= MAX_AGE &&
      Object.keys(age).length === 2) ||
      (age.kind === 'band' &&
        (AGE_BANDS as readonly string[]).includes(age.band) &&
        Object.keys(age).length === 2) ||
      (age.kind === 'unknown' && Object.keys(age).length === 1));
  return fine ? undefined : { field: 'victimAge', message: CORRECTION_MESSAGES.victimAge };
}

/** A correction of the age: exactly one of an age or a date of birth, each well-formed. */
export function ageCorrectionProblem(
  input: { victimAge?: unknown; dateOfBirth?: unknown },
  intakeAtMs: number,
): CorrectionProblem | undefined {
  const hasAge = input.victimAge !== undefined;
  const hasDate = input.dateOfBirth !== undefined;
  if (hasAge === hasDate) return { field: 'victimAge', message: CORRECTION_MESSAGES.ageOrDate };
  return hasAge ? victimAgeProblem(input.victimAge) : dateOfBirthProblem(input.dateOfBirth, intakeAtMs);
}

/** New contact details: at least one, each in the intake's form. */
export function contactCorrectionProblem(input: {
  name?: unknown;
  phone?: unknown;
  email?: unknown;
}): CorrectionProblem | undefined {
  const { name, phone, email } = input;
  if (name === undefined && phone === undefined && email === undefined) {
    return { field: 'name', message: CORRECTION_MESSAGES.contactNothing };
  }
  if (name !== undefined && (typeof name !== 'string' || !name.trim() || name.length > NAME_MAX)) {
    return { field: 'name', message: CORRECTION_MESSAGES.name };
  }
  if (phone !== undefined && (typeof phone !== 'string' || !PHONE_PATTERN.test(phone))) {
    return { field: 'phone', message: CORRECTION_MESSAGES.phone };
  }
  if (email !== undefined && (typeof email !== 'string' || !EMAIL_PATTERN.test(email))) {
    return { field: 'email', message: CORRECTION_MESSAGES.email };
  }
  return undefined;
}

export const CHANNEL_FIELDS = ['safeToCall', 'safeToText', 'safeToEmail'] as const;

export function channelsCorrectionProblem(input: Record<string, unknown>): CorrectionProblem | undefined {
  const given = CHANNEL_FIELDS.filter((f) => input[f] !== undefined);
  if (given.length === 0) return { field: 'safeToCall', message: CORRECTION_MESSAGES.channelsNothing };
  const wrong = given.find((f) => typeof input[f] !== 'boolean');
  return wrong ? { field: wrong, message: 'expected true or false' } : undefined;
}

export function languageCorrectionProblem(input: {
  language?: unknown;
  interpreterNeeded?: unknown;
}): CorrectionProblem | undefined {
  const { language, interpreterNeeded } = input;
  if (language === undefined && interpreterNeeded === undefined) {
    return { field: 'language', message: CORRECTION_MESSAGES.languageNothing };
  }
  if (language !== undefined && (typeof language !== 'string' || !LANGUAGE_PATTERN.test(language))) {
    return { field: 'language', message: CORRECTION_MESSAGES.language };
  }
  if (interpreterNeeded !== undefined && typeof interpreterNeeded !== 'boolean') {
    return { field: 'interpreterNeeded', message: 'expected true or false' };
  }
  return undefined;
}

export function municipalityProblem(value: unknown): CorrectionProblem | undefined {
  if (typeof value !== 'string' || !value.trim() || value.length > MUNICIPALITY_MAX) {
    return { field: 'municipality', message: CORRECTION_MESSAGES.municipality };
  }
  return undefined;
}
