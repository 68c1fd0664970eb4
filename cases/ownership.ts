/**
 * One casemanager's cases ("my cases"), found by the search attribute CsgCasemanager: the staff
 * id of the case's owner, set when they accepted the handover or were handed the case. A staff id
 * only, so the query carries no victim data.
 */
import { STAFF_ID_PATTERN } from '../domain/staffId';
import { CsgCasemanager } from '../workflows/searchAttributes';
import { MELDING_WORKFLOW_TYPE } from './meldingClient';

/** The visibility filter for the running cases `staffId` owns (the id's form is checked first). */
export function ownedByFilter(staffId: string): string {
  if (!STAFF_ID_PATTERN.test(staffId)) throw new Error('expected a staff id');
  return `WorkflowType = '${MELDING_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' AND ${CsgCasemanager.name} = '${staffId}'`;
}

/**
 * The visibility filter for every case `staffId` owns, running or closed: the owner alone, which
 * the store answers from the owner's index; the caller picks the running ones.
 */
export function ownerFilter(staffId: string): string {
  if (!STAFF_ID_PATTERN.test(staffId)) throw new Error('expected a staff id');
  return `${CsgCasemanager.name} = '${staffId}'`;
}
