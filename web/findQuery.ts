/**
 * The search "find a case again", as the API's query string and the staff page's form give it:
 * `telefoon`, or `naam` with `geboortedatum`. One check for both, so the page and the API name the
 * same field with the same problem. An empty field counts as not given (a form sends every field).
 */
import { normalisedDateOfBirth, normalisedName, normalisedPhone } from '../domain/lookupValues';
import type { FindQuery } from '../cases/find';

export const FIND_FIELDS = ['telefoon', 'naam', 'geboortedatum'] as const;
export type FindField = (typeof FIND_FIELDS)[number];

/** One problem with the search; `messageKey` is under `find.` in the catalogues. */
export interface FindProblem {
  field: FindField | string;
  code: string;
  messageKey: string;
}

export type ParsedFind = { ok: true; query: FindQuery } | { ok: false; problems: FindProblem[] };

/** Long enough for any real name or number; longer is not a search but a payload. */
const MAX_LENGTH = 200;

function text(raw: Record<string, unknown>, field: FindField): string | undefined | null {
  const value = raw[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  return value.trim() === '' ? undefined : value;
}

/** Checks the search; `unknownFieldsRefused` for the API, where a misspelt field must not vanish. */
export function parseFindQuery(
  raw: Record<string, unknown>,
  options: { unknownFieldsRefused?: boolean } = {},
): ParsedFind {
  const problems: FindProblem[] = [];
  if (options.unknownFieldsRefused) {
    for (const key of Object.keys(raw).filter((k) => !(FIND_FIELDS as readonly string[]).includes(k))) {
      problems.push({ field: key.slice(0, 100), code: 'unknown_field', messageKey: 'unknownField' });
    }
  }
  const phone = text(raw, 'telefoon');
  const name = text(raw, 'naam');
  const dateOfBirth = text(raw, 'geboortedatum');

  if (phone === null || (phone !== undefined && normalisedPhone(phone) === undefined)) {
    problems.push({ field: 'telefoon', code: 'invalid_value', messageKey: 'phoneInvalid' });
  }
  if (name === null || (name !== undefined && normalisedName(name) === undefined)) {
    problems.push({ field: 'naam', code: 'invalid_value', messageKey: 'nameInvalid' });
  }
  if (
    dateOfBirth === null ||
    (dateOfBirth !== undefined && normalisedDateOfBirth(dateOfBirth) === undefined)
  ) {
    problems.push({ field: 'geboortedatum', code: 'invalid_value', messageKey: 'dateOfBirthInvalid' });
  }
  // A name alone, or a date of birth alone, finds too many people: they go together.
  if (name !== undefined && dateOfBirth === undefined) {
    problems.push({ field: 'geboortedatum', code: 'required_with_name', messageKey: 'dateOfBirthNeeded' });
  }
  if (dateOfBirth !== undefined && name === undefined) {
    problems.push({ field: 'naam', code: 'required_with_date_of_birth', messageKey: 'nameNeeded' });
  }
  if (phone === undefined && name === undefined && dateOfBirth === undefined) {
    problems.push({ field: 'telefoon', code: 'query_needed', messageKey: 'queryNeeded' });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    query: {
      ...(phone ? { phone } : {}),
      ...(name && dateOfBirth ? { name, dateOfBirth } : {}),
    },
  };
}
