/**
 * Sending each planned channel exactly once, guarded by the delivery log: check the claim, send,
 * record. One channel's trouble never holds back another; a transient failure on any channel makes
 * the whole step retryable after the others went out (they then report `duplicate`).
 */
import type { Logger } from '../config/logger';
import type { WorkerMetrics } from '../config/metrics';
import type { ChannelPlan } from './channelPlans';
import type { DeliveryLog } from './deliveryLog';
import { DeliveryError, transientFailure } from './errors';
import type { ChannelDelivery, DeliveryReport } from './types';

export interface DeliveryDeps {
  deliveryLog: DeliveryLog;
  log: Logger;
  metrics?: WorkerMetrics;
}

export function createDelivery(deps: DeliveryDeps) {
  const { log } = deps;

  /** One channel, exactly once: check the log, send, record. Throws DeliveryError when transient. */
  async function deliver(plan: ChannelPlan, onFresh: () => void): Promise<ChannelDelivery> {
    const fields = {
      meldingRef: plan.key.meldingRef,
      requestId: plan.key.requestId,
      attempt: plan.key.attempt,
      channel: plan.channel,
    };
    const claim = await deps.deliveryLog.claim(plan.key);
    switch (claim.status) {
      case 'sent':
        log.info(fields, 'already sent by an earlier try; not sending again');
        return { channel: plan.channel, status: 'duplicate' };
      case 'failed':
        return { channel: plan.channel, status: 'failed', reason: claim.record.reason ?? 'failed earlier' };
      case 'in_flight':
        throw new DeliveryError({
          kind: 'transient',
          reason: `${plan.channel}: an earlier try may still be sending`,
        });
      case 'uncertain': {
        log.warn(
          fields,
          'an earlier try stopped between sending and recording; checking before sending again',
        );
        if (plan.findSent) {
          // A failure here leaves the fresh claim in place: the next try waits out the lease and checks again.
          const found = await plan.findSent(new Date(claim.record.claimedAt || Date.now()));
          if (found !== undefined) {
            await deps.deliveryLog.markSent(plan.key, found);
            // Warn, as the lines around it: a crash recovery is worth a look from ops.
            log.warn(fields, 'the provider had accepted it already; recorded, not sent again');
            return { channel: plan.channel, status: 'duplicate' };
          }
          log.warn(fields, 'the provider does not have it; sending now');
        } else {
          log.warn(fields, 'the provider cannot be asked; sending again under the same Message-ID');
        }
        break;
      }
      case 'claimed':
        break;
    }
    try {
      const { providerId } = await plan.send();
      onFresh();
      await deps.deliveryLog.markSent(plan.key, providerId);
      log.info(fields, 'partner message sent');
      return { channel: plan.channel, status: 'sent' };
    } catch (err) {
      if (err instanceof DeliveryError && err.failure.kind === 'permanent') {
        onFresh();
        await deps.deliveryLog.markFailed(plan.key, err.failure.reason);
        // Counted here, where it is first recorded: a retry reads it from the log and does not count it again.
        deps.metrics?.deliveriesFailed.inc({ channel: plan.channel, kind: 'permanent' });
        log.warn({ ...fields, reason: err.failure.reason }, 'partner message failed permanently');
        return { channel: plan.channel, status: 'failed', reason: err.failure.reason };
      }
      await deps.deliveryLog.release(plan.key);
      const reason = err instanceof DeliveryError ? err.failure.reason : `${plan.channel}: unexpected error`;
      log.warn({ ...fields, reason }, 'partner message not sent yet; will be retried');
      if (err instanceof DeliveryError) throw err;
      throw new DeliveryError({ kind: 'transient', reason });
    }
  }

  /** Runs every channel (one's trouble never holds back another), then reports or asks for a retry. */
  async function deliverAll(
    channelPlans: ChannelPlan[],
    missing: ChannelDelivery[],
    base: Pick<DeliveryReport, 'requestId' | 'attempt'> & Partial<DeliveryReport>,
    /** Called when this try reached a provider (sent, or refused for good), not for what the log already knew. */
    onFresh: () => void = () => undefined,
  ): Promise<DeliveryReport> {
    const deliveries: ChannelDelivery[] = [...missing];
    const transient: string[] = [];
    for (const plan of channelPlans) {
      try {
        deliveries.push(await deliver(plan, onFresh));
      } catch (err) {
        if (!(err instanceof DeliveryError)) throw err;
        transient.push(err.failure.reason);
        deps.metrics?.deliveriesFailed.inc({ channel: plan.channel, kind: 'transient' });
      }
    }

    if (transient.length > 0) throw transientFailure(transient);
    const reached = deliveries.some((d) => d.status === 'sent' || d.status === 'duplicate');
    const escalate = !reached || deliveries.some((d) => d.status === 'failed');
    // Stable channel order in reports: sms before email, as planned.
    deliveries.sort((a, b) => (a.channel === b.channel ? 0 : a.channel === 'sms' ? -1 : 1));
    return { ...base, deliveries, escalate };
  }

  return { deliverAll };
}
