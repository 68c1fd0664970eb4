/**
 * Ops actions on a stuck case and its history, for the ops API and the CLI alike:
 * re-send a request, re-assign the casemanager handover, close with a reason, read who decided
 * what. The workflow's validators judge the case's state; this layer adds what only the
 * configuration knows (does the region's directory have a backup casemanager?) and turns
 * refusals into field-level problems.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { RegionConfig } from '../regions';
import { REGIONS } from '../regions';
import type { IntakeProblem } from '../domain/intakeSchema';
import { caseState, type CaseState } from '../workflows/messages';
import {
  caseHistory,
  closeCase,
  reassignHandover,
  resendRequest,
  type CloseInput,
  type HistoryEntry,
  type ReassignInput,
  type ResendInput,
} from '../workflows/opsMessages';
import { problemFromRejection } from './meldingService';

export type OpsAction =
  | { type: 'herinnering'; input: ResendInput }
  | { type: 'toewijzing'; input: ReassignInput }
  | { type: 'sluiting'; input: CloseInput };

export type OpsOutcome =
  | { status: 'ok'; state: CaseState }
  | { status: 'not_found' }
  | { status: 'rejected'; problems: IntakeProblem[] };

export interface OpsService {
  act(reference: string, action: OpsAction): Promise<OpsOutcome>;
  /** The case history, or undefined when there is no such case (or it is past retention). */
  history(reference: string): Promise<HistoryEntry[] | undefined>;
}

/** Long enough for a busy worker, short enough for someone waiting at a terminal. */
const DEADLINE_MS = 10_000;

function isNotFound(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError ||
    (error instanceof Error && /not found|already completed/i.test(error.message))
  );
}

export function createOpsService(
  client: Client,
  regions: ReadonlyMap<string, RegionConfig> = REGIONS,
): OpsService {
  const within = <T>(work: () => Promise<T>) => client.withDeadline(Date.now() + DEADLINE_MS, work);

  /** A closed case answers "not found" to an update; say it is closed rather than unknown. */
  async function closedOrUnknown(reference: string): Promise<OpsOutcome> {
    try {
      const description = await within(() => client.workflow.getHandle(reference).describe());
      if (description.status.name !== 'RUNNING') {
        return {
          status: 'rejected',
          problems: [{ field: '(melding)', message: `the case is closed (${description.status.name})` }],
        };
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return { status: 'not_found' };
  }

  async function directoryProblem(
    reference: string,
    input: ReassignInput,
  ): Promise<IntakeProblem | undefined> {
    if (input.toTier !== 'backup') return undefined;
    const state = await within(() => client.workflow.getHandle(reference).query(caseState));
    const casemanager = regions.get(state.regionId)?.partners.casemanager;
    if (casemanager?.backup) return undefined;
    // The directory would fall back to the on-call casemanager: that is no re-assignment.
    return {
      field: 'toTier',
      message: `the directory of ${state.regionId} has no backup casemanager; ask the coordinator`,
    };
  }

  return {
    async act(reference, action) {
      const handle = client.workflow.getHandle(reference);
      try {
        if (action.type === 'toewijzing') {
          const problem = await directoryProblem(reference, action.input);
          if (problem) return { status: 'rejected', problems: [problem] };
        }
        const state = await within(() => {
          switch (action.type) {
            case 'herinnering':
              return handle.executeUpdate(resendRequest, { args: [action.input] });
            case 'toewijzing':
              return handle.executeUpdate(reassignHandover, { args: [action.input] });
            case 'sluiting':
              return handle.executeUpdate(closeCase, { args: [action.input] });
          }
        });
        return { status: 'ok', state };
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError) {
          return {
            status: 'rejected',
            problems: [problemFromRejection(error.cause?.message ?? error.message)],
          };
        }
        if (isNotFound(error)) return closedOrUnknown(reference);
        throw error;
      }
    },
    async history(reference) {
      try {
        return await within(() => client.workflow.getHandle(reference).query(caseHistory));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}
