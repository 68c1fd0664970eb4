/**
 * The victim's link to the questions about the help received (web/experiencePages.ts): signed
 * with LINK_SECRET like the partner links (cases/links.ts), under its own purpose `ervaring`, so
 * neither kind of link passes for the other.
 *
 * It carries the region, the semester of the melding and a nonce, and nothing else: no reference,
 * no request, no date but its expiry. Whoever answers through it is known to the store only as
 * "someone of this region and semester"; the nonce makes one answer per link possible.
 *
 * Format: base64url(JSON ["ervaring", regionId, semester, nonce, expiresAtSeconds]) "." base64url(hmac)
 *
 * The nonce is derived from the reference under a key drawn from LINK_SECRET: the same on every
 * try of the sending activity, so a retried SMS has the very same text and the provider can be
 * asked whether it went out already (exactly once, activities/experienceInvite.ts), and it never
 * appears in the case's history. Only the holder of LINK_SECRET who also knows a reference could
 * work it out; the store keeps a used nonce only until its link has expired (docs/privacy.md).
 */
import { createHmac } from 'node:crypto';
import { SEMESTER_PATTERN, type Semester } from '../domain/semesterReport';
import { REGION_ID_PATTERN } from '../domain/vocabulary';
import { sign, signatureMatches } from './links';

const PURPOSE = 'ervaring';
export const EXPERIENCE_PAGE_PATH = '/ervaring';
/** How long the victim may take to answer. */
export const EXPERIENCE_LINK_VALIDITY_MS = 30 * 24 * 3600_000;
const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export interface ExperienceToken {
  regionId: string;
  semester: Semester;
  nonce: string;
  expiresAt: Date;
}

export type ExperienceVerification =
  { ok: true; token: ExperienceToken } | { ok: false; reason: 'invalid' | 'expired' };

export function signExperienceToken(token: ExperienceToken, secret: string): string {
  if (
    !REGION_ID_PATTERN.test(token.regionId) ||
    !SEMESTER_PATTERN.test(token.semester) ||
    !NONCE_PATTERN.test(token.nonce)
  ) {
    throw new Error('an experience link carries a region id, a semester and a nonce only');
  }
  const payload = Buffer.from(
    JSON.stringify([
      PURPOSE,
      token.regionId,
      token.semester,
      token.nonce,
      Math.floor(token.expiresAt.getTime() / 1000),
    ]),
  ).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyExperienceToken(token: string, secret: string, now: Date): ExperienceVerification {
  if (typeof token !== 'string' || token.length > 500) return { ok: false, reason: 'invalid' };
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0 || !signatureMatches(payload, signature, secret)) {
    return { ok: false, reason: 'invalid' };
  }
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!Array.isArray(fields) || fields.length !== 5) return { ok: false, reason: 'invalid' };
  const [purpose, regionId, semester, nonce, exp] = fields as unknown[];
  if (
    purpose !== PURPOSE ||
    typeof regionId !== 'string' ||
    !REGION_ID_PATTERN.test(regionId) ||
    typeof semester !== 'string' ||
    !SEMESTER_PATTERN.test(semester) ||
    typeof nonce !== 'string' ||
    !NONCE_PATTERN.test(nonce) ||
    !Number.isInteger(exp)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  const expiresAt = new Date((exp as number) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, token: { regionId, semester: semester as Semester, nonce, expiresAt } };
}

export interface ExperienceLinks {
  /**
   * The victim's link, in their page language (nl, else en). `expiresAt` comes from the workflow
   * (its time of sending plus EXPERIENCE_LINK_VALIDITY_MS), so every try writes the same text.
   */
  inviteUrl(input: {
    meldingRef: string;
    regionId: string;
    semester: Semester;
    language: 'nl' | 'en';
    expiresAt: Date;
  }): string;
}

export function createExperienceLinks(options: { baseUrl: string; secret: string }): ExperienceLinks {
  const base = options.baseUrl.replace(/\/+$/, '');
  // A key of its own, drawn from the link secret: a nonce is no partner link's signature.
  const nonceKey = createHmac('sha256', options.secret).update('ervaring-nonce').digest();
  return {
    inviteUrl({ meldingRef, regionId, semester, language, expiresAt }) {
      const nonce = createHmac('sha256', nonceKey).update(meldingRef).digest('base64url').slice(0, 24);
      const token = signExperienceToken({ regionId, semester, nonce, expiresAt }, options.secret);
      return `${base}${EXPERIENCE_PAGE_PATH}/${token}?taal=${language}`;
    },
  };
}
