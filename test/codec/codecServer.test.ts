/**
 * The codec server: the one door through which a person reads case data in the Temporal UI.
 * Refused without an ops credential, with a wrong one, with the helpline's, and from a foreign
 * origin; the right ops credential from the UI's origin gets the payload decoded, and the log
 * says who decoded how much, never what.
 */
import { openStaffSessionStore, type StaffSessionStore } from '../../web/kit/sessionStore';
import { staffOfAccounts } from '../../config/accountFile';
import {
  acceptReplayedCodes,
  seedTestSessions,
  testAccounts,
  testBearer,
  testCode,
} from '../../testkit/staffAccounts';
import { Writable } from 'node:stream';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../config/logger';
import { AesGcmPayloadCodec } from '../../config/payloadCodec';
import { buildCodecServer } from '../../codec/server';
import { SESSION_COOKIE as CODEC_SESSION_COOKIE } from '../../web/kit/staffSessions';
import { toJson } from '../../codec/payloadJson';
import { TEST_PAYLOAD_KEYS } from '../../testkit/temporal';
import { injectLogin } from '../../testkit/staffLogin';

const UI = 'http://localhost:8233';
const OWN = 'http://localhost:8234';
const OPS = { id: 'ops-nacht', password: 'ops-nacht-wachtwoord-1' };
const SECRET_TEXT = 'Planted Codecserver Naam';

const codec = new AesGcmPayloadCodec(TEST_PAYLOAD_KEYS);
const logLines: string[] = [];
let app: FastifyInstance;
let sealed: Payload[];
let sessions: StaffSessionStore;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const accounts = await testAccounts({
    STAFF_ACCOUNTS: `${OPS.id}:${OPS.password},helpline-nacht:helpline-nacht-wachtwoord`,
    OPS_STAFF_IDS: OPS.id,
  });
  // The intake's store, with the sessions a login at POST /api/sessies would leave there.
  sessions = openStaffSessionStore({ STAFF_SESSION_DB: ':memory:' });
  await seedTestSessions(sessions, staffOfAccounts(accounts).values());
  app = await buildCodecServer({
    codec,
    sessions,
    config: {
      CODEC_PUBLIC_URL: OWN,
      CODEC_UI_ORIGINS: [UI],
    },
    accounts,
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'info', name: 'codec' }, sink),
  });
  sealed = await codec.encode([defaultPayloadConverter.toPayload({ naam: SECRET_TEXT })]);
});
afterAll(async () => {
  await app.close();
  await sessions.close();
});

const basic = (id: string, password: string) =>
  `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}`;
/** A session token from the intake's POST /api/sessies (the same store): the CLI's credential. */
const bearer = (id: string) => testBearer(id);

function decode(headers: Record<string, string>, body: unknown = toJson(sealed)) {
  return app.inject({
    method: 'POST',
    url: '/decode',
    headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
    payload: JSON.stringify(body),
  });
}

const decodedText = (body: string) =>
  Buffer.from((JSON.parse(body) as { payloads: { data: string }[] }).payloads[0]!.data, 'base64').toString();

test('no credential is refused, and nothing is decoded', async () => {
  const res = await decode({ origin: UI });
  expect(res.statusCode).toBe(401);
  expect(res.body).not.toContain(Buffer.from(SECRET_TEXT).toString('base64'));
});

test('Basic is refused even with the right password (no second factor), and so is a helpline session', async () => {
  expect((await decode({ authorization: basic(OPS.id, OPS.password) })).statusCode).toBe(401);
  expect((await decode({ authorization: bearer('helpline-nacht') })).statusCode).toBe(401);
  const forged = `${Buffer.from(JSON.stringify({ s: OPS.id, e: 9e9 })).toString('base64url')}.forged`;
  expect((await decode({ origin: UI, cookie: `${CODEC_SESSION_COOKIE}=${forged}` })).statusCode).toBe(401);
});

test('a foreign origin is refused, preflight and call, even with the right credential', async () => {
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/decode',
    headers: {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-namespace',
    },
  });
  expect(preflight.statusCode).toBe(403);
  expect(preflight.headers['access-control-allow-origin']).toBeUndefined();

  const call = await decode({ origin: 'https://evil.example', authorization: bearer(OPS.id) });
  expect(call.statusCode).toBe(403);
  expect(call.body).not.toContain(Buffer.from(SECRET_TEXT).toString('base64'));
});

test("the UI's origin passes the preflight with credentials allowed", async () => {
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/decode',
    headers: {
      origin: UI,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-namespace',
    },
  });
  expect(preflight.statusCode).toBe(204);
  expect(preflight.headers['access-control-allow-origin']).toBe(UI);
  expect(preflight.headers['access-control-allow-credentials']).toBe('true');
});

test('ops logs in on the login page; the cookie from the UI origin decodes; the log names who, not what', async () => {
  const login = await injectLogin(app, {
    method: 'POST',
    url: '/inloggen',
    headers: { origin: OWN, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `id=${OPS.id}&wachtwoord=${OPS.password}&code=${testCode(OPS.id)}`,
  });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.find((c) => c.name === CODEC_SESSION_COOKIE)!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  const res = await decode({ origin: UI, cookie: `${CODEC_SESSION_COOKIE}=${cookie.value}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['access-control-allow-origin']).toBe(UI);
  expect(decodedText(res.body)).toContain(SECRET_TEXT);

  const decodeLines = logLines.filter((l) => l.includes('"codec_decode"'));
  expect(decodeLines.length).toBeGreaterThan(0);
  expect(JSON.parse(decodeLines.at(-1)!)).toMatchObject({ ops: OPS.id, namespace: 'default', payloads: 1 });
  expect(logLines.join('')).not.toContain(SECRET_TEXT);
});

test('the Temporal CLI path: an ops session token without an Origin decodes; encode round-trips', async () => {
  const res = await decode({ authorization: bearer(OPS.id) });
  expect(res.statusCode).toBe(200);
  expect(decodedText(res.body)).toContain(SECRET_TEXT);

  const plain = toJson([defaultPayloadConverter.toPayload('signaal')]);
  const encoded = await app.inject({
    method: 'POST',
    url: '/encode',
    headers: { 'content-type': 'application/json', authorization: bearer(OPS.id) },
    payload: JSON.stringify(plain),
  });
  expect(encoded.statusCode).toBe(200);
  expect(encoded.body).not.toContain(plain.payloads[0]!.data);
  const back = await decode({ authorization: bearer(OPS.id) }, JSON.parse(encoded.body));
  expect(decodedText(back.body)).toBe('"signaal"');
});

test('a malformed body names the field; a payload under an unknown key is 422, not a crash', async () => {
  const bad = await decode({ authorization: bearer(OPS.id) }, { payloads: [{ data: '%%%' }] });
  expect(bad.statusCode).toBe(400);
  expect(JSON.parse(bad.body).message).toMatch(/payloads\.0\.data/);

  const other = new AesGcmPayloadCodec({
    currentKeyId: 'elders',
    keys: new Map([['elders', Buffer.alloc(32, 7)]]),
  });
  const foreign = await other.encode([defaultPayloadConverter.toPayload('x')]);
  const res = await decode({ authorization: bearer(OPS.id) }, toJson(foreign));
  expect(res.statusCode).toBe(422);
  expect(JSON.parse(res.body).message).toMatch(/elders/);
});

test('the namespace the Web UI names is the one the payload must be sealed for', async () => {
  const ops = { authorization: bearer(OPS.id) };
  const own = await decode({ ...ops, 'x-namespace': 'default' });
  expect(own.statusCode).toBe(200);
  expect(decodedText(own.body)).toContain(SECRET_TEXT);
  const other = await decode({ ...ops, 'x-namespace': 'csg-andere-omgeving' });
  expect(other.statusCode).toBe(422);
  expect(other.body).not.toContain(Buffer.from(SECRET_TEXT).toString('base64'));
});
