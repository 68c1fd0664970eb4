/**
 * The whole chain as it runs in production, each part real: the intake API starts a melding on
 * the Temporal dev server; the worker runs the real workflow and the real notification activities;
 * the casemanager's email reaches a real SMTP server and the SMS the Twilio contract mock; the
 * signed link in the email acknowledges the handover and the case moves on.
 */
import { testAccounts, testSessionStore, acceptReplayedCodes } from '../../testkit/staffAccounts';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities } from '../../activities';
import { createCaseFileActivities } from '../../activities/caseFileActivities';
import { openTestCaseFile } from '../../testkit/caseFile';
import { createFileDeliveryLog } from '../../activities/deliveryLog';
import { createDirectory } from '../../activities/directory';
import { createMailTransport, createTwilioClient } from '../../activities/transports';
import { createLogger } from '../../config/logger';
import { REGIONS } from '../../regions';
import { createPartnerLinks } from '../../cases/links';
import { buildServer } from '../../web/server';
import type { CaseState } from '../../workflows/messages';
import { AS_HELPLINE, TEST_CONFIG } from '../../testkit/intakeHarness';
import { buildIntake } from '../../testkit/meldingFixtures';
import { plainText, startSmtpServer, type TestSmtpServer } from '../../testkit/smtpServer';
import { createDevServerEnv, TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { startTwilioMock, type TwilioMock } from '../../testkit/twilioMock';

jest.setTimeout(180_000);

const CASEMANAGER_EMAIL = 'piket@csg-limburg.example';
const CASEMANAGER_SMS = '+31612340010';

async function eventually<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('intake → workflow → email and SMS → acknowledgement link → case moves on', () => {
  let env: TestWorkflowEnvironment;
  let smtp: TestSmtpServer;
  let twilio: TwilioMock;
  let worker: Worker;
  let running: Promise<void>;
  let app: FastifyInstance;
  const taskQueue = 'e2e-full-chain';

  beforeAll(async () => {
    [env, smtp, twilio] = await Promise.all([createDevServerEnv(), startSmtpServer(), startTwilioMock()]);
    const links = createPartnerLinks({
      baseUrl: TEST_CONFIG.PUBLIC_BASE_URL,
      secret: TEST_CONFIG.LINK_SECRET,
    });
    const logger = createLogger({ level: 'silent', name: 'e2e' });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      dataConverter: TEST_DATA_CONVERTER,
      activities: {
        ...createCaseFileActivities({ caseFile: openTestCaseFile(), logger }),
        ...createActivities({
          mailTransport: createMailTransport({
            NODE_ENV: 'test',
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: smtp.port,
            SMTP_SECURE: false,
            SMTP_USER: undefined,
            SMTP_PASSWORD: undefined,
          }),
          mailFrom: 'csg-meldingen@example.org',
          twilio: createTwilioClient({
            TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
            TWILIO_AUTH_TOKEN: TEST_CONFIG.TWILIO_AUTH_TOKEN,
            TWILIO_API_BASE_URL: twilio.baseUrl,
          }),
          smsFrom: '+3197010000000',
          directory: createDirectory(REGIONS),
          deliveryLog: createFileDeliveryLog({
            directory: mkdtempSync(join(tmpdir(), 'csg-e2e-deliveries-')),
          }),
          links,
          logger,
        }),
      },
    });
    running = worker.run();
    const accounts = await testAccounts(TEST_CONFIG);
    app = await buildServer({
      client: env.client as unknown as Client,
      taskQueue,
      config: TEST_CONFIG,
      accounts,
      // The store AS_HELPLINE's session is in, as a login at POST /api/sessies leaves it.
      sessions: await testSessionStore(accounts),
      totpReplays: acceptReplayedCodes,
      logger,
    });
  });

  afterAll(async () => {
    await app?.close();
    worker?.shutdown();
    await running;
    await Promise.all([env?.teardown(), smtp?.stop(), twilio?.stop()]);
  });

  test('a melding registered through the API reaches the casemanager, whose link moves the case on', async () => {
    const {
      reference: _generated,
      receivedAt: _r,
      recordedBy: _b,
      ...intake
    } = buildIntake({
      wishes: { police: 'nee', medicalCare: 'nee' },
      victimContact: { name: 'Voorbeeld Slachtoffer', phone: '06 11112222' },
    });
    const started = await app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { authorization: AS_HELPLINE, 'content-type': 'application/json' },
      payload: intake,
    });
    expect(started.statusCode).toBe(201);
    const { reference } = started.json() as { reference: string };

    // The casemanager's email, in Dutch, with the reference and a signed link; no victim data in it.
    const mail = await eventually('the casemanager email', () =>
      smtp.messages.find((m) => m.to.includes(CASEMANAGER_EMAIL) && m.subject?.includes(reference)),
    );
    const text = plainText(mail.raw);
    expect(text).toContain('overdracht aan de casemanager');
    expect(text).not.toContain('Voorbeeld Slachtoffer');
    expect(text).not.toContain('11112222');
    const link = /https?:\/\/\S+\/partner\/\S+/.exec(text)?.[0];
    expect(link).toBeDefined();

    // The SMS went through the Twilio contract (Prism accepted it): reference, no victim data.
    // Up to 90 s: a send the contract mock answers slowly on a busy machine is retried after 5,
    // then 10, then 20 s (the activity's backoff), past a 30 s wait.
    const sms = await eventually(
      'the casemanager SMS',
      () =>
        twilio
          .acceptedMessages()
          .find((r) => r.form.To === CASEMANAGER_SMS && r.form.Body?.includes(reference)),
      90_000,
    );
    expect(sms.form.Body).not.toContain('Voorbeeld');
    expect(sms.form.StatusCallback).toMatch(/^http:\/\/intake\.test\//);

    // The partner opens the link: the casemanager sees how to reach the victim, then confirms.
    const path = new URL(link!).pathname;
    const page = await app.inject({ method: 'GET', url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Voorbeeld Slachtoffer');
    const confirmed = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Bevestigd');

    const state = await eventually('the acknowledged handover', async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/meldingen/${reference}`,
        headers: { authorization: AS_HELPLINE },
      });
      const body = res.json() as CaseState;
      return body.phase === 'watchful_waiting' ? body : undefined;
    });
    const handover = state.requests.find((r) => r.requestId === 'casemanager_overdracht');
    expect(handover?.status).toBe('acknowledged');
    expect(JSON.stringify(state)).not.toContain('Voorbeeld');

    // The same link again says it was already used, and changes nothing.
    const again = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(again.body).toMatch(/al (bevestigd|aangenomen|afgehandeld)|already/i);
    // Exactly one email to the casemanager for this melding's handover.
    expect(
      smtp.messages.filter((m) => m.to.includes(CASEMANAGER_EMAIL) && m.subject?.includes(reference)),
    ).toHaveLength(1);
  });
});
