/**
 * The decisions staff record on the case page, as forms: which ones, their fields and choices,
 * and how a posted form becomes a decision of the table (`domain/decisions.ts`) or the ops
 * closing. The choices come from the domain's lists (`domain/vocabulary.ts`) and the body is
 * checked by the very schemas the JSON API uses (`domain/decisionSchemas.ts`, the ops API's
 * closing body), so a page and the API accept and refuse the same input.
 */
import type { z } from 'zod';
import type { Decision } from '../domain/decisions';
import { decisionSchemas } from '../domain/decisionSchemas';
import type { IntakeProblem } from '../domain/intakeSchema';
import { CSG_ROLES } from '../domain/sharing';
import { CLOSE_REASONS, PARTNER_ROLES, WISHES } from '../domain/vocabulary';
import type { OpsAction } from '../cases/opsService';
import type { Translate } from '../i18n';
import { OPS_ACTION_BODIES } from './opsApi';

/** A yes/no field travels as "true" / "false" in a form and becomes a boolean for the schema. */
const BOOLEAN_CHOICES = ['true', 'false'] as const;

export interface DecisionField {
  /** The input's field name, as the schema and the workflow's refusals name it. */
  name: string;
  choices: readonly string[];
  /** Catalogue key of one choice in words. */
  words: (choice: string) => string;
  boolean?: true;
  /** A select with an empty first option (long lists); otherwise radio buttons. */
  select?: true;
}

/** The consent form offers only partners outside the CSG: its own people need no separate consent. */
const CONSENT_ROLES = PARTNER_ROLES.filter((role) => !CSG_ROLES.includes(role));

/**
 * The case page's decisions, in the order the page shows them. `sluiting` is the ops closing
 * (`cases/opsService.ts`); the rest are decisions of the table under their own names.
 */
export const CASE_PAGE_DECISIONS = {
  toestemming: {
    label: 'decisions.toestemming',
    fields: [
      { name: 'role', choices: CONSENT_ROLES, words: (c) => `request.roles.${c}`, select: true },
      { name: 'given', choices: BOOLEAN_CHOICES, words: (c) => `casePage.given.${c}`, boolean: true },
    ],
  },
  politiewens: {
    label: 'decisions.politiewens',
    fields: [{ name: 'wish', choices: WISHES, words: (c) => `form.choices.${c}` }],
  },
  aangifte: {
    label: 'decisions.aangifte',
    fields: [{ name: 'made', choices: BOOLEAN_CHOICES, words: (c) => `casePage.made.${c}`, boolean: true }],
  },
  intrekking: { label: 'decisions.intrekking', fields: [] },
  sluiting: {
    label: 'casePage.sluiting',
    fields: [
      { name: 'reason', choices: CLOSE_REASONS, words: (c) => `casePage.closeReasons.${c}`, select: true },
    ],
  },
} satisfies Record<string, { label: string; fields: DecisionField[] }>;

export type CasePageDecision = keyof typeof CASE_PAGE_DECISIONS;
export const CASE_PAGE_DECISION_NAMES = Object.keys(CASE_PAGE_DECISIONS) as CasePageDecision[];

export function isCasePageDecision(value: unknown): value is CasePageDecision {
  return typeof value === 'string' && Object.hasOwn(CASE_PAGE_DECISIONS, value);
}

export function fieldsOf(name: CasePageDecision): readonly DecisionField[] {
  return CASE_PAGE_DECISIONS[name].fields;
}

/** What a page decision becomes: a decision of the table, or the ops closing. */
export type CaseAction = { kind: 'decision'; decision: Decision } | { kind: 'ops'; action: OpsAction };

/** The form's own values (strings), only the decision's fields: what the confirmation carries on. */
export type DecisionFormValues = Record<string, string>;

export function formValuesOf(name: CasePageDecision, body: Record<string, unknown>): DecisionFormValues {
  const values: DecisionFormValues = {};
  for (const field of fieldsOf(name)) {
    const value = body[field.name];
    if (typeof value === 'string' && value !== '') values[field.name] = value.slice(0, 100);
  }
  return values;
}

function schemaFor(name: CasePageDecision): z.ZodType {
  return name === 'sluiting' ? OPS_ACTION_BODIES.sluiting : decisionSchemas[name];
}

/**
 * The posted values as an action by `by`, or the schema's problems (one per field). A boolean
 * field's "true"/"false" becomes true/false; anything else stays as typed, so the schema names it.
 */
export function parseCaseAction(
  name: CasePageDecision,
  values: DecisionFormValues,
  by: string,
): { ok: true; action: CaseAction } | { ok: false; problems: IntakeProblem[] } {
  const body: Record<string, unknown> = {};
  for (const field of fieldsOf(name)) {
    const value = values[field.name];
    if (value === undefined) continue;
    body[field.name] = field.boolean && (value === 'true' || value === 'false') ? value === 'true' : value;
  }
  const parsed = schemaFor(name).safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || '(besluit)',
      message: issue.message,
    }));
    // One problem per field: the first is the one to fix.
    return {
      ok: false,
      problems: problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i),
    };
  }
  const input = { ...(parsed.data as object), by };
  if (name === 'sluiting')
    return { ok: true, action: { kind: 'ops', action: { type: 'sluiting', input } as OpsAction } };
  return { ok: true, action: { kind: 'decision', decision: { type: name, input } as Decision } };
}

const FORM_FIELDS = new Set(
  CASE_PAGE_DECISION_NAMES.flatMap((name) => fieldsOf(name).map((field) => field.name)),
);

/**
 * A problem in the reader's language. The schema's problems and the workflow's refusals name
 * their field; the catalogue has a text for each field these forms have, and for the refusals a
 * case gives whatever the field (already withdrawn, closed). The workflow's own wording is English
 * and for programs; a person reads the catalogue's.
 */
export function problemText(t: Translate, problem: IntakeProblem, stage: 'form' | 'refusal'): string {
  const field = problem.field;
  if (stage === 'form') {
    return FORM_FIELDS.has(field) ? t(`casePage.problems.${field}`) : t('casePage.problems.form');
  }
  if (field === 'wish' || field === 'role') return t(`casePage.refusals.${field}`);
  if (field === 'reason') return t('casePage.problems.reason');
  if (/already withdrawn/.test(problem.message)) return t('casePage.refusals.withdrawn');
  if (/\bclos(ed|ing)\b/.test(problem.message)) return t('casePage.refusals.closed');
  return t('casePage.refusals.other', { field });
}
