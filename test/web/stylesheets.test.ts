/**
 * The pages' style comes from the NL Design System, served by the intake service and the codec
 * server themselves: every page links the same stylesheets under /stijl/, carries the theme's
 * class, and has no inline style, so the CSP can allow styles from 'self' only.
 */
import { testAccounts, acceptReplayedCodes } from '../../testkit/staffAccounts';
import { gunzipSync } from 'node:zlib';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { buildCodecServer } from '../../codec/server';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { buildServer } from '../../web/server';
import { STYLESHEETS } from '../../web/kit/style';
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
      CODEC_PUBLIC_URL: 'http://codec.test',
      CODEC_UI_ORIGINS: ['http://localhost:8233'],
    },
    accounts: await testAccounts({
      STAFF_ACCOUNTS: 'ops:ops-wachtwoord-123',
      OPS_STAFF_IDS: 'ops',
    }),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
  });
});
afterAll(async () => {
  await intake?.close();
  await codec?.close();
});

const services = () => [
  { name: 'intake', app: intake, page: '/inloggen' },
  { name: 'codec', app: codec, page: '/inloggen' },
];

test.each(['intake', 'codec'])(
  '%s: the login page links the NL Design System and its theme, and styles nothing inline',
  async (name) => {
    const { app, page } = services().find((s) => s.name === name)!;
    const res = await app.inject({ method: 'GET', url: page });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/style-src 'self';/);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    const linked = [...res.body.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(linked).toEqual(STYLESHEETS);
    expect(res.body).toMatch(/<body class="voorbeeld-theme /);
    expect(res.body).not.toMatch(/<style|style="/);
  },
);

test.each(['intake', 'codec'])('%s: serves each stylesheet as CSS, compressed when asked', async (name) => {
  const { app } = services().find((s) => s.name === name)!;
  for (const href of STYLESHEETS) {
    const plain = await app.inject({ method: 'GET', url: href });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(plain.headers['cache-control']).toMatch(/^public/);
    const zipped = await app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
  }
  const components = await app.inject({ method: 'GET', url: '/stijl/nlds-componenten.css' });
  expect(components.body).toContain('.utrecht-button');
  const theme = await app.inject({ method: 'GET', url: '/stijl/nlds-thema.css' });
  expect(theme.body).toContain('.voorbeeld-theme');
  // The theme's fonts, from our origin: the @font-face rules point at files this service serves.
  const fonts = await app.inject({ method: 'GET', url: '/stijl/lettertypen.css' });
  expect(fonts.body).toContain("font-family: 'Noto Sans'");
  expect(fonts.body).toContain("font-family: 'Noto Serif'");
  const urls = [...fonts.body.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
  expect(urls).toHaveLength(6);
  for (const url of urls) {
    expect(url).toMatch(/^\/stijl\/noto-(sans|serif)-latin(-ext)?-(400|700)-normal\.woff2$/);
    const font = await app.inject({ method: 'GET', url });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
  }
  expect(fonts.body.match(/unicode-range: /g)).toHaveLength(6);
  // Only the named files: no path into node_modules or the project.
  const other = await app.inject({ method: 'GET', url: '/stijl/..%2Fpackage.json' });
  expect(other.statusCode).toBe(404);
  const cyrillic = await app.inject({ method: 'GET', url: '/stijl/noto-sans-cyrillic-400-normal.woff2' });
  expect(cyrillic.statusCode).toBe(404);
  // A page still may not be cached.
  const page = await app.inject({ method: 'GET', url: '/inloggen' });
  expect(page.headers['cache-control']).toBe('no-store');
});
