/**
 * A check-in for a case's owner goes to the owner's own address from the region's staff
 * directory; an owner who is away, or not in the directory, is not written to at all (the
 * workflow asks the on-call casemanager at once). Against a real SMTP server and Twilio's contract.
 */
import { REGIONS } from '../../regions';
import { buildHarness, requestFor, type Harness } from '../../testkit/activityHarness';
import { plainText, startSmtpServer, type TestSmtpServer } from '../../testkit/smtpServer';
import { startTwilioMock, type TwilioMock } from '../../testkit/twilioMock';

let smtp: TestSmtpServer;
let twilio: TwilioMock;
let h: Harness;

beforeAll(async () => {
  [smtp, twilio] = await Promise.all([startSmtpServer(), startTwilioMock()]);
  const limburg = REGIONS.get('limburg')!;
  const regions = new Map(REGIONS);
  regions.set('limburg', {
    ...limburg,
    casemanagers: {
      ...limburg.casemanagers,
      'cm-lim': { ...limburg.casemanagers['cm-lim']!, absences: [{ from: '2026-03-16', to: '2026-03-20' }] },
    },
  });
  h = buildHarness({ smtpPort: smtp.port, twilioBaseUrl: twilio.baseUrl, regions });
});

afterAll(async () => {
  await Promise.all([smtp?.stop(), twilio?.stop()]);
});

const mailsFor = (ref: string) => smtp.messages.filter((m) => (m.subject ?? '').includes(ref));
const smsFor = (ref: string) => twilio.acceptedMessages().filter((r) => (r.form.Body ?? '').includes(ref));

const checkInFor = (addressee: string | undefined, askedAt: string, dueBy: string) =>
  requestFor({
    requestId: 'checkin-dag-7',
    kind: 'checkin',
    tier: 'owner',
    ...(addressee !== undefined ? { addressee } : {}),
    askedAt,
    dueBy,
  });

test("the owner's own email and phone, addressed by name, as the casemanager of the melding", async () => {
  const message = checkInFor('cm-lim', '2026-03-12T09:00:00.000Z', '2026-03-13T09:00:00.000Z');
  const report = await h.activities.sendPartnerRequest(message);
  expect(report).toMatchObject({ escalate: false, recipientTier: 'owner' });
  expect(report.ownerUnavailable).toBeUndefined();
  const [mail] = mailsFor(message.meldingRef);
  expect(mail!.to).toEqual(['cm-lim@csg-limburg.example']);
  const text = plainText(mail!.raw);
  expect(text).toContain('Beste Casemanager Limburg (voorbeeld)');
  expect(text).toContain('U ontvangt dit als casemanager van deze melding.');
  const [sms] = smsFor(message.meldingRef);
  expect(sms!.form.To).toBe('+31612340060');
});

test('the owner is away on a day between the ask and its deadline: nothing is sent, the report says so', async () => {
  // Asked on Sunday, due on Monday 16 March: the first day away.
  const message = checkInFor('cm-lim', '2026-03-15T09:00:00.000Z', '2026-03-16T09:00:00.000Z');
  const report = await h.activities.sendPartnerRequest(message);
  expect(report).toMatchObject({ escalate: false, ownerUnavailable: 'absent', deliveries: [] });
  expect(mailsFor(message.meldingRef)).toEqual([]);
  expect(smsFor(message.meldingRef)).toEqual([]);
});

test('an owner not in the staff directory, or none named: nothing sent, reported unknown', async () => {
  for (const addressee of ['cm-999', undefined]) {
    const message = checkInFor(addressee, '2026-03-12T09:00:00.000Z', '2026-03-13T09:00:00.000Z');
    const report = await h.activities.sendPartnerRequest(message);
    expect(report).toMatchObject({ escalate: false, ownerUnavailable: 'unknown', deliveries: [] });
    expect(mailsFor(message.meldingRef)).toEqual([]);
  }
});

test('a closing notice reaches the owner at their own address, also while away', async () => {
  const message = requestFor({ requestId: 'checkin-dag-7', kind: 'checkin' });
  const report = await h.activities.sendPartnerNotice({
    meldingRef: message.meldingRef,
    regionId: 'limburg',
    requestId: 'checkin-dag-7',
    kind: 'checkin',
    role: 'casemanager',
    tier: 'owner',
    addressee: 'cm-lim',
    notice: 'vervallen',
  });
  expect(report).toMatchObject({ escalate: false, recipientTier: 'owner' });
  expect(mailsFor(message.meldingRef).map((m) => m.to)).toEqual([['cm-lim@csg-limburg.example']]);
});
