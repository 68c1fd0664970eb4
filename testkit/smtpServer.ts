/**
 * A real SMTP server for activity tests (smtp-server, on a free local port), capturing every
 * accepted message. It can refuse chosen recipients with 550 and can go down (connection
 * refused) and come back on the same port, to test what the activities do with a real peer.
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { freePort } from './processes';

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
  messageId: string | undefined;
  subject: string | undefined;
  /** When the server accepted the message (ms since the epoch): the benchmark's "notified". */
  acceptedAt: number;
}

export interface TestSmtpServer {
  port: number;
  messages: CapturedMail[];
  /** Recipients answered with "550 5.1.1 no such user" at RCPT TO. */
  rejectRecipients: Set<string>;
  /** Closes the listener: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  // Unfold continuation lines before matching.
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match?.[1]?.trim();
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=), as nodemailer writes non-ASCII subjects. */
function decodeEncodedWords(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) => {
      if (enc.toLowerCase() === 'b') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text
        .replace(/_/g, ' ')
        .replace(/%/g, '%25')
        .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => `%${hex}`);
      return decodeURIComponent(bytes);
    });
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort();
  const messages: CapturedMail[] = [];
  const rejectRecipients = new Set<string>();
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectRecipients.has(address.address.toLowerCase())) {
        const err = new Error('5.1.1 no such user') as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: header(raw, 'Message-ID'),
          subject: decodeEncodedWords(header(raw, 'Subject')),
          acceptedAt: Date.now(),
        });
        callback();
      });
    },
  };
  let server: SMTPServer | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer(options);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = undefined;
      s.close(() => resolve());
    });
  await listen();
  return {
    port,
    messages,
    rejectRecipients,
    down: close,
    up: listen,
    stop: close,
  };
}

/** The decoded text/plain part of a captured message (quoted-printable, base64 or plain), for content assertions. */
export function plainText(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? raw;
  const [head = '', ...bodyParts] = part.split(/\r?\n\r?\n/);
  const body = bodyParts.join('\n\n');
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const escaped = body.replace(/=\r?\n/g, '').replace(/%/g, '%25');
    return decodeURIComponent(escaped.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`));
  }
  return body;
}
