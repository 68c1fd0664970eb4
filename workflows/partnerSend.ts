/**
 * How a partner request's notification is sent: the activity proxy with its retries bounded by
 * the step's wait, and the message as cases started before the details left it still send it.
 */
import { ActivityCancellationType, proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { MeldingActivities, PartnerRequestMessage } from '../activities/types';
import type { SharedDetails } from '../domain/types';

export const MINUTE_MS = 60_000;
const SEND_GIVE_UP_MS = 30 * MINUTE_MS;

/** Transient SMTP / Twilio errors are retried with backoff; permanent ones arrive as non-retryable failures. */
export const SEND_RETRY: ActivityOptions['retry'] = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
};

export function partnerActivities(stepWaitMs: number) {
  return proxyActivities<MeldingActivities>({
    startToCloseTimeout: '1 minute',
    // The retries of one step's send end with the step (at most 30 minutes: a partner we could
    // not reach for that long is an escalation, and an abandoned send cannot linger for a day).
    scheduleToCloseTimeout: Math.max(Math.min(stepWaitMs, SEND_GIVE_UP_MS), MINUTE_MS),
    retry: SEND_RETRY,
    // ABANDON: a withdrawal drops the send at once without a cancel request to the server. With
    // TRY_CANCEL the time-skipping test server hangs when the cancel races the activity's
    // completion. The cost: a send already retrying may still go out once, at most 30 minutes
    // later (scheduleToClose); the partner then also has the withdrawal notice.
    cancellationType: ActivityCancellationType.ABANDON,
  });
}

/** The message as cases started before the details left it still send it (see startStep). */
export type LegacyPartnerRequestMessage = PartnerRequestMessage & { details: SharedDetails };
