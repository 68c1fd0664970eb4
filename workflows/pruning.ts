/**
 * The daily pruning (opschonen): started by the Schedule `csg-opschonen` (workers/pruningSchedule.ts),
 * it runs the one activity that prunes every store past its retention (activities/pruning.ts).
 * A workflow rather than a timer in the worker, so each run, its counts and any failure are in the
 * Web UI beside the cases, and a run missed while the workers were down is made up once.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { PruningActivities, PruningReport } from '../activities/pruning';

const { opschonen } = proxyActivities<PruningActivities>({
  // A store of many thousands of entries takes minutes on a loaded disk, not hours.
  startToCloseTimeout: '1 hour',
  // Gives up well before the next day's run; that run finds the same entries still there.
  scheduleToCloseTimeout: '12 hours',
  retry: { initialInterval: '1 minute', backoffCoefficient: 2, maximumInterval: '1 hour' },
});

export async function opschonenWorkflow(): Promise<PruningReport> {
  // The workflow's own time: the moment the Schedule started this run, the same on every retry.
  return opschonen({ at: new Date().toISOString() });
}
