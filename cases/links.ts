/**
 * Signed, expiring links for partners: the action page behind a handover message and Twilio's
 * SMS status callback. The token is the partner's only credential, so it is HMAC-SHA256 signed
 * with LINK_SECRET; it carries only ids (reference, request id, attempt), never personal data,
 * because links end up in mail logs, SMS gateways and browser histories.
 *
 * Format: base64url(JSON [2, purpose, ref, requestId, attempt, expiresAtSeconds, tier, addressee?]) "." base64url(hmac)
 * where tier is the ladder tier the link was sent to (null on an SMS callback) and the optional
 * addressee is the staff id of a case's owner, on a link sent to their own address. The page and
 * the workflow refuse a link whose tier and attempt are no longer the ones awaited
 * (domain/linkBinding.ts).
 *
 * Links signed before the tier was (version 1, no tier) still verify: they carry their attempt,
 * and an attempt tells which tier it went to, so they act only while that attempt's tier is still
 * the awaited one, like any link; when the case cannot say, they are refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PartnerLinks } from '../activities/types';
import { isOneOf, RECIPIENT_TIERS, type RecipientTier } from '../domain/vocabulary';

const VERSION = 2;
/** Without a tier: links already in partners' mailboxes. */
const VERSION_WITHOUT_TIER = 1;

/**
 * actie: the partner page (acknowledge or record a check-in); sms: Twilio's status callback.
 * (The victim's experience links, purpose `ervaring`, have their own format: cases/experienceLinks.ts.)
 */
export type LinkPurpose = 'actie' | 'sms';

export interface PartnerToken {
  meldingRef: string;
  requestId: string;
  attempt: number;
  purpose: LinkPurpose;
  expiresAt: Date;
  /** The ladder tier the link was sent to; absent on SMS callbacks and on version-1 links. */
  tier?: RecipientTier;
  /** The owner's staff id, when the link went to the owner's own address. */
  addressee?: string;
}

export type TokenVerification =
  | { ok: true; token: PartnerToken }
  | { ok: false; reason: 'invalid' }
  /** Signature valid but past its time: the page says so and names the reference, nothing else. */
  | { ok: false; reason: 'expired'; token: PartnerToken };

/**
 * Twilio may report a final status hours after sending (a phone that is off); a week covers the
 * carriers' own retry windows without keeping callbacks valid forever.
 */
export const SMS_CALLBACK_VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

const ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

/** The HMAC of a link's payload; also signs the victim's experience links (cases/experienceLinks.ts). */
export function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** Whether `signature` is the HMAC of `payload`, in constant time. */
export function signatureMatches(payload: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function signPartnerToken(token: PartnerToken, secret: string): string {
  if (
    !ID_PATTERN.test(token.meldingRef) ||
    !ID_PATTERN.test(token.requestId) ||
    (token.addressee !== undefined && !ID_PATTERN.test(token.addressee))
  ) {
    // Ids only: anything else could be personal data leaking into a URL.
    throw new Error('meldingRef and requestId must be plain ids');
  }
  const payload = Buffer.from(
    JSON.stringify([
      VERSION,
      token.purpose,
      token.meldingRef,
      token.requestId,
      token.attempt,
      Math.floor(token.expiresAt.getTime() / 1000),
      token.tier ?? null,
      ...(token.addressee !== undefined ? [token.addressee] : []),
    ]),
  ).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyPartnerToken(token: string, secret: string, now: Date): TokenVerification {
  if (typeof token !== 'string' || token.length > 1000) return { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'invalid' };
  const [payload, signature] = parts as [string, string];
  if (!signatureMatches(payload, signature, secret)) return { ok: false, reason: 'invalid' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!Array.isArray(decoded)) return { ok: false, reason: 'invalid' };
  const fields = decoded as unknown[];
  let tier: unknown = null;
  if (fields[0] === VERSION && (fields.length === 7 || fields.length === 8)) {
    tier = fields.splice(6, 1)[0];
  } else if (fields[0] !== VERSION_WITHOUT_TIER || (fields.length !== 6 && fields.length !== 7)) {
    return { ok: false, reason: 'invalid' };
  }
  const [, purpose, meldingRef, requestId, attempt, exp, addressee] = fields;
  if (
    (purpose !== 'actie' && purpose !== 'sms') ||
    (tier !== null && !isOneOf(RECIPIENT_TIERS, tier)) ||
    (addressee !== undefined && (typeof addressee !== 'string' || !ID_PATTERN.test(addressee))) ||
    typeof meldingRef !== 'string' ||
    typeof requestId !== 'string' ||
    !Number.isInteger(attempt) ||
    !Number.isInteger(exp)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  const parsed: PartnerToken = {
    meldingRef,
    requestId,
    attempt: attempt as number,
    purpose,
    expiresAt: new Date((exp as number) * 1000),
    ...(isOneOf(RECIPIENT_TIERS, tier) ? { tier } : {}),
    ...(typeof addressee === 'string' ? { addressee } : {}),
  };
  if (now.getTime() >= parsed.expiresAt.getTime()) return { ok: false, reason: 'expired', token: parsed };
  return { ok: true, token: parsed };
}

export const PARTNER_PAGE_PATH = '/partner';
export const SMS_STATUS_PATH = '/twilio/sms-status';

/** The PartnerLinks the worker hands to the activities; verification lives in the intake service. */
export function createPartnerLinks(options: {
  baseUrl: string;
  secret: string;
  clock?: () => Date;
}): PartnerLinks {
  const base = options.baseUrl.replace(/\/+$/, '');
  const clock = options.clock ?? (() => new Date());
  return {
    actionUrl({ meldingRef, requestId, attempt, tier, expiresAt, addressee }) {
      const token = signPartnerToken(
        {
          meldingRef,
          requestId,
          attempt,
          tier,
          purpose: 'actie',
          expiresAt,
          ...(addressee ? { addressee } : {}),
        },
        options.secret,
      );
      return `${base}${PARTNER_PAGE_PATH}/${token}`;
    },
    smsStatusCallbackUrl({ meldingRef, requestId, attempt }) {
      const expiresAt = new Date(clock().getTime() + SMS_CALLBACK_VALIDITY_MS);
      const token = signPartnerToken(
        { meldingRef, requestId, attempt, purpose: 'sms', expiresAt },
        options.secret,
      );
      return `${base}${SMS_STATUS_PATH}/${token}`;
    },
  };
}
