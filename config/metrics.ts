/**
 * The service's Prometheus metrics (prom-client). Each process makes its own Registry and hands
 * it in (to `createActivities`, to `buildServer`): nothing registers in prom-client's global
 * registry, so tests build as many apps as they like and read exactly their own figures.
 *
 * Workflows never touch these: the workflow sandbox must stay deterministic and replays would
 * count twice. So counts happen where something happens once in the world:
 * - in the activities (a partner message step sent up the ladder, a delivery that failed),
 * - in the intake service (a melding started, a provider saying an SMS was not delivered),
 * and what is open or overdue right now is not counted at all but read at scrape time from
 * Temporal's visibility store over the search attributes the workflow already keeps (see
 * `registerCaseGauges`): a gauge kept by incrementing and decrementing would drift with every
 * worker restart, retry and replay, while visibility is the same truth ops see in the Web UI.
 *
 * Labels are codes only (channel, region, role, tier): never a reference or anything personal.
 */
import { Counter, Gauge, collectDefaultMetrics, type Registry } from 'prom-client';
import type { Client } from '@temporalio/client';
import { PARTNER_ROLES, type RecipientTier } from '../domain/types';

export interface WorkerMetrics {
  /** A ladder step beyond the first notification went out: `tier` is where the ladder stands. */
  escalations: Counter<'role' | 'tier'>;
  /** A partner message that could not be delivered: `kind` permanent (will not work) or transient (retried). */
  deliveriesFailed: Counter<'channel' | 'kind'>;
  /** Semester report records written (a retried write that found its record already there is not counted). */
  reportRecordsWritten: Counter<'region'>;
  /** Entries the daily pruning removed past their retention, by store (activities/pruning.ts). */
  pruned: Counter<'store'>;
  /** Pruning runs of a store that failed (the run is retried; alert when it keeps failing). */
  pruningFailed: Counter<'store'>;
}

export interface IntakeMetrics {
  meldingenStarted: Counter<'channel' | 'region'>;
  /** The SMS provider reported a message undelivered or failed (Twilio's status callback). */
  deliveriesFailed: Counter<'channel' | 'kind'>;
}

/** One series for both processes: the worker counts send failures, the intake the provider's reports. */
function deliveriesFailedCounter(registry: Registry): Counter<'channel' | 'kind'> {
  return new Counter({
    name: 'csg_deliveries_failed_total',
    help: 'Partner messages not delivered, by channel and kind (permanent: will not work; transient: retried; provider: reported by the provider afterwards)',
    labelNames: ['channel', 'kind'],
    registers: [registry],
  });
}

export function createWorkerMetrics(registry: Registry): WorkerMetrics {
  collectDefaultMetrics({ register: registry, prefix: 'csg_worker_' });
  return {
    escalations: new Counter({
      name: 'csg_escalations_total',
      help: 'Partner request steps sent beyond the first notification, by partner role and the tier notified (primary again, backup, coordinator)',
      labelNames: ['role', 'tier'],
      registers: [registry],
    }),
    deliveriesFailed: deliveriesFailedCounter(registry),
    reportRecordsWritten: new Counter({
      name: 'csg_report_records_written_total',
      help: 'Anonymous semester report records written when a case ended, by region',
      labelNames: ['region'],
      registers: [registry],
    }),
    pruned: new Counter({
      name: 'csg_pruned_total',
      help: 'Entries removed by the daily pruning because they were past their retention, by store',
      labelNames: ['store'],
      registers: [registry],
    }),
    pruningFailed: new Counter({
      name: 'csg_pruning_failed_total',
      help: 'Daily pruning runs that failed for a store (retried; the store keeps what is past its retention until one succeeds)',
      labelNames: ['store'],
      registers: [registry],
    }),
  };
}

export function createIntakeMetrics(registry: Registry): IntakeMetrics {
  collectDefaultMetrics({ register: registry, prefix: 'csg_intake_' });
  return {
    meldingenStarted: new Counter({
      name: 'csg_meldingen_started_total',
      help: 'Meldingen started (a new case, not a resubmission), by intake channel and region',
      labelNames: ['channel', 'region'],
      registers: [registry],
    }),
    deliveriesFailed: deliveriesFailedCounter(registry),
  };
}

const TIERS: RecipientTier[] = ['primary', 'backup', 'coordinator', 'owner'];
const VISIBILITY_DEADLINE_MS = 5_000;

/**
 * Open and overdue requests by partner role, read from visibility at scrape time. A case shows
 * the party it awaits first (`CsgAwaitedParty` = role/tier of the open request due first, with
 * `CsgAwaitedDeadline`), so these count running cases by that request: one per case, the one
 * ops must chase first. Two count queries per role per scrape; with several intake processes
 * each reports the same figures (use max() in PromQL).
 */
export function registerCaseGauges(registry: Registry, client: Client, now: () => Date = () => new Date()) {
  const errors = new Counter({
    name: 'csg_visibility_query_errors_total',
    help: 'Scrapes whose visibility count queries failed (the open/overdue gauges are then left out)',
    registers: [registry],
  });
  const query = (role: string, overdue: boolean) =>
    [
      'ExecutionStatus = "Running"',
      `CsgAwaitedParty IN (${TIERS.map((t) => `"${role}/${t}"`).join(', ')})`,
      ...(overdue ? [`CsgAwaitedDeadline < "${now().toISOString()}"`] : []),
    ].join(' AND ');

  async function collectInto(gauge: Gauge<'role'>, overdue: boolean): Promise<void> {
    gauge.reset();
    try {
      const counts = await client.withDeadline(Date.now() + VISIBILITY_DEADLINE_MS, () =>
        Promise.all(PARTNER_ROLES.map((role) => client.workflow.count(query(role, overdue)))),
      );
      PARTNER_ROLES.forEach((role, i) => gauge.set({ role }, counts[i]!.count));
    } catch {
      // Leave the series out rather than fail the whole scrape: the worker's and the process
      // metrics still arrive, and the error counter (alertable) says why these are missing.
      errors.inc();
    }
  }

  new Gauge({
    name: 'csg_requests_open',
    help: 'Running meldingen awaiting this partner role first (their open request due first), from visibility',
    labelNames: ['role'],
    registers: [registry],
    async collect() {
      await collectInto(this, false);
    },
  });
  new Gauge({
    name: 'csg_requests_overdue',
    help: 'Running meldingen whose open request due first, awaiting this partner role, is past its deadline, from visibility',
    labelNames: ['role'],
    registers: [registry],
    async collect() {
      await collectInto(this, true);
    },
  });
}
