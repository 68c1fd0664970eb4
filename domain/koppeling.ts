/**
 * The same person again: a melding linked to an earlier one, and a closed case reopened. A closed
 * workflow cannot run again, so both are a new melding that names the earlier one by its reference
 * (never personal data: a reference is also the workflow id and shows in the Temporal UI).
 *
 * Plain data and small checks, no zod: the workflow sandbox loads this file.
 */

/** The melding reference's form, as `REFERENCE_PATTERN` in domain/intakeSchema.ts (a unit test keeps them equal). */
export const LINKED_REFERENCE_PATTERN = /^CSG-[A-Z]{2,4}-\d{4}-\d{6}$/;

/** More links than this on one case is a data problem, not a list to read. */
export const MAX_LINKS = 20;

/** Why a closed case is reopened, as a code for the history. */
export const REOPEN_REASONS = ['opnieuw_contact', 'nieuwe_klachten', 'alsnog_aangifte', 'anders'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

/** What a reopened case records about where it came from: the earlier case, why and who. */
export interface Reopening {
  from: string;
  reason: ReopenReason;
  by: string;
}

/** The last moment a case closed at `closedAt` may be reopened, given the region's window. */
export function reopenDeadline(closedAt: Date, withinDays: number): Date {
  return new Date(closedAt.getTime() + withinDays * 24 * 60 * 60 * 1000);
}

/** The problem with a reference to link to this case, or undefined when it may be linked. */
export function linkProblem(reference: unknown, own: string, linked: readonly string[]): string | undefined {
  if (typeof reference !== 'string' || !LINKED_REFERENCE_PATTERN.test(reference)) {
    return 'reference: expected a melding reference like CSG-LIM-2026-000123';
  }
  if (reference === own) return 'reference: a melding cannot be linked to itself';
  if (linked.includes(reference)) return `reference: already linked to ${reference}`;
  if (linked.length >= MAX_LINKS) return `reference: at most ${MAX_LINKS} linked meldingen`;
  return undefined;
}
