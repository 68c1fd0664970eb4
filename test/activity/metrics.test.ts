/**
 * What the partner activities count for Prometheus, against the real SMTP server and Twilio
 * contract mock: an escalation step once per step (not again on a retry), a permanent failure
 * once (a retry reads it from the delivery log), a transient failure per try.
 */
import { Registry } from 'prom-client';
import { createWorkerMetrics, type WorkerMetrics } from '../../config/metrics';
import { buildHarness, requestFor, type Harness } from '../../testkit/activityHarness';
import { startSmtpServer, type TestSmtpServer } from '../../testkit/smtpServer';
import { startTwilioMock, type TwilioMock } from '../../testkit/twilioMock';

let smtp: TestSmtpServer;
let twilio: TwilioMock;
let h: Harness;
let metrics: WorkerMetrics;
let registry: Registry;

beforeAll(async () => {
  [smtp, twilio] = await Promise.all([startSmtpServer(), startTwilioMock()]);
  registry = new Registry();
  metrics = createWorkerMetrics(registry);
  h = buildHarness({ smtpPort: smtp.port, twilioBaseUrl: twilio.baseUrl, metrics });
});

afterAll(async () => {
  await Promise.all([smtp?.stop(), twilio?.stop()]);
});

const value = async (name: string, labels: Record<string, string>) => {
  const metric = (await registry.getSingleMetric(name)!.get()).values;
  const match = metric.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return match?.value ?? 0;
};

test('a step up the ladder counts as one escalation by role and tier; a first notification does not', async () => {
  await h.activities.sendPartnerRequest(requestFor({ attempt: 1, tier: 'primary' }));
  expect(await value('csg_escalations_total', { role: 'casemanager' })).toBe(0);
  const step = requestFor({ attempt: 3, tier: 'coordinator' });
  await h.activities.sendPartnerRequest(step);
  await h.activities.sendPartnerRequest(step); // Temporal retrying a step whose completion was lost
  expect(await value('csg_escalations_total', { role: 'casemanager', tier: 'coordinator' })).toBe(1);
});

test('a permanent SMS failure counts once by channel, also when the step is retried', async () => {
  const before = await value('csg_deliveries_failed_total', { channel: 'sms', kind: 'permanent' });
  const message = requestFor();
  twilio.failNextMessageCreates({ status: 400, code: 21211, message: 'not a valid phone number' });
  await h.activities.sendPartnerRequest(message);
  await h.activities.sendPartnerRequest(message);
  expect(await value('csg_deliveries_failed_total', { channel: 'sms', kind: 'permanent' })).toBe(before + 1);
  expect(await value('csg_deliveries_failed_total', { channel: 'email', kind: 'permanent' })).toBe(0);
});
