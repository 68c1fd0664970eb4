/** The file-backed delivery log: claims, outcomes, leases, and survival across a new instance (restart). */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileDeliveryLog, deliveryKeyHash, type DeliveryKey } from '../../activities/deliveryLog';
import { classifySmtpError, classifyTwilioError } from '../../activities/errors';

const key: DeliveryKey = { meldingRef: 'CSG-LIM-2026-000001', requestId: 'fmo', attempt: 1, channel: 'sms' };

test('claim, then sent: a new instance on the same directory sees it (durable across restarts)', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'csg-log-'));
  const first = createFileDeliveryLog({ directory });
  expect(await first.claim(key)).toEqual({ status: 'claimed' });
  await first.markSent(key, 'SM123');
  const afterRestart = createFileDeliveryLog({ directory });
  expect(await afterRestart.claim(key)).toMatchObject({ status: 'sent', record: { providerId: 'SM123' } });
  expect(readdirSync(directory).filter((f) => f.startsWith('.tmp'))).toEqual([]);
});

test('keys differ by attempt and channel; file names reveal nothing', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'csg-log-'));
  const log = createFileDeliveryLog({ directory });
  expect(await log.claim(key)).toEqual({ status: 'claimed' });
  expect(await log.claim({ ...key, attempt: 2 })).toEqual({ status: 'claimed' });
  expect(await log.claim({ ...key, channel: 'email' })).toEqual({ status: 'claimed' });
  expect(readdirSync(directory).every((f) => /^[0-9a-f]{40}\.json$/.test(f))).toBe(true);
});

test('a fresh claim is in flight; a stale one is uncertain and taken over; a released one is free', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'csg-log-'));
  let now = 1_000_000;
  const log = createFileDeliveryLog({ directory, leaseMs: 60_000, now: () => now });
  await log.claim(key);
  expect(await log.claim(key)).toMatchObject({ status: 'in_flight' });
  now += 61_000;
  expect(await log.claim(key)).toMatchObject({ status: 'uncertain', record: { claimedAt: 1_000_000 } });
  expect(await log.claim(key)).toMatchObject({ status: 'in_flight' });
  await log.release(key);
  expect(await log.claim(key)).toEqual({ status: 'claimed' });
  await log.markFailed(key, "Twilio 21211: invalid 'To' number");
  expect(await log.claim(key)).toMatchObject({
    status: 'failed',
    record: { reason: "Twilio 21211: invalid 'To' number" },
  });
});

test('a damaged record counts as an unfinished claim, never as "not sent"', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'csg-log-'));
  const log = createFileDeliveryLog({ directory });
  await log.claim(key);
  writeFileSync(join(directory, `${deliveryKeyHash(key)}.json`), '{"trunc');
  expect(await log.claim(key)).toMatchObject({ status: 'uncertain' });
});

test('classification: transient vs permanent', () => {
  expect(classifySmtpError({ code: 'ESOCKET' }).kind).toBe('transient');
  expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 450 }).kind).toBe('transient');
  expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' })).toEqual({
    kind: 'permanent',
    reason: 'SMTP 550 recipient rejected',
  });
  expect(classifySmtpError({ code: 'EAUTH', responseCode: 535 }).kind).toBe('transient');
  expect(classifyTwilioError({ status: 503 }).kind).toBe('transient');
  expect(classifyTwilioError({ status: 429, code: 20429 }).kind).toBe('transient');
  expect(classifyTwilioError({ code: 'ECONNREFUSED' }).kind).toBe('transient');
  expect(classifyTwilioError({ status: 400, code: 21211 }).kind).toBe('permanent');
  expect(classifyTwilioError({ status: 400, code: 21614 }).kind).toBe('permanent');
});
