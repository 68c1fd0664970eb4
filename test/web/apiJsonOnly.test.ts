/**
 * The JSON API takes JSON only, and records who is signed in. A form on another site can post
 * url-encoded, multipart or text/plain bodies without asking, with whatever credentials the
 * browser holds; such a post is refused (415) before anything is read or started. And the staff
 * member a melding is recorded by is the one signed in, never one the body names.
 */
import { acceptReplayedCodes, testAccounts, testCode, testSessionStore } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../config/logger';
import type { MeldingService } from '../../cases/meldingService';
import { buildServer } from '../../web/server';
import { AS_HELPLINE, TEST_CONFIG } from '../../testkit/intakeHarness';
import { buildIntake } from '../../testkit/meldingFixtures';
import { injectLogin } from '../../testkit/staffLogin';

let app: FastifyInstance;
const started: Record<string, unknown>[] = [];

/** Records what would be started; no case exists. */
const recording: MeldingService = {
  start: async (raw) => {
    started.push(raw as Record<string, unknown>);
    return { status: 'started', reference: String((raw as { reference: string }).reference) };
  },
  state: async () => undefined,
  handoverDetails: async () => null,
  decide: async () => ({ status: 'not_found' }) as never,
  deliveryStatus: async () => 'signalled',
};

beforeAll(async () => {
  const accounts = await testAccounts(TEST_CONFIG);
  app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts,
    sessions: await testSessionStore(accounts),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
    meldingen: recording,
  });
});
afterAll(() => app.close());
beforeEach(() => (started.length = 0));

describe('a body that is not JSON', () => {
  const nonJson: [string, string, string][] = [
    ['a form post', 'application/x-www-form-urlencoded', 'municipality=Maastricht&channel=telefoon'],
    ['a multipart form', 'multipart/form-data; boundary=x', '--x\r\n\r\nMaastricht\r\n--x--'],
    ['a text/plain form', 'text/plain', '{"municipality":"Maastricht"}'],
  ];

  test.each(nonJson)(
    '%s to start a melding is refused with 415, and nothing starts',
    async (_n, type, body) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/meldingen',
        headers: { authorization: AS_HELPLINE, 'content-type': type },
        payload: body,
      });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toEqual({ error: 'unsupported_media_type', message: 'expected application/json' });
      expect(started).toEqual([]);
    },
  );

  test('a form post to the API login is refused too, in the language asked for', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sessies',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl' },
      payload: 'id=helpline-017&password=helpline-wachtwoord-1',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ error: 'unsupported_media_type', message: 'verwacht application/json' });
  });

  test('JSON is accepted, with a charset too; the staff login page keeps its form post', async () => {
    const api = await app.inject({
      method: 'POST',
      url: '/api/sessies',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({
        id: 'helpline-017',
        password: 'helpline-wachtwoord-1',
        code: testCode('helpline-017'),
      }),
    });
    expect(api.statusCode).toBe(201);
    const page = await injectLogin(app, {
      method: 'POST',
      url: '/inloggen',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `id=helpline-017&wachtwoord=helpline-wachtwoord-1&code=${testCode('helpline-017')}`,
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers['set-cookie']).toBeDefined();
  });

  test('a refused login does not ask the browser for Basic credentials it would then keep', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/meldingen/CSG-LIM-2026-000001' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).not.toMatch(/basic/i);
  });
});

test('a melding is recorded by the staff member signed in, whatever recordedBy the body gives', async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/meldingen',
    headers: { authorization: AS_HELPLINE, 'content-type': 'application/json' },
    payload: buildIntake({ recordedBy: 'cm-017' }),
  });
  expect(res.statusCode).toBe(201);
  expect(started).toEqual([expect.objectContaining({ recordedBy: 'helpline-017' })]);
});
