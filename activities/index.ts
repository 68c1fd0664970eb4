/**
 * The partner-notification activities. `createActivities` receives every dependency (transports,
 * directory, delivery log, link signer, logger), so the worker hands in the real ones and tests
 * hand in real protocol peers (an SMTP server, the Twilio contract mock) without module mocking.
 *
 * Every request step goes out on each channel the addressed contact has (SMS to alert, email for
 * the record), each guarded by the delivery log so a retry never sends it twice.
 * - transient failure on any channel: the other channels still go out, then the activity throws a
 *   retryable failure and Temporal retries with backoff; channels already sent report `duplicate`.
 * - permanent failure (unknown address, invalid number): recorded, reported `failed`, the other
 *   channel carries the message, and `escalate: true` tells the workflow to climb the ladder.
 */
import type { Transporter } from 'nodemailer';
import type { Twilio } from 'twilio';
import type { Logger } from '../config/logger';
import type { WorkerMetrics } from '../config/metrics';
import type { PartnerDirectory, ResolvedRecipient } from './directory';
import { deliveryKeyHash, type DeliveryKey, type DeliveryLog } from './deliveryLog';
import { createEmailChannel, stableMessageId } from './email';
import { DeliveryError, notConfiguredFailure, transientFailure } from './errors';
import type { MailSearch } from './mailSearch';
import { createSmsChannel } from './sms';
import { renderNotice, renderRequest, type RenderedMessage } from './templates';
import type {
  ChannelDelivery,
  DeliveryChannel,
  DeliveryReport,
  MeldingActivities,
  PartnerLinks,
  PartnerNotice,
  PartnerRequestMessage,
} from './types';

export interface ActivityDeps {
  /** SMTP transport (transports.ts builds it from the environment). */
  mailTransport: Transporter;
  /** The From address of partner email (MAIL_FROM). */
  mailFrom: string;
  /** Twilio client (transports.ts; points at the contract mock when TWILIO_API_BASE_URL is set). */
  twilio: Twilio;
  /** The E.164 number SMS is sent from (TWILIO_FROM_NUMBER). */
  smsFrom: string;
  directory: PartnerDirectory;
  deliveryLog: DeliveryLog;
  /** The relay's message search (SMTP_SEARCH_URL): asked after a crash instead of sending again. */
  mailSearch?: MailSearch;
  /** Signed links, built by the intake service's signer. */
  links: PartnerLinks;
  logger: Logger;
  /** Escalations and failed deliveries for Prometheus; the worker hands in its registry's metrics. */
  metrics?: WorkerMetrics;
  /** How long an action link stays valid after the request's deadline: a late answer is still welcome. Default 7 days. */
  linkValidAfterDueMs?: number;
}

const DEFAULT_LINK_VALID_AFTER_DUE_MS = 7 * 24 * 3600_000;

interface ChannelPlan {
  channel: DeliveryChannel;
  key: DeliveryKey;
  send: () => Promise<{ providerId: string }>;
  /** Asks the provider whether an earlier, crashed try already sent it. */
  findSent?: (since: Date) => Promise<string | undefined>;
}

export function createActivities(deps: ActivityDeps): MeldingActivities {
  const log = deps.logger.child({ component: 'partner-notifications' });
  const email = createEmailChannel({ transport: deps.mailTransport, mailFrom: deps.mailFrom });
  const sms = createSmsChannel({ client: deps.twilio, from: deps.smsFrom });
  const linkValidAfterDueMs = deps.linkValidAfterDueMs ?? DEFAULT_LINK_VALID_AFTER_DUE_MS;

  /** The plans for each channel the contact has; a missing channel is reported `not_configured`. */
  function plans(
    recipient: ResolvedRecipient,
    keyBase: Omit<DeliveryKey, 'channel'>,
    rendered: RenderedMessage,
    statusCallback: string | undefined,
  ): { plans: ChannelPlan[]; missing: ChannelDelivery[] } {
    const out: ChannelPlan[] = [];
    const missing: ChannelDelivery[] = [];
    const { email: address, sms: number } = recipient.contact;
    if (number !== undefined) {
      const key: DeliveryKey = { ...keyBase, channel: 'sms' };
      out.push({
        channel: 'sms',
        key,
        send: () =>
          sms.send({ to: number, body: rendered.sms, ...(statusCallback ? { statusCallback } : {}) }),
        findSent: (since) => sms.findSent({ to: number, body: rendered.sms, since }),
      });
    } else {
      missing.push({ channel: 'sms', status: 'not_configured', reason: 'no SMS number in the directory' });
    }
    if (address !== undefined) {
      const key: DeliveryKey = { ...keyBase, channel: 'email' };
      const messageId = stableMessageId(deliveryKeyHash(key), deps.mailFrom);
      const search = deps.mailSearch;
      out.push({
        channel: 'email',
        key,
        send: () =>
          email.send({
            to: address,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            messageId,
          }),
        ...(search
          ? { findSent: async () => ((await search.accepted(messageId)) ? messageId : undefined) }
          : {}),
      });
    } else {
      missing.push({
        channel: 'email',
        status: 'not_configured',
        reason: 'no email address in the directory',
      });
    }
    return { plans: out, missing };
  }

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

  function notFoundReport(requestId: string, attempt: number, reason: string): DeliveryReport {
    return {
      requestId,
      attempt,
      deliveries: [
        { channel: 'sms', status: 'not_configured', reason },
        { channel: 'email', status: 'not_configured', reason },
      ],
      escalate: true,
      note: reason,
    };
  }

  return {
    async sendPartnerRequest(message: PartnerRequestMessage): Promise<DeliveryReport> {
      const found = deps.directory.lookup(message.regionId, message.role, message.tier);
      if (!found.found) {
        if (found.problem === 'unknown_region') throw notConfiguredFailure(found.reason);
        log.error(
          { meldingRef: message.meldingRef, requestId: message.requestId, role: message.role },
          found.reason,
        );
        return notFoundReport(message.requestId, message.attempt, found.reason);
      }
      const recipient = found.recipient;
      const expiresAt = new Date(new Date(message.dueBy).getTime() + linkValidAfterDueMs);
      const ref = { meldingRef: message.meldingRef, requestId: message.requestId, attempt: message.attempt };
      const rendered = renderRequest({
        kind: message.kind,
        meldingRef: message.meldingRef,
        dueBy: message.dueBy,
        actionUrl: deps.links.actionUrl({ ...ref, expiresAt }),
        recipientName: recipient.contact.name,
        tier: recipient.tier,
        attempt: message.attempt,
        language: recipient.language,
      });
      const { plans: channelPlans, missing } = plans(
        recipient,
        ref,
        rendered,
        deps.links.smsStatusCallbackUrl(ref),
      );
      const note = recipient.fellBackFrom
        ? `no ${recipient.fellBackFrom} configured for ${message.role}: primary notified`
        : undefined;
      if (note) log.warn({ ...ref, role: message.role }, note);
      let reachedProvider = false;
      const report = await deliverAll(
        channelPlans,
        missing,
        {
          requestId: message.requestId,
          attempt: message.attempt,
          recipientTier: recipient.tier,
          ...(note ? { note } : {}),
        },
        () => (reachedProvider = true),
      );
      // Counted by the try that first reached a provider for this step: a retry finds the step
      // in the delivery log and does not count it again.
      if (message.attempt > 1 && reachedProvider) {
        deps.metrics?.escalations.inc({ role: message.role, tier: message.tier });
      }
      return report;
    },

    async sendPartnerNotice(notice: PartnerNotice): Promise<DeliveryReport> {
      const found = deps.directory.lookup(notice.regionId, notice.role, notice.tier);
      // A notice carries no ask; the report's attempt is 0 (notices are not ladder steps).
      if (!found.found) {
        if (found.problem === 'unknown_region') throw notConfiguredFailure(found.reason);
        return notFoundReport(notice.requestId, 0, found.reason);
      }
      const recipient = found.recipient;
      const rendered = renderNotice({
        kind: notice.kind,
        notice: notice.notice,
        meldingRef: notice.meldingRef,
        recipientName: recipient.contact.name,
        language: recipient.language,
      });
      const keyBase = {
        meldingRef: notice.meldingRef,
        requestId: notice.requestId,
        attempt: `notice-${notice.notice}-${recipient.tier}`,
      };
      // No StatusCallback for notices: nothing in the workflow waits on them.
      const { plans: channelPlans, missing } = plans(recipient, keyBase, rendered, undefined);
      return deliverAll(channelPlans, missing, {
        requestId: notice.requestId,
        attempt: 0,
        recipientTier: recipient.tier,
      });
    },
  };
}
