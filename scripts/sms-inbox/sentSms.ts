/**
 * The text messages the system asked Twilio to send, as the SMS inbox saw them pass: kept in
 * memory and, when a file is given, appended to it one JSON line each and read back on start, so
 * a restarted stack still shows them (as maildev keeps its mail). Development only: the numbers
 * and texts are the development stack's own.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SentSms {
  to: string;
  from: string;
  body: string;
  /** ISO time the inbox forwarded the request. */
  at: string;
  /** Prism's HTTP status: 201 when the request satisfied Twilio's contract. */
  httpStatus: number;
  /** Twilio's message status in the answer (queued), when accepted. */
  status?: string;
  /** Why it was refused, as the answer says it. */
  error?: string;
  /** The SID in the answer, when accepted. */
  sid?: string;
}

export interface SentSmsStore {
  add(sms: SentSms): void;
  /** Oldest first, as they were sent. */
  all(): readonly SentSms[];
}

export function createSentSmsStore(file?: string): SentSmsStore {
  const messages: SentSms[] = [];
  if (file && existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        messages.push(JSON.parse(line) as SentSms);
      } catch {
        // a line cut short by a crash: the others still count
      }
    }
  }
  if (file) mkdirSync(dirname(file), { recursive: true });
  return {
    add(sms) {
      messages.push(sms);
      if (file) appendFileSync(file, `${JSON.stringify(sms)}\n`);
    },
    all: () => messages,
  };
}
