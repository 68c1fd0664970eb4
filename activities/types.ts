/**
 * The contract between the melding workflow and the partner-notification activities.
 *
 * The workflow imports only these types (never the implementations); the worker registers the
 * activities made by `createActivities` in `activities/index.ts` with their dependencies handed in.
 */
import type { NoticeKind, PartnerRole, RecipientTier, RequestKind } from '../domain/types';

/** Which partner request a message concerns, and whom it addresses. No personal data. */
export interface PartnerAddress {
  meldingRef: string;
  regionId: string;
  /** Unique within the melding, e.g. `casemanager_overdracht`, `checkin-dag-7`. */
  requestId: string;
  kind: RequestKind;
  role: PartnerRole;
  tier: RecipientTier;
  /**
   * For the `owner` tier only: the staff id of the casemanager who owns the case, whose own
   * address (region staff directory) is used. A pseudonymous id, never personal data.
   */
  addressee?: string;
}

/** One notification of one partner request: a step of its escalation ladder. */
export interface PartnerRequestMessage extends PartnerAddress {
  /** 1-based step of the ladder. With requestId and the channel it forms the idempotency key. */
  attempt: number;
  /** ISO time by which the partner should acknowledge (or record the outcome). */
  dueBy: string;
  /** For the `owner` tier: when the step was asked (workflow time), so absence is judged by its days. */
  askedAt?: string;
}

export type DeliveryChannel = 'email' | 'sms';

export interface ChannelDelivery {
  channel: DeliveryChannel;
  /** sent: handed to SMTP / accepted by Twilio; duplicate: already sent by an earlier try; failed: permanent error. */
  status: 'sent' | 'duplicate' | 'failed' | 'not_configured';
  /** Short, non-personal reason for a failure (e.g. "Twilio 21211: invalid 'To' number"). */
  reason?: string;
}

export interface DeliveryReport {
  requestId: string;
  attempt: number;
  deliveries: ChannelDelivery[];
  /** True when no channel reached the recipient, or one failed permanently: the workflow raises the escalation level. */
  escalate: boolean;
  /**
   * (Additive.) The tier actually addressed: `primary` when the backup was asked for but the
   * region has none configured for the role. Absent when nobody could be addressed.
   */
  recipientTier?: RecipientTier;
  /** (Additive.) A short, non-personal remark for the case history, e.g. "no backup configured: primary notified". */
  note?: string;
  /**
   * (Additive.) The `owner` tier could not be asked: the owner is absent during the step, or not
   * in the region's staff directory. Nothing was sent; the ladder goes on to the on-call casemanager.
   */
  ownerUnavailable?: 'absent' | 'unknown';
}

/** A notice that ends a request without asking anything (withdrawn, lapsed, transferred). */
export interface PartnerNotice extends PartnerAddress {
  notice: NoticeKind;
}

/** What the workflow may call. Implementations live in `activities/`, made by `createActivities`. */
export interface MeldingActivities {
  sendPartnerRequest(message: PartnerRequestMessage): Promise<DeliveryReport>;
  sendPartnerNotice(notice: PartnerNotice): Promise<DeliveryReport>;
}

/**
 * Builds the signed, expiring URLs that go into partner messages. Implemented by the link signer
 * in `cases/links.ts` (the web service verifies them) and handed to the activity factory.
 */
export interface PartnerLinks {
  /**
   * The page where the partner acknowledges the request (or, for a check-in, records the outcome).
   * `addressee`: the owner's staff id when the link went to their own address, so the page
   * records who acted.
   */
  actionUrl(input: {
    meldingRef: string;
    requestId: string;
    attempt: number;
    /** The ladder tier this attempt was sent to: the link acts only while that tier is awaited. */
    tier: RecipientTier;
    expiresAt: Date;
    addressee?: string;
  }): string;
  /** Where Twilio posts the SMS delivery status (StatusCallback) for this request step. */
  smsStatusCallbackUrl(input: { meldingRef: string; requestId: string; attempt: number }): string;
}
