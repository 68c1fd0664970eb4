/**
 * The development stack's SMS inbox, as `npm start` runs it: the real twilio SDK (the worker's own
 * client and SMS channel) talks to the inbox, which forwards to a real Prism on Twilio's OpenAPI
 * spec started by the project's own script. A developer reads each SMS decoded on the inbox page,
 * and the Basic auth credentials appear in no log, page or file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../../config/logger';
import { createSmsChannel } from '../../activities/sms';
import { createTwilioClient } from '../../activities/transports';
import { buildSmsInbox } from '../../scripts/sms-inbox/server';
import { createSentSmsStore } from '../../scripts/sms-inbox/sentSms';
import { freePort, startScript, waitForPort } from '../../testkit/processes';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'inbox-test-twilio-auth-token';
const BASIC = Buffer.from(`${SID}:${TOKEN}`).toString('base64');
const FROM = '+3197010000000';
const TO = '+31612345678';
const BODY =
  'CSG Limburg: nieuw verzoek (FMO) voor melding CSG-LIM-2026-123456.\nBevestig: http://localhost:3000/p/abc?x=1&y=2 — dank u wel';
const SENT_AT = new Date('2026-03-03T21:30:00Z'); // 22:30 in Dutch winter time

let prism: ReturnType<typeof startScript>;
let inbox: FastifyInstance;
let inboxUrl: string;
let dir: string;
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sms-inbox-'));
  const prismPort = await freePort();
  // Prism at the script's own log level (empty is unset), as the development stack runs it.
  prism = startScript('scripts/twilio-mock.sh', [String(prismPort)], { TWILIO_MOCK_LOG_LEVEL: '' });
  await waitForPort(prismPort, 90_000);
  const logger = createLogger(
    { level: 'debug', name: 'sms-inbox' },
    new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  );
  inbox = await buildSmsInbox({
    prismUrl: `http://127.0.0.1:${prismPort}`,
    store: createSentSmsStore(join(dir, 'sms.jsonl')),
    logger,
    clock: () => SENT_AT,
  });
  const port = await freePort();
  await inbox.listen({ host: '127.0.0.1', port });
  inboxUrl = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  await inbox?.close();
  await prism?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const channel = () =>
  createSmsChannel({
    client: createTwilioClient({
      TWILIO_ACCOUNT_SID: SID,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_API_BASE_URL: inboxUrl,
    }),
    from: FROM,
  });

test('an SMS sent through the twilio SDK reaches Prism and is listed decoded on the inbox page', async () => {
  const sms = channel();
  const { providerId } = await sms.send({ to: TO, body: BODY });
  // Prism's answer came back: the request satisfied Twilio's contract.
  expect(providerId).toMatch(/^SM/);

  // A request Twilio would refuse is still refused, and listed as refused.
  const refused = await fetch(`${inboxUrl}/2010-04-01/Accounts/${SID}/Messages.json`, {
    method: 'POST',
    headers: { authorization: `Basic ${BASIC}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ From: FROM, Body: 'zonder nummer' }).toString(),
  });
  expect(refused.status).toBe(422);

  // After a crash the worker asks Twilio's message list whether the SMS left: the inbox answers it.
  await expect(sms.findSent({ to: TO, body: BODY, since: SENT_AT })).resolves.toBe(providerId);
  await expect(sms.findSent({ to: '+31687654321', body: BODY, since: SENT_AT })).resolves.toBeUndefined();

  const page = await fetch(`${inboxUrl}/`, { headers: { 'accept-language': 'nl' } });
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  const text = await page.text();
  expect(text).toContain('<html lang="nl">');
  expect(text).toContain('<h1 class="utrecht-heading-1">Verstuurde sms (ontwikkeling)</h1>');
  const rows = [...text.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).slice(1);
  expect(rows).toHaveLength(2);
  // Newest first: the refusal, then the SMS, each with its number, Dutch time, text and status.
  expect(rows[0]).toContain('Geweigerd (HTTP 422)');
  expect(rows[0]).toContain('zonder nummer');
  expect(rows[1]).toContain(`<th scope="row">${TO}</th>`);
  expect(rows[1]).toContain('03-03-2026, 22:30');
  expect(rows[1]).toContain(
    'CSG Limburg: nieuw verzoek (FMO) voor melding CSG-LIM-2026-123456.<br />Bevestig: ',
  );
  expect(rows[1]).toContain(
    '<a class="utrecht-link utrecht-link--html-a" href="http://localhost:3000/p/abc?x=1&amp;y=2">http://localhost:3000/p/abc?x=1&amp;y=2</a> — dank u wel',
  );
  expect(rows[1]).toContain('Aangenomen (queued)');

  const english = await (await fetch(`${inboxUrl}/`, { headers: { 'accept-language': 'en' } })).text();
  expect(english).toContain('<html lang="en">');
  expect(english).toContain('Accepted (queued)');

  // Kept in the file: a restarted inbox shows them again.
  expect(
    createSentSmsStore(join(dir, 'sms.jsonl'))
      .all()
      .map((m) => [m.to, m.body, m.httpStatus]),
  ).toEqual([
    [TO, BODY, 201],
    ['', 'zonder nummer', 422],
  ]);

  // The credentials are in no output: Prism's log, the inbox's log, the page, the file.
  const outputs: [string, string][] = [
    ['the Twilio contract mock log', prism.output.join('')],
    ['the inbox log', logLines.join('')],
    ['the inbox page', text + english],
    ['the inbox file', readFileSync(join(dir, 'sms.jsonl'), 'utf8')],
  ];
  for (const [name, output] of outputs) {
    // The account SID is no secret (it is in every API path); the token and the header are.
    for (const secret of [BASIC, TOKEN]) {
      expect({ name, leaks: output.includes(secret) }).toEqual({ name, leaks: false });
    }
  }
  // Prism's log is quiet: only the refused request, no start-up route list, no request headers.
  expect(prism.output.join('').split('\n').length).toBeLessThan(20);
  expect(prism.output.join('')).toMatch(/required property 'To'/);
});

test('a stopped contract mock gives the SDK a clear 502, not a hang', async () => {
  const deadPort = await freePort();
  const dead = await buildSmsInbox({
    prismUrl: `http://127.0.0.1:${deadPort}`,
    store: createSentSmsStore(),
    logger: createLogger({ level: 'silent' }),
  });
  const port = await freePort();
  await dead.listen({ host: '127.0.0.1', port });
  try {
    const sms = createSmsChannel({
      client: createTwilioClient({
        TWILIO_ACCOUNT_SID: SID,
        TWILIO_AUTH_TOKEN: TOKEN,
        TWILIO_API_BASE_URL: `http://127.0.0.1:${port}`,
      }),
      from: FROM,
    });
    await expect(sms.send({ to: TO, body: 'x' })).rejects.toThrow(/502/);
  } finally {
    await dead.close();
  }
});
