/**
 * Classifies delivery failures as transient (retry with backoff) or permanent (switch channel,
 * escalate). Reasons are short and never carry an address, a number or provider text: provider
 * messages echo the recipient ("The 'To' number +31... is not a valid phone number").
 */
import { ApplicationFailure } from '@temporalio/common';

export type FailureKind = 'transient' | 'permanent';

export interface ClassifiedFailure {
  kind: FailureKind;
  /** Non-personal, e.g. "SMTP 550 recipient rejected" or "Twilio 21211: invalid 'To' number". */
  reason: string;
}

/** Temporal failure types, so retry policies and the workflow can tell them apart. */
export const TRANSIENT_DELIVERY_FAILURE = 'PartnerDeliveryTransient';
export const PARTNER_NOT_CONFIGURED = 'PartnerNotConfigured';

/** Network-level error codes (Node, nodemailer, axios) that mean "try again later". */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ERR_NETWORK',
  'ERR_BAD_RESPONSE',
]);

/**
 * SMTP: 4xx is a temporary refusal by definition (RFC 5321); 5xx on the recipient means the
 * address is unknown or refused. Authentication and TLS problems are configuration errors: they
 * hit every message alike, so escalating to another recipient would not help. They stay
 * retryable (and are logged loudly) so the queued requests go out once the configuration is fixed.
 */
export function classifySmtpError(err: unknown): ClassifiedFailure {
  const e = (err ?? {}) as { code?: string; responseCode?: number; command?: string };
  const rc = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (rc !== undefined && rc >= 400 && rc < 500)
    return { kind: 'transient', reason: `SMTP ${rc} temporary failure` };
  if (e.code === 'EAUTH') return { kind: 'transient', reason: 'SMTP authentication failed (configuration)' };
  if (e.code === 'ETLS') return { kind: 'transient', reason: 'SMTP TLS negotiation failed (configuration)' };
  if (rc !== undefined && rc >= 500) {
    const recipient = e.code === 'EENVELOPE' || /RCPT/i.test(e.command ?? '');
    return {
      kind: 'permanent',
      reason: recipient ? `SMTP ${rc} recipient rejected` : `SMTP ${rc} message rejected`,
    };
  }
  if (e.code === 'EENVELOPE') return { kind: 'permanent', reason: 'SMTP recipient rejected' };
  if (e.code && TRANSIENT_NETWORK_CODES.has(e.code))
    return { kind: 'transient', reason: `SMTP unreachable (${e.code})` };
  // Unknown shapes: retrying is the safe default, the retry policy bounds it and the workflow sees the final failure.
  return { kind: 'transient', reason: `SMTP error (${e.code ?? 'unknown'})` };
}

/** Twilio error codes that mean the number can never receive this SMS. */
const TWILIO_PERMANENT_RECIPIENT_CODES: Record<number, string> = {
  21211: "invalid 'To' number",
  21214: "'To' number cannot be reached",
  21217: 'phone number does not appear to be valid',
  21408: 'no permission to send to this region',
  21610: 'recipient unsubscribed (STOP)',
  21612: "'To' number cannot be routed",
  21614: "'To' number is not a mobile number",
  30003: 'unreachable destination handset',
  30004: 'message blocked',
  30005: 'unknown destination handset',
  30006: 'landline or unreachable carrier',
};

/**
 * Twilio: 429 and 5xx are transient (Twilio's own guidance), as are network errors. 401/403 are
 * configuration (credentials), retryable for the same reason as SMTP authentication. Other 4xx
 * are permanent: the request as made will never be accepted.
 */
export function classifyTwilioError(err: unknown): ClassifiedFailure {
  const e = (err ?? {}) as { status?: number; code?: number | string };
  const status = typeof e.status === 'number' ? e.status : undefined;
  const twilioCode = typeof e.code === 'number' ? e.code : undefined;
  if (status === undefined) {
    const code = typeof e.code === 'string' ? e.code : 'unknown';
    return { kind: 'transient', reason: `Twilio unreachable (${code})` };
  }
  if (status === 429) return { kind: 'transient', reason: 'Twilio 429 rate limited' };
  if (status >= 500) return { kind: 'transient', reason: `Twilio HTTP ${status}` };
  if (status === 401 || status === 403)
    return { kind: 'transient', reason: `Twilio HTTP ${status} (credentials)` };
  if (twilioCode !== undefined && TWILIO_PERMANENT_RECIPIENT_CODES[twilioCode]) {
    return {
      kind: 'permanent',
      reason: `Twilio ${twilioCode}: ${TWILIO_PERMANENT_RECIPIENT_CODES[twilioCode]}`,
    };
  }
  return {
    kind: 'permanent',
    reason: `Twilio HTTP ${status}${twilioCode !== undefined ? ` code ${twilioCode}` : ''}`,
  };
}

/** Thrown by a channel; carries the classification so the activity decides without re-parsing. */
export class DeliveryError extends Error {
  constructor(readonly failure: ClassifiedFailure) {
    super(failure.reason);
    this.name = 'DeliveryError';
  }
}

/** Retryable: Temporal retries the activity with the workflow's backoff. */
export function transientFailure(reasons: string[]): ApplicationFailure {
  return ApplicationFailure.create({
    type: TRANSIENT_DELIVERY_FAILURE,
    message: `partner message not delivered yet: ${reasons.join('; ')}`,
    nonRetryable: false,
  });
}

/** Non-retryable: the region or role is missing from the directory; a configuration bug, not a delivery problem. */
export function notConfiguredFailure(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: PARTNER_NOT_CONFIGURED, message, nonRetryable: true });
}
