/**
 * The victim's invitation goes out exactly once: a retried activity finds it in the delivery log,
 * and after a crash between the send and the record, Twilio's message list is asked (the text is
 * the same on every try) instead of sending again. The text names neither the case nor what
 * happened; the number and the address are never logged.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createEmailChannel } from '../../activities/email';
import { createExperienceActivities, type ExperienceInvite } from '../../activities/experienceInvite';
import { createFileDeliveryLog, type DeliveryLog } from '../../activities/deliveryLog';
import { createSmsChannel } from '../../activities/sms';
import { createMailTransport, createTwilioClient } from '../../activities/transports';
import { createExperienceLinks } from '../../cases/experienceLinks';
import { createLogger } from '../../config/logger';
import { TEST_ACCOUNT_SID, TEST_FROM_NUMBER, TEST_MAIL_FROM } from '../../testkit/activityHarness';
import { plainText, startSmtpServer, type TestSmtpServer } from '../../testkit/smtpServer';
import { startTwilioMock, type TwilioMock } from '../../testkit/twilioMock';

let smtp: TestSmtpServer;
let twilio: TwilioMock;
beforeAll(async () => {
  [smtp, twilio] = await Promise.all([startSmtpServer(), startTwilioMock()]);
});
afterAll(async () => {
  await Promise.all([smtp?.stop(), twilio?.stop()]);
});

const logLines: string[] = [];
function activitiesWith(deliveryLog: DeliveryLog) {
  return createExperienceActivities({
    sms: createSmsChannel({
      client: createTwilioClient({
        TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: 'test-auth-token',
        TWILIO_API_BASE_URL: twilio.baseUrl,
      }),
      from: TEST_FROM_NUMBER,
    }),
    email: createEmailChannel({
      transport: createMailTransport({
        NODE_ENV: 'test',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: smtp.port,
        SMTP_SECURE: false,
        SMTP_USER: undefined,
        SMTP_PASSWORD: undefined,
      }),
      mailFrom: TEST_MAIL_FROM,
    }),
    mailFrom: TEST_MAIL_FROM,
    deliveryLog,
    links: createExperienceLinks({ baseUrl: 'https://csg.example', secret: 'x'.repeat(32) }),
    logger: createLogger(
      { level: 'info', name: 'test' },
      new Writable({
        write(chunk, _enc, cb) {
          logLines.push(String(chunk));
          cb();
        },
      }),
    ),
  });
}
const freshLog = (leaseMs?: number) =>
  createFileDeliveryLog({
    directory: mkdtempSync(join(tmpdir(), 'csg-ervaring-log-')),
    ...(leaseMs !== undefined ? { leaseMs } : {}),
  });

let n = 0;
function invite(overrides: Partial<ExperienceInvite> = {}): ExperienceInvite {
  n += 1;
  return {
    meldingRef: `CSG-LIM-2026-88${String(n).padStart(4, '0')}`,
    channel: 'sms',
    to: `+316123${String(n).padStart(5, '0')}`,
    language: 'nl',
    regionId: 'limburg',
    semester: '2026-H2',
    expiresAt: '2026-12-30T10:00:00.000Z',
    ...overrides,
  };
}
const smsTo = (to: string) => twilio.acceptedMessages().filter((r) => r.form.To === to);

test('SMS: a retry sends nothing more; the text is minimal, with the link and without the reference', async () => {
  const activities = activitiesWith(freshLog());
  const one = invite();
  expect(await activities.sendExperienceInvite(one)).toEqual({ channel: 'sms', status: 'sent' });
  expect(await activities.sendExperienceInvite(one)).toEqual({ channel: 'sms', status: 'duplicate' });
  const sent = smsTo(one.to);
  expect(sent).toHaveLength(1);
  const body = sent[0]!.form.Body!;
  expect(body).toMatch(
    /^Wilt u een paar vragen beantwoorden over de hulp die u kreeg\?.*https:\/\/csg\.example\/ervaring\/\S+\?taal=nl$/,
  );
  expect(body).not.toContain(one.meldingRef);
  expect(body).not.toMatch(/seksu|geweld|sexual|violence/i);
  expect(body.replace(/https:\S+/, '')).not.toMatch(/CSG|centrum/i);
  expect(logLines.join('')).not.toContain(one.to);
});

test('killed between the send and the record: the retry asks Twilio, finds the same text, and does not send again', async () => {
  const one = invite();
  // The crashed try: sent through one log, whose record is then lost (a fresh log directory)...
  await activitiesWith(freshLog()).sendExperienceInvite(one);
  // ...leaving only its stale claim behind in the log the retry reads.
  const log = freshLog(0);
  await log.claim({
    meldingRef: one.meldingRef,
    requestId: 'ervaringsvragen',
    attempt: 'uitnodiging',
    channel: 'sms',
  });
  expect(await activitiesWith(log).sendExperienceInvite(one)).toEqual({
    channel: 'sms',
    status: 'duplicate',
  });
  expect(smsTo(one.to)).toHaveLength(1);
});

test('a number typed as at the helpline ("06 ...") is sent to its international form', async () => {
  const one = invite({ to: '06 1234 9876' });
  expect(await activitiesWith(freshLog()).sendExperienceInvite(one)).toEqual({
    channel: 'sms',
    status: 'sent',
  });
  expect(smsTo('+31612349876')).toHaveLength(1);
});

test('email: one message in English, sent once; the address never logged', async () => {
  const activities = activitiesWith(freshLog());
  const one = invite({ channel: 'email', to: 'iemand@voorbeeld.example', language: 'en' });
  expect(await activities.sendExperienceInvite(one)).toEqual({ channel: 'email', status: 'sent' });
  expect(await activities.sendExperienceInvite(one)).toEqual({ channel: 'email', status: 'duplicate' });
  const mails = smtp.messages.filter((m) => m.raw.includes('iemand@voorbeeld.example'));
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toBe('A few questions about the help you received');
  const text = plainText(mails[0]!.raw);
  expect(text).toContain('/ervaring/');
  expect(text).toContain('?taal=en');
  expect(text).not.toContain(one.meldingRef);
  expect(logLines.join('')).not.toContain('iemand@voorbeeld.example');
});
