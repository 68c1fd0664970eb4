/**
 * The language link returns the visitor to the page they were on, and only ever to a page of this
 * site: `terug` is a path here, never a way out (an open redirect would lend the service's name
 * to a phishing link).
 */
import { testAccounts, acceptReplayedCodes } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../config/logger';
import { buildServer } from '../../web/server';
import { TEST_CONFIG } from '../../testkit/intakeHarness';

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({
    client: {} as Client,
    taskQueue: 'unused',
    config: TEST_CONFIG,
    accounts: await testAccounts(TEST_CONFIG),
    totpReplays: acceptReplayedCodes,
    logger: createLogger({ level: 'silent' }),
  });
});
afterAll(() => app.close());

const switchTo = async (terug: string) => {
  const res = await app.inject({ method: 'GET', url: `/taal/en?terug=${terug}` });
  expect(res.statusCode).toBe(303);
  return res.headers.location;
};

test('returns to the page it came from, query included, with the language chosen', async () => {
  const res = await app.inject({ method: 'GET', url: `/taal/en?terug=${encodeURIComponent('/zoeken?q=1')}` });
  expect(res.headers.location).toBe('/zoeken?q=1');
  expect(res.headers['set-cookie']).toMatch(/^csg_taal=en;/);
});

test.each([
  // The review's proven payload: a browser reads "/\evil.example" as "//evil.example".
  ['/%5Cevil.example'],
  ['/%5C/evil.example'],
  ['%5C%5Cevil.example'],
  ['//evil.example'],
  ['%2F%2Fevil.example'],
  ['/%09/evil.example'],
  ['/%0A/evil.example'],
  ['https://evil.example/'],
  ['https:%2F%2Fevil.example'],
  ['javascript:alert(1)'],
  ['evil.example'],
])('terug=%s goes to the start page, never off the site', async (terug) => {
  expect(await switchTo(terug)).toBe('/');
});
