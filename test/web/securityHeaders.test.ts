/**
 * Both services answer with the security headers a browser enforces: no script runs (a strict
 * CSP), no other site may frame a page (clickjacking a decision or the codec login), a browser
 * that once reached the service over https never falls back to http (HSTS), and nothing is cached.
 */
import { testAccounts, acceptReplayedCodes } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { buildCodecServer } from '../../codec/server';
import { buildServer } from '../../web/server';
import { TEST_CONFIG } from '../../testkit/intakeHarness';
import { TEST_PAYLOAD_KEYS } from '../../testkit/temporal';

let intake: FastifyInstance;
let codec: FastifyInstance;

beforeAll(async () => {
  intake = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
  });
  codec = await buildCodecServer({
    codec: new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS),
    config: {
      CODEC_PUBLIC_URL: 'https://codec.example.org',
      CODEC_UI_ORIGINS: ['https://temporal.example.org'],
    },
    accounts: await testAccounts({
      STAFF_ACCOUNTS: 'ops-nacht:ops-nacht-wachtwoord-1',
      OPS_STAFF_IDS: 'ops-nacht',
    }),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
  });
});
afterAll(async () => {
  await intake.close();
  await codec.close();
});

/** The CSP as a map of directive → sources, whatever the spacing. */
function csp(header: unknown): Record<string, string> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );
}

const answers: [string, () => FastifyInstance, InjectOptions][] = [
  ['the intake login page', () => intake, { method: 'GET', url: '/inloggen' }],
  ['an intake API answer', () => intake, { method: 'GET', url: '/api/openapi.json' }],
  ['an intake page that does not exist', () => intake, { method: 'GET', url: '/bestaat-niet' }],
  ['an intake API refusal', () => intake, { method: 'GET', url: '/api/meldingen/X' }],
  ['the codec login page', () => codec, { method: 'GET', url: '/inloggen' }],
  ['a codec refusal', () => codec, { method: 'POST', url: '/decode', payload: { payloads: [] } }],
];

describe.each(answers)('%s', (_name, app, request) => {
  test('runs no script, cannot be framed, is https-only and never cached', async () => {
    const res = await app().inject(request);
    expect(csp(res.headers['content-security-policy'])).toEqual({
      'default-src': "'none'",
      'style-src': "'self'",
      'font-src': "'self'",
      'img-src': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
    });
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
