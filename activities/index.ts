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
import { planChannels } from './channelPlans';
import { createDelivery } from './delivery';
import type { PartnerDirectory } from './directory';
import type { DeliveryLog } from './deliveryLog';
import { createEmailChannel } from './email';
import { notConfiguredFailure } from './errors';
import type { MailSearch } from './mailSearch';
import { createSmsChannel } from './sms';
import { renderNotice, renderRequest } from './templates';
import type {
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

export function createActivities(deps: ActivityDeps): MeldingActivities {
  const log = deps.logger.child({ component: 'partner-notifications' });
  const email = createEmailChannel({ transport: deps.mailTransport, mailFrom: deps.mailFrom });
  const sms = createSmsChannel({ client: deps.twilio, from: deps.smsFrom });
  const linkValidAfterDueMs = deps.linkValidAfterDueMs ?? DEFAULT_LINK_VALID_AFTER_DUE_MS;
  const channels = {
    email,
    sms,
    mailFrom: deps.mailFrom,
    ...(deps.mailSearch ? { mailSearch: deps.mailSearch } : {}),
  };
  const { deliverAll } = createDelivery({
    deliveryLog: deps.deliveryLog,
    log,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });

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
      const found = deps.directory.lookup(message.regionId, message.role, message.tier, {
        staffId: message.addressee,
        // Judged by the workflow's time of the step, not the worker's clock.
        during: { from: new Date(message.askedAt ?? Date.now()), until: new Date(message.dueBy) },
      });
      if (!found.found) {
        if (found.problem === 'unknown_region') throw notConfiguredFailure(found.reason);
        if (found.problem === 'absent' || found.problem === 'unknown_casemanager') {
          // Nothing sent: the workflow asks the on-call casemanager at once.
          log.warn({ meldingRef: message.meldingRef, requestId: message.requestId }, found.reason);
          return {
            requestId: message.requestId,
            attempt: message.attempt,
            deliveries: [],
            escalate: false,
            ownerUnavailable: found.problem === 'absent' ? 'absent' : 'unknown',
            note: found.problem === 'absent' ? 'owner absent: on-call casemanager asked' : found.reason,
          };
        }
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
        actionUrl: deps.links.actionUrl({
          ...ref,
          // The tier the workflow awaits, even when the directory fell back to the primary contact.
          tier: message.tier,
          expiresAt,
          ...(recipient.tier === 'owner' && message.addressee ? { addressee: message.addressee } : {}),
        }),
        recipientName: recipient.contact.name,
        tier: recipient.tier,
        attempt: message.attempt,
        language: recipient.language,
      });
      const { plans: channelPlans, missing } = planChannels(
        channels,
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
      // An owner hears the notice at their own address, also while away (it asks nothing of them).
      const found = deps.directory.lookup(notice.regionId, notice.role, notice.tier, {
        staffId: notice.addressee,
      });
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
      const { plans: channelPlans, missing } = planChannels(
        channels,
        recipient,
        keyBase,
        rendered,
        undefined,
      );
      return deliverAll(channelPlans, missing, {
        requestId: notice.requestId,
        attempt: 0,
        recipientTier: recipient.tier,
      });
    },
  };
}
