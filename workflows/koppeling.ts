/**
 * The same person again, on the case: the links to earlier meldingen it was started with (and the
 * case it reopens) recorded in its history, a later link as the `koppeling` decision, and the
 * intake handed to the case client when this case, once closed, is reopened as a new melding.
 *
 * The links are references only; the search attribute CsgGekoppeld holds them so the earlier
 * case's page finds this one. A link upserts that attribute: a new command, but only in answer to
 * the new update, which no recorded history holds, so no `patched()` is needed here.
 */
import { setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { linkProblem } from '../domain/koppeling';
import type { MeldingCase } from './caseState';
import { intakeForReopening, linkMelding } from './messages';
import { CsgGekoppeld } from './searchAttributes';
import { ensureBy } from './validation';
import { setRecordedHandler } from './caseFileMilestones';

/** At intake: where this melding came from, in its history (no command: replays as before). */
export function recordOrigin(c: MeldingCase, recordedBy: string): void {
  if (c.reopening) {
    const { from, reason, by } = c.reopening;
    c.decide('heropening', by, `${from}; ${reason}`);
  }
  for (const reference of c.linkedTo) {
    if (reference !== c.reopening?.from) c.decide('koppeling', recordedBy, reference);
  }
}

export function registerKoppeling(c: MeldingCase): void {
  setHandler(intakeForReopening, () => c.intake);
  setRecordedHandler(
    c.caseFile,
    linkMelding,
    ({ reference, by }) => {
      c.linkedTo.push(reference);
      c.decide('koppeling', by, reference);
      upsertSearchAttributes([{ key: CsgGekoppeld, value: [...c.linkedTo] }]);
      return c.state();
    },
    {
      validator: ({ reference, by }) => {
        ensureBy(by);
        c.requireActive();
        const problem = linkProblem(reference, c.ref, c.linkedTo);
        if (problem) throw new Error(problem);
      },
    },
  );
}
