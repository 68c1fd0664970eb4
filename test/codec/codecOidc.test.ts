/**
 * The codec server's login through the organisation's identity provider (a real oidc-provider in
 * a child process): ops with a second factor get the session that opens the decoding, here with a
 * region that accepts an assurance level (acr) as the second factor too; an account of another
 * role is refused as on the password login, with no session.
 */
import { testAccounts } from '../../testkit/staffAccounts';
import { defaultPayloadConverter } from '@temporalio/common';
import type { FastifyInstance } from 'fastify';
import { buildCodecServer } from '../../codec/server';
import { toJson } from '../../codec/payloadJson';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import {
  CookieJar,
  signInAtProvider,
  startOidcProvider,
  TEST_OIDC_USERS,
  type TestOidcProvider,
} from '../../testkit/oidcProvider';
import { TEST_PAYLOAD_KEYS } from '../../testkit/temporal';

jest.setTimeout(60_000);

const UI = 'http://localhost:8233';
const OWN = 'http://localhost:8234';
const ACR = 'urn:csg:loa:substantieel';
const codec = new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS);
let provider: TestOidcProvider;
let app: FastifyInstance;

beforeAll(async () => {
  provider = await startOidcProvider([`${OWN}/inloggen/oidc/terug`]);
  app = await buildCodecServer({
    codec,
    config: {
      CODEC_PUBLIC_URL: OWN,
      CODEC_UI_ORIGINS: [UI],
    },
    accounts: await testAccounts({
      STAFF_ACCOUNTS: 'ops-nacht:ops-nacht-wachtwoord-1',
      OPS_STAFF_IDS: 'ops-nacht',
    }),
    logger: createLogger({ level: 'silent', name: 'codec' }),
    oidc: provider.settings(`${OWN}/inloggen/oidc/terug`, { acceptedAcr: [ACR] }),
  });
});
afterAll(async () => {
  await app?.close();
  await provider?.stop();
});

async function logIn(user: string) {
  const jar = new CookieJar();
  const start = await app.inject({ method: 'GET', url: '/inloggen/oidc?terug=/namespaces' });
  jar.take(([] as string[]).concat(start.headers['set-cookie'] ?? []));
  const url = new URL(String(start.headers.location));
  // The region accepts an assurance level: the provider is asked for it.
  expect(url.searchParams.get('acr_values')).toBe(ACR);
  const back = await signInAtProvider(url.href, user);
  const answer = await app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: jar.header() },
  });
  jar.take(([] as string[]).concat(answer.headers['set-cookie'] ?? []));
  return { jar, answer };
}

async function decodeWith(jar: CookieJar) {
  const sealed = await codec.encode([defaultPayloadConverter.toPayload({ naam: 'Codec Oidc Naam' })]);
  return app.inject({
    method: 'POST',
    url: '/decode',
    headers: { 'content-type': 'application/json', origin: UI, cookie: jar.header() },
    payload: JSON.stringify(toJson(sealed)),
  });
}

test('the codec login page offers the organisation', async () => {
  const page = await app.inject({ method: 'GET', url: '/inloggen?terug=/namespaces' });
  expect(page.body).toContain('Inloggen via Testorganisatie');
  expect(page.body).toContain('href="/inloggen/oidc?terug=%2Fnamespaces"');
});

test('ops with a second factor (amr, or the accepted acr): the session opens the decoding', async () => {
  for (const user of [TEST_OIDC_USERS.ops, TEST_OIDC_USERS.opsWithAcr]) {
    const { jar, answer } = await logIn(user);
    expect([user, answer.statusCode]).toEqual([user, 200]);
    expect(answer.body).toContain('href="/namespaces"');
    const decoded = await decodeWith(jar);
    expect(decoded.statusCode).toBe(200);
    expect(decoded.body).toContain(
      Buffer.from(JSON.stringify({ naam: 'Codec Oidc Naam' })).toString('base64'),
    );
  }
});

test('another role, second factor and all: refused as not ops, and no session', async () => {
  const { jar, answer } = await logIn(TEST_OIDC_USERS.withSecondFactor);
  expect(answer.statusCode).toBe(403);
  expect(answer.body).toContain('geen ops-rol');
  expect(jar.get('csg_sessie')).toBeUndefined();
  expect((await decodeWith(jar)).statusCode).toBe(401);
});
