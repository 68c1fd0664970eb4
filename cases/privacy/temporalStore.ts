/**
 * The case in Temporal as a case store: the workflow (its intake as corrected, state, decisions,
 * the requests to partners and what each could see), its event history, its search attributes
 * (the blind index among them) and its timers.
 *
 * Erasure terminates a running case (which cancels its timers: no check-in or reminder fires
 * after it) and deletes the execution: Temporal then removes its history, its mutable state and its
 * visibility record, the blind index with it. Deletion is asynchronous on the server: the case
 * answers "not found" at once or within moments, which the tests wait for.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { caseState, intakeForReopening } from '../../workflows/messages';
import { caseHistory } from '../../workflows/opsMessages';
import type { CaseStore, Removed } from './caseStores';

/** Long enough for a busy worker, short enough for someone waiting at a terminal or a page. */
const DEADLINE_MS = 15_000;

export function isNotFound(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError || (error instanceof Error && /not found/i.test(error.message))
  );
}

export function temporalCaseStore(client: Client): CaseStore {
  const within = <T>(work: () => Promise<T>) => client.withDeadline(Date.now() + DEADLINE_MS, work);

  async function describe(reference: string) {
    try {
      return await within(() => client.workflow.getHandle(reference).describe());
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  return {
    name: 'temporal',
    async held(reference) {
      const description = await describe(reference);
      if (!description) return undefined;
      const handle = client.workflow.getHandle(reference);
      // Queries answer for a closed case too (the worker replays it) until retention deletes it.
      const [intake, state, history] = await within(() =>
        Promise.all([handle.query(intakeForReopening), handle.query(caseState), handle.query(caseHistory)]),
      );
      return {
        status: description.status.name,
        startedAt: description.startTime.toISOString(),
        ...(description.closeTime ? { closedAt: description.closeTime.toISOString() } : {}),
        melding: intake,
        stand: state,
        besluiten: history,
        verzoeken: state.requests.map((r) => ({
          requestId: r.requestId,
          partner: r.role,
          kind: r.kind,
          requestedAt: r.requestedAt,
          ...(r.acknowledgedAt ? { acknowledgedAt: r.acknowledgedAt } : {}),
          ...(r.sharing ? { sharing: r.sharing } : {}),
        })),
      };
    },
    async erase(reference): Promise<Removed> {
      const description = await describe(reference);
      if (!description) return { workflow: 0 };
      const handle = client.workflow.getHandle(reference);
      const history = await within(() => handle.fetchHistory());
      const zoekIndex = description.searchAttributes.CsgZoekIndex;
      const running = description.status.name === 'RUNNING';
      if (running) await within(() => handle.terminate('gewist op verzoek (AVG art. 17)'));
      await within(() =>
        client.workflowService.deleteWorkflowExecution({
          namespace: client.options.namespace,
          workflowExecution: { workflowId: reference },
        }),
      );
      return {
        workflow: 1,
        lopendBeeindigd: running ? 1 : 0,
        geschiedenisGebeurtenissen: history.events?.length ?? 0,
        zoekIndex: Array.isArray(zoekIndex) ? zoekIndex.length : 0,
      };
    },
  };
}
