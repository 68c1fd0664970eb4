/**
 * The daily pruning (opschonen): one activity that asks every store holding something with a
 * retention term to remove what is past it. The Schedule `csg-opschonen` starts the workflow that
 * runs it (workflows/pruning.ts, workers/pruningSchedule.ts).
 *
 * A store joins by implementing `PrunableStore` and being handed in by the worker: it knows its
 * own term (caseFile/retention.ts, config/retention.ts) and how to find what is past it; this
 * activity only runs them, counts and reports. Nothing of a case is logged or counted: a store
 * answers how many entries it removed, not which.
 *
 * One store failing does not keep the others from being pruned: the rest run, then the activity
 * fails naming the store, so Temporal retries it (the stores already pruned find nothing more)
 * and a run that keeps failing shows as a failed workflow in the Web UI and in the failure counter.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from '../config/logger';
import type { WorkerMetrics } from '../config/metrics';

/** A store with something to prune past its retention. */
export interface PrunableStore {
  /** A code naming the store, for the log and the metric label (never anything of a case). */
  name: string;
  /** Removes what is past this store's retention at `now`; how many entries it removed. */
  prune(now: Date): Promise<number>;
}

export interface PruningInput {
  /** The run's time (ISO 8601): the workflow's, so a retry prunes against the same cutoff. */
  at: string;
}

export interface PruningReport {
  at: string;
  /** Entries removed per store name; stores that removed nothing appear with 0. */
  removed: Record<string, number>;
}

export interface PruningActivities {
  opschonen(input: PruningInput): Promise<PruningReport>;
}

export interface PruningDeps {
  stores: readonly PrunableStore[];
  logger: Logger;
  metrics?: Pick<WorkerMetrics, 'pruned' | 'pruningFailed'>;
}

export function createPruningActivities(deps: PruningDeps): PruningActivities {
  const names = deps.stores.map((s) => s.name);
  if (new Set(names).size !== names.length) {
    throw new Error(`pruning: store names must differ (${names.join(', ')})`);
  }
  const log = deps.logger.child({ component: 'opschonen' });
  return {
    async opschonen(input) {
      const now = new Date(input?.at);
      if (typeof input?.at !== 'string' || Number.isNaN(now.getTime())) {
        throw ApplicationFailure.nonRetryable('opschonen: at must be an ISO 8601 time', 'InvalidInput');
      }
      const removed: Record<string, number> = {};
      const failed: string[] = [];
      for (const store of deps.stores) {
        try {
          const count = await store.prune(now);
          removed[store.name] = count;
          deps.metrics?.pruned.inc({ store: store.name }, count);
          log.info({ store: store.name, removed: count }, 'pruned past retention');
        } catch (error) {
          failed.push(store.name);
          deps.metrics?.pruningFailed.inc({ store: store.name });
          // The error's message only: a store's errors name files and hosts, not cases.
          log.error(
            { store: store.name, error: error instanceof Error ? error.message : String(error) },
            'pruning failed',
          );
        }
      }
      if (failed.length > 0) {
        throw ApplicationFailure.retryable(`opschonen: failed for ${failed.join(', ')}`, 'PruningFailed');
      }
      return { at: now.toISOString(), removed };
    },
  };
}
