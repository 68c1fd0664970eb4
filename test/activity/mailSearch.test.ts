/**
 * The relay's message search, against a local HTTP server answering as a relay's search adapter
 * would: what it is asked (path, id without brackets, credentials as a Basic header) and how each
 * kind of answer is taken. The search against maildev itself is in crash.test.ts.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMailSearch } from '../../activities/mailSearch';
import { DeliveryError } from '../../activities/errors';

let server: Server;
let base: string;
let answer: { status: number; body: string } = { status: 200, body: '[]' };
const asked: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req);
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  asked.length = 0;
});

test('asks GET <base>/email with the Message-ID without brackets; a non-empty list means accepted', async () => {
  answer = { status: 200, body: JSON.stringify([{ id: 'x1' }]) };
  const search = createMailSearch({ baseUrl: `${base}/relay/` });
  await expect(search.accepted('<abc123@example.org>')).resolves.toBe(true);
  expect(asked[0]!.url).toBe('/relay/email?messageId=abc123%40example.org');
  expect(asked[0]!.headers.authorization).toBeUndefined();

  answer = { status: 200, body: '[]' };
  await expect(search.accepted('<other@example.org>')).resolves.toBe(false);
});

test('credentials in the URL go as a Basic header, not in the request line', async () => {
  answer = { status: 200, body: '[]' };
  const withUser = base.replace('http://', 'http://trace-user:p%40ss@');
  await createMailSearch({ baseUrl: withUser }).accepted('<a@example.org>');
  expect(asked[0]!.headers.authorization).toBe(`Basic ${Buffer.from('trace-user:p@ss').toString('base64')}`);
  expect(asked[0]!.url).toBe('/email?messageId=a%40example.org');
});

test('an error status or an answer that is not a list is no answer: a retryable failure, never "not sent"', async () => {
  const search = createMailSearch({ baseUrl: base });
  for (const bad of [
    { status: 503, body: '[]' },
    { status: 200, body: '{"messages":[]}' },
    { status: 200, body: 'not json' },
  ]) {
    answer = bad;
    const error = await search.accepted('<a@example.org>').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).failure.kind).toBe('transient');
  }
});
