/**
 * The case consultation (casusoverleg): any casemanager or coordinator of the region flags a case
 * for the next one, with a short note saying what to discuss, and unflags it once discussed.
 *
 * The note is staff text about the case, not victim data, but it is free text: it stays in the
 * case (its state and encrypted history), never in a search attribute, a memo or a log. Only the
 * Bool search attribute CsgCasusoverleg says that a case is flagged.
 *
 * Plain code, no zod: the workflow validator and the API schema share this one check.
 */

/** Long enough for "what do we want to discuss", short enough to stay a note. */
export const CASUSOVERLEG_NOTE_MAX = 500;

/** The problem with a flag's input, naming the field; undefined when it is fine. */
export function casusoverlegProblem(flagged: unknown, note: unknown): string | undefined {
  if (typeof flagged !== 'boolean') return 'flagged: expected true (flag for the case consultation) or false';
  if (note === undefined) return flagged ? 'note: a flag says what to discuss (a short note)' : undefined;
  if (typeof note !== 'string') return 'note: expected a short text';
  if (flagged && note.trim() === '') return 'note: a flag says what to discuss (a short note)';
  if (note.trim().length > CASUSOVERLEG_NOTE_MAX) {
    return `note: at most ${CASUSOVERLEG_NOTE_MAX} characters`;
  }
  return undefined;
}
