/**
 * The partner-notification activities against real protocol peers: an SMTP server and Twilio's
 * contract (Prism on Twilio's OpenAPI spec) behind a fault-injecting proxy. A "retry" here is what
 * Temporal does after a retryable failure: call the same activity again with the same input.
 */
import { ApplicationFailure } from '@temporalio/common';
import { REGIONS } from '../../regions';
import { buildHarness, requestFor, type Harness } from '../../testkit/activityHarness';
import { plainText, startSmtpServer, type TestSmtpServer } from '../../testkit/smtpServer';
import { startTwilioMock, type TwilioMock } from '../../testkit/twilioMock';

let smtp: TestSmtpServer;
let twilio: TwilioMock;
let h: Harness;

beforeAll(async () => {
  [smtp, twilio] = await Promise.all([startSmtpServer(), startTwilioMock()]);
  h = buildHarness({ smtpPort: smtp.port, twilioBaseUrl: twilio.baseUrl });
});

afterAll(async () => {
  await Promise.all([smtp?.stop(), twilio?.stop()]);
});

const mailsFor = (ref: string) =>
  smtp.messages.filter((m) => (m.subject ?? '').includes(ref) || m.raw.includes(ref));
const smsFor = (ref: string) => twilio.acceptedMessages().filter((r) => (r.form.Body ?? '').includes(ref));
const smsAttemptsFor = (ref: string) =>
  twilio.requests.filter((r) => r.method === 'POST' && (r.form.Body ?? '').includes(ref));

function expectTransient(err: unknown): void {
  expect(err).toBeInstanceOf(ApplicationFailure);
  expect(err).toMatchObject({ type: 'PartnerDeliveryTransient', nonRetryable: false });
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the activity to fail');
}

test('a partner whose region entry says English gets the email and SMS in English only', async () => {
  const limburg = REGIONS.get('limburg')!;
  const english = new Map(REGIONS);
  english.set('limburg', {
    ...limburg,
    partners: { ...limburg.partners, casemanager: { ...limburg.partners.casemanager!, language: 'en' } },
  });
  const local = buildHarness({ smtpPort: smtp.port, twilioBaseUrl: twilio.baseUrl, regions: english });
  const message = requestFor();
  await local.activities.sendPartnerRequest(message);
  const [sms] = smsFor(message.meldingRef);
  expect(sms!.form.Body).toContain('casemanager handover. Respond by Thu 12 Mar 14:30');
  const [mail] = mailsFor(message.meldingRef);
  expect(mail!.subject).toContain('Handover to the on-call casemanager');
  const text = plainText(mail!.raw);
  expect(text).toContain('Dear Piket casemanager');
  expect(text).toContain('Please take over this melding');
  expect(text).not.toContain('Beste');
});

test('the casemanager gets one SMS and one email, in Dutch, with reference, deadline and link only', async () => {
  const message = requestFor();
  const report = await h.activities.sendPartnerRequest(message);

  expect(report).toMatchObject({
    requestId: 'casemanager_overdracht',
    attempt: 1,
    escalate: false,
    recipientTier: 'primary',
  });
  expect(report.deliveries).toEqual([
    { channel: 'sms', status: 'sent' },
    { channel: 'email', status: 'sent' },
  ]);

  const [sms] = smsFor(message.meldingRef);
  expect(smsFor(message.meldingRef)).toHaveLength(1);
  // Prism accepted it (201): the request satisfies Twilio's contract.
  expect(sms!.form).toMatchObject({ To: '+31612340010', From: '+3197010000000' });
  expect(sms!.form.StatusCallback).toMatch(/^http:\/\/localhost:3000\/twilio\/status\//);
  expect(sms!.form.Body).toContain('overdracht casemanager');
  expect(sms!.form.Body).toContain('Reageer voor do 12 mrt 14:30');
  expect(sms!.form.Body).toContain('http://localhost:3000/partner/');
  for (const personal of ['Voorbeeld', '+31612300000', 'slachtoffer@', 'FMO gecombineerd']) {
    expect(sms!.form.Body).not.toContain(personal);
  }

  const mails = mailsFor(message.meldingRef);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.to).toEqual(['piket@csg-limburg.example']);
  expect(mails[0]!.messageId).toMatch(/^<[0-9a-f]{40}@example\.org>$/);
  const text = plainText(mails[0]!.raw);
  expect(text).toContain('Beste Piket casemanager');
  expect(text).toContain(`melding ${message.meldingRef}`);
  expect(text).toContain('vóór do 12 mrt 14:30');
  expect(text).not.toContain('Please take over this melding'); // Dutch only: the partner's language
  for (const personal of ['Voorbeeld', '+31612300000', 'slachtoffer@', 'FMO gecombineerd']) {
    expect(mails[0]!.raw).not.toContain(personal);
  }

  // Logs carry references and outcomes, never an address or a number.
  const logs = h.logLines.join('');
  expect(logs).toContain(message.meldingRef);
  for (const secret of ['piket@csg-limburg.example', '+31612340010', 'Beste'])
    expect(logs).not.toContain(secret);
});

test('a retry of the same step sends nothing again (duplicate on both channels)', async () => {
  const message = requestFor();
  await h.activities.sendPartnerRequest(message);
  const again = await h.activities.sendPartnerRequest(message);
  expect(again.deliveries).toEqual([
    { channel: 'sms', status: 'duplicate' },
    { channel: 'email', status: 'duplicate' },
  ]);
  expect(again.escalate).toBe(false);
  expect(smsAttemptsFor(message.meldingRef)).toHaveLength(1);
  expect(mailsFor(message.meldingRef)).toHaveLength(1);

  // The next ladder step is a new message (a reminder), not a duplicate.
  const reminder = await h.activities.sendPartnerRequest({ ...message, attempt: 2 });
  expect(reminder.deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
  expect(mailsFor(message.meldingRef)[1]!.subject).toMatch(/^Herinnering: /);
});

test('SMTP down for a while, then back: the SMS goes at once, the email exactly once when SMTP returns', async () => {
  const message = requestFor();
  await smtp.down();
  try {
    expectTransient(await rejection(h.activities.sendPartnerRequest(message)));
    expectTransient(await rejection(h.activities.sendPartnerRequest(message)));
  } finally {
    await smtp.up();
  }
  const report = await h.activities.sendPartnerRequest(message);
  expect(report.deliveries).toEqual([
    { channel: 'sms', status: 'duplicate' },
    { channel: 'email', status: 'sent' },
  ]);
  expect(report.escalate).toBe(false);
  expect(mailsFor(message.meldingRef)).toHaveLength(1);
  expect(smsAttemptsFor(message.meldingRef)).toHaveLength(1);
});

test('Twilio 500, then 201: one SMS sent, and the email is not repeated by the retry', async () => {
  const message = requestFor();
  twilio.failNextMessageCreates({ status: 500, code: 20500, message: 'Internal Server Error' });
  const err = await rejection(h.activities.sendPartnerRequest(message));
  expectTransient(err);
  expect((err as Error).message).toContain('Twilio HTTP 500');

  const report = await h.activities.sendPartnerRequest(message);
  expect(report.deliveries).toEqual([
    { channel: 'sms', status: 'sent' },
    { channel: 'email', status: 'duplicate' },
  ]);
  expect(smsFor(message.meldingRef)).toHaveLength(1);
  expect(smsAttemptsFor(message.meldingRef)).toHaveLength(2);
  expect(mailsFor(message.meldingRef)).toHaveLength(1);
});

test('Twilio 429 is retried, not escalated', async () => {
  const message = requestFor();
  twilio.failNextMessageCreates({ status: 429, code: 20429, message: 'Too Many Requests' });
  expectTransient(await rejection(h.activities.sendPartnerRequest(message)));
  const report = await h.activities.sendPartnerRequest(message);
  expect(report.escalate).toBe(false);
  expect(smsFor(message.meldingRef)).toHaveLength(1);
});

test('an invalid number (Twilio 21211) falls back to email and raises the escalation, without retrying the SMS', async () => {
  const message = requestFor();
  twilio.failNextMessageCreates({
    status: 400,
    code: 21211,
    message: "The 'To' number +31612340010 is not a valid phone number.",
  });
  const report = await h.activities.sendPartnerRequest(message);
  expect(report.escalate).toBe(true);
  expect(report.deliveries).toEqual([
    { channel: 'sms', status: 'failed', reason: "Twilio 21211: invalid 'To' number" },
    { channel: 'email', status: 'sent' },
  ]);
  expect(mailsFor(message.meldingRef)).toHaveLength(1);
  // The provider's text echoes the number; it must not reach the logs.
  expect(h.logLines.join('')).not.toContain('+31612340010');

  const again = await h.activities.sendPartnerRequest(message);
  expect(again.deliveries[0]).toMatchObject({ channel: 'sms', status: 'failed' });
  expect(smsAttemptsFor(message.meldingRef)).toHaveLength(1);
});

test('Twilio 21614 (not a mobile number) is permanent too', async () => {
  const message = requestFor();
  twilio.failNextMessageCreates({ status: 400, code: 21614, message: 'not a mobile number' });
  const report = await h.activities.sendPartnerRequest(message);
  expect(report.escalate).toBe(true);
  expect(report.deliveries[0]).toEqual({
    channel: 'sms',
    status: 'failed',
    reason: "Twilio 21614: 'To' number is not a mobile number",
  });
});

test('an email address the server rejects (550) is permanent: the SMS carries it and the workflow escalates', async () => {
  const message = requestFor();
  smtp.rejectRecipients.add('piket@csg-limburg.example');
  try {
    const report = await h.activities.sendPartnerRequest(message);
    expect(report.escalate).toBe(true);
    expect(report.deliveries).toEqual([
      { channel: 'sms', status: 'sent' },
      { channel: 'email', status: 'failed', reason: 'SMTP 550 recipient rejected' },
    ]);
  } finally {
    smtp.rejectRecipients.clear();
  }
  expect(mailsFor(message.meldingRef)).toHaveLength(0);
});

test('a tier without a backup falls back to the primary and says so', async () => {
  const message = requestFor({
    requestId: 'informatief_gesprek',
    kind: 'informatief_gesprek',
    role: 'zedenpolitie',
    tier: 'backup',
    attempt: 3,
  });
  const report = await h.activities.sendPartnerRequest(message);
  expect(report).toMatchObject({
    recipientTier: 'primary',
    escalate: false,
    note: 'no backup configured for zedenpolitie: primary notified',
  });
  expect(mailsFor(message.meldingRef)[0]!.to).toEqual(['zeden@politie-limburg.example']);
});

test('the coordinator tier reaches the region coordinator, told why', async () => {
  const message = requestFor({ tier: 'coordinator', attempt: 4 });
  const report = await h.activities.sendPartnerRequest(message);
  expect(report.recipientTier).toBe('coordinator');
  const mail = mailsFor(message.meldingRef)[0]!;
  expect(mail.to).toEqual(['coordinator@csg-limburg.example']);
  expect(plainText(mail.raw)).toContain('U ontvangt dit als coördinator');
});

test('an email-only partner gets the email; the missing SMS is reported, not an escalation', async () => {
  const message = requestFor({
    requestId: 'medische_zorg',
    kind: 'medische_zorg',
    role: 'medische_zorg_na_72_uur',
  });
  const report = await h.activities.sendPartnerRequest(message);
  expect(report.escalate).toBe(false);
  expect(report.deliveries).toEqual([
    { channel: 'sms', status: 'not_configured', reason: 'no SMS number in the directory' },
    { channel: 'email', status: 'sent' },
  ]);
});

test('a role missing from the region directory escalates instead of getting stuck', async () => {
  // Gelderland-Zuid en -Midden names no kinderarts.
  const message = requestFor({
    regionId: 'gelderland-zuid-midden',
    requestId: 'tweede_ring-kinderarts',
    kind: 'tweede_ring',
    role: 'kinderarts',
  });
  const report = await h.activities.sendPartnerRequest(message);
  expect(report.escalate).toBe(true);
  expect(report.deliveries.every((d) => d.status === 'not_configured')).toBe(true);
});

test('an unknown region is a non-retryable configuration failure', async () => {
  const err = await rejection(h.activities.sendPartnerRequest(requestFor({ regionId: 'atlantis' })));
  expect(err).toMatchObject({ type: 'PartnerNotConfigured', nonRetryable: true });
});

test('a notice (withdrawn) goes out once on both channels, with no ask and no link', async () => {
  const message = requestFor();
  const notice = {
    meldingRef: message.meldingRef,
    regionId: 'limburg',
    requestId: 'casemanager_overdracht',
    kind: 'casemanager_overdracht' as const,
    role: 'casemanager' as const,
    tier: 'primary' as const,
    notice: 'ingetrokken' as const,
  };
  const report = await h.activities.sendPartnerNotice(notice);
  expect(report.deliveries.map((d) => d.status)).toEqual(['sent', 'sent']);
  const again = await h.activities.sendPartnerNotice(notice);
  expect(again.deliveries.map((d) => d.status)).toEqual(['duplicate', 'duplicate']);
  const mail = mailsFor(message.meldingRef);
  expect(mail).toHaveLength(1);
  expect(plainText(mail[0]!.raw)).toContain('is ingetrokken. U hoeft niets meer te doen.');
  expect(mail[0]!.raw).not.toContain('http://localhost:3000/partner/');
  expect(smsFor(message.meldingRef)[0]!.form.StatusCallback).toBeUndefined();
});
