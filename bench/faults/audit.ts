/**
 * The proof of "nothing lost, nothing sent twice": the delivery log (one record per melding,
 * request, attempt and channel) held against what really arrived: the messages the SMTP server
 * accepted (matched by the stable Message-ID the activity derives from the log key) and the
 * message creations the Twilio mock accepted (matched by the melding reference in the SMS text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deliveryKeyHash, type DeliveryRecord } from '../../activities/deliveryLog';
import type { DeliveryChannel } from '../../activities/types';
import type { Stack } from './stack';

const MAIL_DOMAIN = 'example.org'; // of the default MAIL_FROM, which the stack does not override

export interface Expected {
  ref: string;
  requestId: string;
  attempt: number;
}

export interface AuditResult {
  lost: number;
  duplicates: number;
  /** Email and SMS deliveries seen for these meldingen. */
  emails: number;
  sms: number;
  lines: string[];
}

export function readDeliveryLog(dir: string): DeliveryRecord[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DeliveryRecord);
}

function messageIdOf(key: string): string {
  const [meldingRef = '', requestId = '', attempt = '', channel = 'email'] = key.split('/');
  const hash = deliveryKeyHash({ meldingRef, requestId, attempt, channel: channel as DeliveryChannel });
  return `<${hash}@${MAIL_DOMAIN}>`;
}

function flag(result: AuditResult, what: 'lost' | 'duplicates', n: number, line: string): void {
  result[what] += n;
  result.lines.push(`  ! ${line}`);
}

/** Audits the meldingen `refs`; every `expected` request step must have reached its partner. */
export async function audit(stack: Stack, refs: string[], expected: Expected[]): Promise<AuditResult> {
  const result: AuditResult = { lost: 0, duplicates: 0, emails: 0, sms: 0, lines: [] };
  const records = readDeliveryLog(stack.deliveryDir);
  const arrived = await stack.smtp.messages();
  const accepted = stack.twilio.acceptedMessages();
  for (const ref of refs) {
    const mine = records.filter((r) => r.key.startsWith(`${ref}/`));
    for (const r of mine.filter((x) => x.state === 'sending')) {
      result.lines.push(`  ! ${r.key}: claim never finished (outcome unknown)`);
    }
    // Email: each `sent` record must match exactly one accepted message; no message without a record.
    const mails = arrived.filter((m) => m.subject?.includes(ref));
    result.emails += mails.length;
    const sentMail = mine.filter((r) => r.state === 'sent' && r.key.endsWith('/email'));
    for (const r of sentMail) {
      const n = mails.filter((m) => m.messageId === messageIdOf(r.key)).length;
      if (n === 0) flag(result, 'lost', 1, `${r.key}: logged sent, not in the SMTP server`);
      if (n > 1)
        flag(result, 'duplicates', n - 1, `${r.key}: ${n} copies (same Message-ID) in the SMTP server`);
    }
    const known = new Set(sentMail.map((r) => messageIdOf(r.key)));
    const unlogged = mails.filter((m) => !known.has(m.messageId ?? '')).length;
    if (unlogged > 0)
      flag(result, 'duplicates', unlogged, `${ref}: ${unlogged} email(s) with no sent record`);
    // SMS: Twilio has no idempotency key, so count creations per melding against the log.
    const texts = accepted.filter((r) => (r.form.Body ?? '').includes(ref)).length;
    const sentSms = mine.filter((r) => r.state === 'sent' && r.key.endsWith('/sms')).length;
    result.sms += texts;
    if (texts > sentSms)
      flag(result, 'duplicates', texts - sentSms, `${ref}: ${texts} SMS accepted, ${sentSms} logged`);
    if (texts < sentSms)
      flag(result, 'lost', sentSms - texts, `${ref}: ${sentSms} SMS logged, ${texts} accepted`);
  }
  for (const e of expected) {
    for (const channel of ['email', 'sms'] as const) {
      const key = `${e.ref}/${e.requestId}/${e.attempt}/${channel}`;
      if (!records.some((r) => r.key === key && r.state === 'sent')) {
        flag(result, 'lost', 1, `${key}: never delivered`);
      }
    }
  }
  return result;
}
