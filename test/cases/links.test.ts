/**
 * Partner link tokens: signed, expiring, URL-safe, and free of personal data.
 */
import { createHmac } from 'node:crypto';
import { createPartnerLinks, signPartnerToken, verifyPartnerToken } from '../../cases/links';

const SECRET = 'test-link-secret-0123456789abcdef-0123';
const NOW = new Date('2026-03-01T10:00:00Z');
const LATER = new Date('2026-03-01T10:15:00Z');

function tokenOf(url: string): string {
  return url.split('/').pop()!;
}

describe('partner links', () => {
  const links = createPartnerLinks({
    baseUrl: 'https://meldingen.example.org/',
    secret: SECRET,
    clock: () => NOW,
  });

  test("a link to the owner's own address carries their staff id, signed like the rest", () => {
    const url = links.actionUrl({
      meldingRef: 'CSG-LIM-2026-000001',
      requestId: 'checkin-dag-7',
      attempt: 1,
      tier: 'owner',
      expiresAt: LATER,
      addressee: 'cm-lim',
    });
    expect(verifyPartnerToken(tokenOf(url), SECRET, NOW)).toMatchObject({
      ok: true,
      token: { requestId: 'checkin-dag-7', addressee: 'cm-lim' },
    });
    // Another name cannot be put in: the signature covers it.
    const [payload, signature] = tokenOf(url).split('.') as [string, string];
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown[];
    decoded[6] = 'coord-lim';
    const forged = `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
    expect(verifyPartnerToken(forged, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  test('an action link verifies until it expires, then says expired', () => {
    const url = links.actionUrl({
      meldingRef: 'CSG-LIM-2026-000001',
      requestId: 'casemanager_overdracht',
      attempt: 2,
      tier: 'backup',
      expiresAt: LATER,
    });
    expect(url).toMatch(/^https:\/\/meldingen\.example\.org\/partner\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const ok = verifyPartnerToken(tokenOf(url), SECRET, NOW);
    expect(ok).toEqual({
      ok: true,
      token: {
        meldingRef: 'CSG-LIM-2026-000001',
        requestId: 'casemanager_overdracht',
        attempt: 2,
        tier: 'backup',
        purpose: 'actie',
        expiresAt: LATER,
      },
    });
    const expired = verifyPartnerToken(tokenOf(url), SECRET, LATER);
    expect(expired).toMatchObject({
      ok: false,
      reason: 'expired',
      token: { meldingRef: 'CSG-LIM-2026-000001' },
    });
  });

  test('the SMS callback link has the sms purpose and a week of validity', () => {
    const url = links.smsStatusCallbackUrl({
      meldingRef: 'CSG-LIM-2026-000001',
      requestId: 'fmo',
      attempt: 1,
    });
    expect(url).toContain('/twilio/sms-status/');
    const result = verifyPartnerToken(tokenOf(url), SECRET, NOW);
    expect(result.ok && result.token.purpose).toBe('sms');
    expect(verifyPartnerToken(tokenOf(url), SECRET, new Date(NOW.getTime() + 8 * 24 * 3600_000)).ok).toBe(
      false,
    );
  });

  test('a tampered, foreign or malformed token is invalid', () => {
    const token = signPartnerToken(
      { meldingRef: 'CSG-LIM-2026-000001', requestId: 'fmo', attempt: 1, purpose: 'actie', expiresAt: LATER },
      SECRET,
    );
    const [payload, sig] = token.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify([1, 'actie', 'CSG-LIM-2026-000002', 'fmo', 1, 9999999999]),
    ).toString('base64url');
    for (const bad of [
      `${forged}.${sig}`,
      `${payload}.${sig.slice(0, -2)}AA`,
      `${payload}`,
      '',
      'a.b.c',
      'x'.repeat(5000),
      `${payload}.${sig}`.toUpperCase(),
    ]) {
      expect(verifyPartnerToken(bad, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(verifyPartnerToken(token, 'another-secret-0123456789abcdef-xyz', NOW)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  test('tokens carry ids only: anything that is not a plain id is refused at signing', () => {
    expect(() =>
      signPartnerToken(
        { meldingRef: 'Jan Jansen', requestId: 'fmo', attempt: 1, purpose: 'actie', expiresAt: LATER },
        SECRET,
      ),
    ).toThrow();
    const token = signPartnerToken(
      { meldingRef: 'CSG-LIM-2026-000001', requestId: 'fmo', attempt: 1, purpose: 'actie', expiresAt: LATER },
      SECRET,
    );
    expect(token.length).toBeLessThan(200);
  });

  test('a link carries the tier it was sent to; a link from before tiers (version 1) still verifies, without one', () => {
    const sign = (fields: unknown[]) => {
      const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
      const sig = createHmac('sha256', SECRET).update(payload).digest('base64url');
      return `${payload}.${sig}`;
    };
    const exp = Math.floor(LATER.getTime() / 1000);
    const old = verifyPartnerToken(sign([1, 'actie', 'CSG-LIM-2026-000001', 'fmo', 2, exp]), SECRET, NOW);
    expect(old).toEqual({
      ok: true,
      token: {
        meldingRef: 'CSG-LIM-2026-000001',
        requestId: 'fmo',
        attempt: 2,
        purpose: 'actie',
        expiresAt: LATER,
      },
    });
    const withTier = verifyPartnerToken(
      sign([2, 'actie', 'CSG-LIM-2026-000001', 'fmo', 3, exp, 'coordinator', 'coord-017']),
      SECRET,
      NOW,
    );
    expect(withTier.ok && withTier.token).toMatchObject({
      tier: 'coordinator',
      attempt: 3,
      addressee: 'coord-017',
    });
    // A signed token with an unknown tier, or a version-2 token without the tier field, is refused.
    for (const fields of [
      [2, 'actie', 'CSG-LIM-2026-000001', 'fmo', 3, exp, 'burgemeester'],
      [2, 'actie', 'CSG-LIM-2026-000001', 'fmo', 3, exp],
      [3, 'actie', 'CSG-LIM-2026-000001', 'fmo', 3, exp, 'primary'],
    ]) {
      expect(verifyPartnerToken(sign(fields), SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});
