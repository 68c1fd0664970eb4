/**
 * The stuck list: every open partner request past its deadline, for the CLI's `stuck` and the ops
 * page. Visibility finds the candidate cases; each case's state query then names its overdue requests.
 */
import type { Client } from '@temporalio/client';
import type { RequestView } from '../workflows/messages';
import { inRegions } from './find';
import { createMeldingService } from './meldingService';

export interface StuckRequest {
  reference: string;
  regionId: string;
  /** The region the case was transferred to, whose staff see it too. */
  transferredTo?: string;
  phase: string;
  request: RequestView;
  overdueMinutes: number;
}

/**
 * Every open request past its deadline. Visibility finds the candidate cases (CsgAwaitedDeadline
 * is the earliest open deadline of a case); the state query then lists each overdue request, as a
 * case can wait for several partners at once. With `regions`, only cases in (or transferred to)
 * those regions are asked.
 */
export async function listStuck(
  client: Client,
  now: Date,
  regions?: readonly string[],
): Promise<StuckRequest[]> {
  const query = inRegions(
    `ExecutionStatus = "Running" AND CsgAwaitedDeadline < "${now.toISOString()}"`,
    regions,
  );
  const service = createMeldingService(client, '');
  const stuck: StuckRequest[] = [];
  for await (const execution of client.workflow.list({ query })) {
    const state = await service.state(execution.workflowId).catch(() => undefined);
    if (!state) continue;
    for (const request of state.openRequests) {
      const due = Date.parse(request.dueBy);
      if (due < now.getTime()) {
        stuck.push({
          reference: state.reference,
          regionId: state.regionId,
          ...(state.transferredTo ? { transferredTo: state.transferredTo } : {}),
          phase: state.phase,
          request,
          overdueMinutes: Math.floor((now.getTime() - due) / 60_000),
        });
      }
    }
  }
  return stuck.sort((a, b) => Date.parse(a.request.dueBy) - Date.parse(b.request.dueBy));
}
