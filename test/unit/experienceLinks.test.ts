/**
 * The victim's experience link: signed, carrying region, semester and a nonce only; neither a
 * partner link nor a changed one passes for it, nor it for a partner link.
 */
import {
  createExperienceLinks,
  signExperienceToken,
  verifyExperienceToken,
} from '../../cases/experienceLinks';
import { signPartnerToken, verifyPartnerToken } from '../../cases/links';

const SECRET = 's'.repeat(32);
const NOW = new Date('2026-12-01T10:00:00Z');
const expiresAt = new Date('2026-12-31T10:00:00Z');
const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;
const links = createExperienceLinks({ baseUrl: 'https://csg.example/', secret: SECRET });
const url = (meldingRef: string) =>
  links.inviteUrl({ meldingRef, regionId: 'limburg', semester: '2026-H2', language: 'en', expiresAt });

test('the link carries region, semester and nonce, and nothing of the case', () => {
  const link = url('CSG-LIM-2026-000123');
  expect(link).toMatch(/^https:\/\/csg\.example\/ervaring\/[^/?]+\?taal=en$/);
  const token = tokenOf(link);
  const payload = Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8');
  expect(payload).not.toContain('CSG-LIM');
  const verified = verifyExperienceToken(token, SECRET, NOW);
  expect(verified).toEqual({
    ok: true,
    token: { regionId: 'limburg', semester: '2026-H2', nonce: expect.any(String), expiresAt },
  });
});

test('the same case gets the same link on every try; another case another nonce', () => {
  expect(url('CSG-LIM-2026-000123')).toBe(url('CSG-LIM-2026-000123'));
  expect(tokenOf(url('CSG-LIM-2026-000124'))).not.toBe(tokenOf(url('CSG-LIM-2026-000123')));
});

test('expired, tampered, another secret, or a partner link: refused', () => {
  const token = tokenOf(url('CSG-LIM-2026-000123'));
  expect(verifyExperienceToken(token, SECRET, new Date('2027-01-01T00:00:00Z'))).toEqual({
    ok: false,
    reason: 'expired',
  });
  expect(verifyExperienceToken(`${token}x`, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  expect(verifyExperienceToken(token, 't'.repeat(32), NOW)).toEqual({ ok: false, reason: 'invalid' });
  const partner = signPartnerToken(
    {
      meldingRef: 'CSG-LIM-2026-000123',
      requestId: 'fmo',
      attempt: 1,
      purpose: 'actie',
      tier: 'primary',
      expiresAt,
    },
    SECRET,
  );
  expect(verifyExperienceToken(partner, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
  expect(verifyPartnerToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'invalid' });
});

test('only ids go into a link: anything else is refused when signing', () => {
  expect(() =>
    signExperienceToken(
      { regionId: 'Limburg Zuid', semester: '2026-H2', nonce: 'n'.repeat(24), expiresAt },
      SECRET,
    ),
  ).toThrow();
});
