/**
 * A child process for the crash test: runs the real activity against the test's SMTP server and
 * delivery-log directory, then dies by SIGKILL, as a worker killed mid-activity would: no
 * completion ever reaches Temporal, which retries the activity elsewhere.
 *
 * CRASH_POINT=after-record: dies after the send is recorded (before the activity completes).
 * CRASH_POINT=before-record: dies the instant SMTP accepted the message, before it is recorded:
 *   the honest crash window the delivery log documents.
 */
import { buildHarness, requestFor } from './activityHarness';

const smtpPort = Number(process.env.SMTP_PORT);
const logDir = process.env.DELIVERY_LOG_DIR!;
const meldingRef = process.env.MELDING_REF!;
const crashPoint = process.env.CRASH_POINT;

const harness = buildHarness({ smtpPort, twilioBaseUrl: 'http://127.0.0.1:9', logDir });
const message = requestFor({
  meldingRef,
  requestId: 'medische_zorg',
  kind: 'medische_zorg',
  role: 'medische_zorg_na_72_uur',
});

if (crashPoint === 'before-record') {
  const original = harness.deliveryLog.markSent.bind(harness.deliveryLog);
  harness.deliveryLog.markSent = async () => {
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
    return original as never;
  };
}

void harness.activities.sendPartnerRequest(message).then(() => {
  process.kill(process.pid, 'SIGKILL');
});
