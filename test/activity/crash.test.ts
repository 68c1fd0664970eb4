/**
 * A worker killed during a partner request must not make the partner receive it twice. A child
 * process runs the real activity (real SMTP, real file delivery log) and is killed by SIGKILL;
 * then the retry runs here, as Temporal's retry would on another worker, against the same log.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHarness, requestFor } from '../../testkit/activityHarness';
import { startMaildev, type Maildev } from '../../testkit/maildev';
import { freePort } from '../../testkit/processes';
import { startSmtpServer, type TestSmtpServer } from '../../testkit/smtpServer';
import { projectRoot } from '../../testkit/tools';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.stop();
});

function runCrashingSender(env: Record<string, string>): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'testkit/crashingSender.ts')],
      {
        cwd: projectRoot,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`sender exited ${code}: ${stderr}`)),
    );
  });
}

const message = (meldingRef: string) =>
  requestFor({
    meldingRef,
    requestId: 'medische_zorg',
    kind: 'medische_zorg',
    role: 'medische_zorg_na_72_uur',
  });

test('killed after the send was recorded: the retry sends nothing, the partner has exactly one email', async () => {
  const logDir = mkdtempSync(join(tmpdir(), 'csg-crash-'));
  const meldingRef = 'CSG-LIM-2026-CRASH1';
  const signal = await runCrashingSender({
    SMTP_PORT: String(smtp.port),
    DELIVERY_LOG_DIR: logDir,
    MELDING_REF: meldingRef,
    CRASH_POINT: 'after-record',
  });
  expect(signal).toBe('SIGKILL');
  expect(smtp.messages.filter((m) => m.raw.includes(meldingRef))).toHaveLength(1);

  const retry = buildHarness({ smtpPort: smtp.port, twilioBaseUrl: 'http://127.0.0.1:9', logDir });
  const report = await retry.activities.sendPartnerRequest(message(meldingRef));
  expect(report.deliveries).toContainEqual({ channel: 'email', status: 'duplicate' });
  expect(report.escalate).toBe(false);
  expect(smtp.messages.filter((m) => m.raw.includes(meldingRef))).toHaveLength(1);
});

test('killed between SMTP acceptance and the record, no relay search: the retry waits out the lease, then resends with the same Message-ID', async () => {
  const logDir = mkdtempSync(join(tmpdir(), 'csg-crash-'));
  const meldingRef = 'CSG-LIM-2026-CRASH2';
  const signal = await runCrashingSender({
    SMTP_PORT: String(smtp.port),
    DELIVERY_LOG_DIR: logDir,
    MELDING_REF: meldingRef,
    CRASH_POINT: 'before-record',
  });
  expect(signal).toBe('SIGKILL');
  const first = smtp.messages.filter((m) => m.raw.includes(meldingRef));
  expect(first).toHaveLength(1);

  // Within the lease the earlier try might still be sending: the retry holds back (retryable).
  const early = buildHarness({ smtpPort: smtp.port, twilioBaseUrl: 'http://127.0.0.1:9', logDir });
  await expect(early.activities.sendPartnerRequest(message(meldingRef))).rejects.toMatchObject({
    type: 'PartnerDeliveryTransient',
  });
  expect(smtp.messages.filter((m) => m.raw.includes(meldingRef))).toHaveLength(1);

  // After the lease the outcome is unknown; without the relay's search SMTP cannot be asked, so it is sent again, same Message-ID:
  // a duplicate the mail client recognises beats a handover that never arrives.
  const late = buildHarness({ smtpPort: smtp.port, twilioBaseUrl: 'http://127.0.0.1:9', logDir, leaseMs: 0 });
  const report = await late.activities.sendPartnerRequest(message(meldingRef));
  expect(report.deliveries).toContainEqual({ channel: 'email', status: 'sent' });
  const all = smtp.messages.filter((m) => m.raw.includes(meldingRef));
  expect(all).toHaveLength(2);
  expect(all[1]!.messageId).toBe(all[0]!.messageId);
  expect(late.logLines.join('')).toContain('an earlier try stopped between sending and recording');
});

describe('with the relay message search (SMTP_SEARCH_URL), against maildev', () => {
  let relay: Maildev;
  beforeAll(async () => {
    relay = await startMaildev(mkdtempSync(join(tmpdir(), 'csg-crash-mail-')));
  });
  afterAll(async () => {
    await relay?.stop();
  });

  const arrived = async (meldingRef: string) =>
    (await relay.messages()).filter((m) => m.subject?.includes(meldingRef));
  /**
   * The messages once at least `count` are there (the relay stores a message shortly after it
   * accepted it; on a busy machine a look right away can come too early), or what is there after 10 s.
   */
  async function arrivedAtLeast(meldingRef: string, count: number) {
    for (let waited = 0; ; waited += 100) {
      const found = await arrived(meldingRef);
      if (found.length >= count || waited >= 10_000) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const emailKey = (meldingRef: string) =>
    ({ meldingRef, requestId: 'medische_zorg', attempt: 1, channel: 'email' }) as const;
  /** The retry after the lease, on a worker whose SMTP_SEARCH_URL is `searchUrl`. */
  const retry = (logDir: string, searchUrl = relay.webUrl) =>
    buildHarness({
      smtpPort: relay.smtpPort,
      twilioBaseUrl: 'http://127.0.0.1:9',
      logDir,
      leaseMs: 0,
      mailSearchUrl: searchUrl,
    });
  /** A claim left by a try that died before it reached the relay. */
  async function deadClaim(meldingRef: string): Promise<string> {
    const logDir = mkdtempSync(join(tmpdir(), 'csg-crash-'));
    const dead = buildHarness({ smtpPort: relay.smtpPort, twilioBaseUrl: 'http://127.0.0.1:9', logDir });
    expect(await dead.deliveryLog.claim(emailKey(meldingRef))).toEqual({ status: 'claimed' });
    return logDir;
  }

  test('killed between acceptance and the record: the retry finds the message, records it, sends nothing', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'csg-crash-'));
    const meldingRef = 'CSG-LIM-2026-CRASH3';
    const signal = await runCrashingSender({
      SMTP_PORT: String(relay.smtpPort),
      DELIVERY_LOG_DIR: logDir,
      MELDING_REF: meldingRef,
      CRASH_POINT: 'before-record',
    });
    expect(signal).toBe('SIGKILL');
    expect(await arrivedAtLeast(meldingRef, 1)).toHaveLength(1);

    const late = retry(logDir);
    const report = await late.activities.sendPartnerRequest(message(meldingRef));
    expect(report.deliveries).toContainEqual({ channel: 'email', status: 'duplicate' });
    expect(await arrivedAtLeast(meldingRef, 1)).toHaveLength(1);
    expect(late.logLines.join('')).toContain('the provider had accepted it already');
    // Recorded now: a further retry reads the log and does not even ask.
    expect(await late.deliveryLog.read(emailKey(meldingRef))).toMatchObject({ state: 'sent' });
  });

  test('killed before the message reached the relay: the search finds nothing and the retry sends it once', async () => {
    const meldingRef = 'CSG-LIM-2026-CRASH4';
    const late = retry(await deadClaim(meldingRef));
    const report = await late.activities.sendPartnerRequest(message(meldingRef));
    expect(report.deliveries).toContainEqual({ channel: 'email', status: 'sent' });
    expect(await arrivedAtLeast(meldingRef, 1)).toHaveLength(1);
    expect(late.logLines.join('')).toContain('the provider does not have it');
  });

  test('the search unreachable: nothing is sent, the try fails as retryable and the claim stays', async () => {
    const meldingRef = 'CSG-LIM-2026-CRASH5';
    const late = retry(await deadClaim(meldingRef), `http://127.0.0.1:${await freePort()}`);
    await expect(late.activities.sendPartnerRequest(message(meldingRef))).rejects.toMatchObject({
      type: 'PartnerDeliveryTransient',
    });
    expect(await arrived(meldingRef)).toHaveLength(0);
    expect(await late.deliveryLog.read(emailKey(meldingRef))).toMatchObject({ state: 'sending' });
  });
});
