/**
 * The flag for the region's next case consultation: any casemanager or coordinator of the region
 * sets it with a note (what to discuss), changes the note by flagging again, and clears it once
 * discussed. The history records who and when ("gemarkeerd" / "afgemeld"), never the note; the
 * Bool search attribute CsgCasusoverleg lets the region overview find flagged cases.
 *
 * Setting the attribute is a new command, but only in answer to the new update, which no recorded
 * history holds, so no `patched()` is needed here.
 */
import { upsertSearchAttributes } from '@temporalio/workflow';
import { casusoverlegProblem } from '../domain/casusoverleg';
import type { MeldingCase } from './caseState';
import { flagForCasusoverleg } from './messages';
import { CsgCasusoverleg } from './searchAttributes';
import { ensureBy } from './validation';
import { setRecordedHandler } from './caseFileMilestones';

export function registerCasusoverleg(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    flagForCasusoverleg,
    ({ flagged, note, by }) => {
      const wasFlagged = c.casusoverleg !== undefined;
      c.casusoverleg = flagged ? { note: note!.trim(), by, at: new Date().toISOString() } : undefined;
      c.decide('casusoverleg', by, flagged ? 'gemarkeerd' : 'afgemeld');
      if (flagged !== wasFlagged) upsertSearchAttributes([{ key: CsgCasusoverleg, value: flagged }]);
      return c.state();
    },
    {
      validator: ({ flagged, note, by }) => {
        ensureBy(by);
        c.requireActive();
        const problem = casusoverlegProblem(flagged, note);
        if (problem) throw new Error(problem);
        if (!flagged && !c.casusoverleg) throw new Error('flagged: the case is not flagged');
        if (flagged && c.casusoverleg?.note === note!.trim()) {
          throw new Error('note: the case is already flagged with this note');
        }
      },
    },
  );
}
