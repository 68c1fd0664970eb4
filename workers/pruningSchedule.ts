/**
 * The Schedule `csg-opschonen`: every day at 04:15 Dutch time it starts the pruning workflow
 * (workflows/pruning.ts) on the worker's task queue. The worker makes sure of it at every start,
 * because the worker runs on every profile (dev stack and cluster) and is what the Schedule needs.
 *
 * - Idempotent: a second start finds the Schedule there and leaves it as it is when it matches;
 *   only a Schedule that differs from this definition (another hour, another task queue, after a
 *   change here) is updated, keeping its paused state and note, so ops can pause it in the Web UI.
 * - 04:15 Europe/Amsterdam: the quietest hour of the helpline's night, and outside 02:00-03:00,
 *   which summer time skips or repeats once a year.
 * - Overlap skip: a run still going when the next is due (a huge store) lets that one go.
 * - Catch-up one day: after an outage, the missed run is made up once, not once per missed day.
 */
import {
  ScheduleAlreadyRunning,
  type Client,
  type ScheduleDescription,
  type ScheduleOptions,
} from '@temporalio/client';

export const PRUNING_SCHEDULE_ID = 'csg-opschonen';
export const PRUNING_WORKFLOW_TYPE = 'opschonenWorkflow';
export const PRUNING_TIME = { hour: 4, minute: 15, timezone: 'Europe/Amsterdam' } as const;
const CATCHUP_WINDOW_MS = 24 * 3600_000;

export type ScheduleOutcome = 'created' | 'unchanged' | 'updated';

function definition(taskQueue: string): Pick<ScheduleOptions, 'spec' | 'action' | 'policies'> {
  return {
    spec: {
      calendars: [
        {
          hour: PRUNING_TIME.hour,
          minute: PRUNING_TIME.minute,
          comment: 'dagelijks opschonen na de bewaartermijn',
        },
      ],
      timezone: PRUNING_TIME.timezone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: PRUNING_WORKFLOW_TYPE,
      // Temporal adds the run's time to it, so each day's run has its own id.
      workflowId: PRUNING_SCHEDULE_ID,
      taskQueue,
      args: [],
    },
    policies: { overlap: 'SKIP', catchupWindow: CATCHUP_WINDOW_MS },
  };
}

/** Does the Schedule as the server describes it do what this definition says? */
function matches(description: ScheduleDescription, taskQueue: string): boolean {
  const { spec, action, policies } = description;
  const calendar = spec.calendars?.length === 1 ? spec.calendars[0] : undefined;
  const only = (ranges: { start: number; end: number }[] | undefined, value: number) =>
    ranges?.length === 1 && ranges[0]!.start === value && ranges[0]!.end === value;
  return (
    calendar !== undefined &&
    only(calendar.hour, PRUNING_TIME.hour) &&
    only(calendar.minute, PRUNING_TIME.minute) &&
    (spec.intervals?.length ?? 0) === 0 &&
    spec.timezone === PRUNING_TIME.timezone &&
    action.type === 'startWorkflow' &&
    action.workflowType === PRUNING_WORKFLOW_TYPE &&
    action.taskQueue === taskQueue &&
    policies.overlap === 'SKIP' &&
    policies.catchupWindow === CATCHUP_WINDOW_MS
  );
}

/** Creates the Schedule, or brings an existing one in line with this definition. */
export async function ensurePruningSchedule(client: Client, taskQueue: string): Promise<ScheduleOutcome> {
  const wanted = definition(taskQueue);
  try {
    await client.schedule.create({ scheduleId: PRUNING_SCHEDULE_ID, ...wanted });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(PRUNING_SCHEDULE_ID);
  if (matches(await handle.describe(), taskQueue)) return 'unchanged';
  await handle.update((previous) => ({ ...wanted, state: previous.state }));
  return 'updated';
}
