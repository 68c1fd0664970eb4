/**
 * Who owns the case: the coordinator hands it to another named casemanager of the region, with a
 * reason code, in the history. From then on the check-ins (and the reminder of one already
 * running) go to the new owner first (watchfulWaiting.ts).
 *
 * The handler upserts CsgCasemanager through the case's publish: a new command, but only in
 * answer to the new update, which no recorded history holds, so no `patched()` is needed here.
 */
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { OWNER_CHANGE_REASONS } from '../domain/vocabulary';
import type { MeldingCase } from './caseState';
import { changeOwner } from './messages';
import { ensureBy, ensureOneOf } from './validation';
import { setRecordedHandler } from './caseFileMilestones';

export function registerOwnerChange(c: MeldingCase): void {
  setRecordedHandler(
    c.caseFile,
    changeOwner,
    ({ casemanager, reason, by }) => {
      const before = c.casemanager ?? '-';
      c.casemanager = casemanager;
      c.decide('eigenaar', by, `${before} → ${casemanager}; reden: ${reason}`);
      c.publish();
      return c.state();
    },
    {
      validator: ({ casemanager, reason, regionIds, by }) => {
        ensureBy(by);
        c.requireActive();
        if (typeof casemanager !== 'string' || !STAFF_ID_PATTERN.test(casemanager)) {
          throw new Error('casemanager: expected the staff id of a casemanager, e.g. cm-017');
        }
        // The case client says which regions' staff directories name this casemanager.
        if (!Array.isArray(regionIds) || !regionIds.includes(c.pathway.regionId)) {
          throw new Error(
            `casemanager: "${casemanager}" is not a casemanager in the staff directory of ${c.pathway.regionId}`,
          );
        }
        if (casemanager === c.casemanager) {
          throw new Error(`casemanager: "${casemanager}" already owns the case`);
        }
        ensureOneOf('reason', reason, OWNER_CHANGE_REASONS);
      },
    },
  );
}
