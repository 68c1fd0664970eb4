/**
 * Why the case refused an ops action (resend, reassign, close), in the reader's words. The
 * workflow's validators (workflows/opsActions.ts) explain in English for programs and logs; the
 * ops page shows the catalogue's sentence for each refusal it knows, and names the field otherwise.
 */
import type { IntakeProblem } from '../../domain/intakeSchema';
import type { Translate } from '../../i18n';

/** The refusals by their wording, in the order to try; the first match wins. */
const REFUSALS: Array<[RegExp, string]> = [
  [/\bclos(ed|ing)\b/, 'closed'],
  [/unknown request|expected the id of an open request/, 'requestUnknown'],
  [/^requestId: request .* is already/, 'requestDone'],
  [/handover is (already|not requested)/, 'handoverNotOpen'],
  [/already awaits the/, 'alreadyAwaits'],
  [/ladder has no/, 'noStep'],
];

export function opsRefusalText(t: Translate, problem: IntakeProblem): string {
  const known = REFUSALS.find(([pattern]) => pattern.test(problem.message));
  return known ? t(`ops.refusals.${known[1]}`) : t('ops.refusals.other', { field: problem.field });
}
