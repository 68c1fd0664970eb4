/**
 * What a decision form on the case page is made of: its fields, how the posted strings become the
 * schema's body, and the Dutch date-time reading every time field shares. The forms themselves are
 * in caseDecisions.ts (the general list) and checkInDecisionForms.ts (the check-ins' section).
 */
import type { IntakeProblem } from '../domain/intakeSchema';
import { parseLocalDateTime } from '../domain/localTime';

/** A yes/no field travels as "true" / "false" in a form and becomes a boolean for the schema. */
export const BOOLEAN_CHOICES = ['true', 'false'] as const;

export interface DecisionField {
  /** The input's field name, as the schema and the workflow's refusals name it. */
  name: string;
  /** The closed list to choose from; without it the field is typed in. */
  choices?: readonly string[];
  /** Catalogue key of one choice in words. */
  words?: (choice: string) => string;
  /** A choice's words that are no catalogue text (a region's name). */
  text?: (choice: string) => string;
  boolean?: true;
  /** A select with an empty first option (long lists); otherwise radio buttons. */
  select?: true;
  /** May stay empty: a correction changes only the fields given. */
  optional?: true;
  /** A typed-in field's input type. */
  input?: 'text' | 'number' | 'date' | 'tel' | 'email';
  /** Known values offered while typing (a datalist), e.g. the served municipalities. */
  suggestions?: () => readonly string[];
  /** Catalogue key of the label when the field name alone is ambiguous (two decisions' `wish`). */
  label?: string;
  /** Catalogue key of a select's empty first option. */
  placeholder?: string;
  /** An incident-time field the form shows only while this kind of time is chosen (layout.ts). */
  timeKind?: 'exact' | 'approximate';
  /** A contact field the form shows only while "reached" is answered so (eigen.css). */
  reached?: 'true' | 'false';
  /**
   * The most characters kept of what is typed (250 when left out); the schema refuses what is
   * longer than it allows, so keep this above the schema's limit: nothing is cut off unseen.
   */
  keep?: number;
  /** Catalogue key of the field's problem, where the field name alone is ambiguous. */
  problem?: string;
}

/** The form's own values (strings), only the decision's fields: what the confirmation carries on. */
export type DecisionFormValues = Record<string, string>;

export const typed = (name: string, input: DecisionField['input'] = 'text'): DecisionField => ({
  name,
  input,
  optional: true,
});

/**
 * The form's values, the schema's body; problems the form finds itself, by field, and the body's
 * paths these already cover (a time it could not read: the schema's "missing" would say it twice).
 */
export type BodyOf = (
  values: DecisionFormValues,
  now: Date,
) => { body: Record<string, unknown>; problems: IntakeProblem[]; covered?: string[] };

export interface PageDecision {
  label: string;
  fields: DecisionField[];
  /** The decision of the table it becomes, where the page has several forms for one (planning). */
  decision?: string;
  /** The page section that shows the form: the check-ins' own, the second ring's, or the general list. */
  section?: 'contactmomenten' | 'tweede_ring';
  /**
   * Recorded at once, without the confirmation step: the everyday check-in work, which the next
   * contact can set right. The weighty ones (extension, referral, the coordinator's besluit) confirm.
   */
  direct?: true;
  /** Catalogue key of the message once recorded; `casePage.done.<name>` when left out. */
  done?: string;
  /** How the values become the schema's body, where they are not the body's fields one to one. */
  toBody?: BodyOf;
  /** Schema and workflow paths → the form field that shows their problem (longest prefix first). */
  problemFields?: Array<[path: string, field: string]>;
}

/** Dutch date-time fields to an ISO time, or the field that could not be read. */
export function localTime(
  values: DecisionFormValues,
  date: string,
  time: string,
  now: Date,
  problems: IntakeProblem[],
) {
  const parsed = parseLocalDateTime(values[date] ?? '', values[time] ?? '', now);
  if (parsed.ok) return parsed.iso;
  const field = parsed.problem === 'datum' ? date : time;
  problems.push({ field, message: `expected a ${parsed.problem === 'datum' ? 'date' : 'time'}` });
  return undefined;
}
