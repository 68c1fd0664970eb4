/**
 * The development SMTP server (maildev, through scripts/maildev.sh) as its own process on free
 * ports: what the fault runs send to, count in, and stop for an outage. Its REST API is both the
 * audit's view of what arrived and the worker's message search (SMTP_SEARCH_URL).
 */
import { mkdirSync } from 'node:fs';
import { freePort, startScript, waitForPort } from './processes';

export interface ArrivedMail {
  /** maildev's own id. */
  id: string;
  /** As sent, with angle brackets: `<hash@domain>`. */
  messageId: string | undefined;
  subject: string | undefined;
  /** The text/plain part. */
  text: string;
}

export interface Maildev {
  smtpPort: number;
  /** The REST API's base (SMTP_SEARCH_URL). */
  webUrl: string;
  /** Every message the server accepted since it first started (kept across down/up). */
  messages(): Promise<ArrivedMail[]>;
  /** Stops the process: connections are refused until `up()`. */
  down(): Promise<void>;
  /** Starts it again on the same ports and mail directory. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

export async function startMaildev(mailDir: string): Promise<Maildev> {
  mkdirSync(mailDir, { recursive: true });
  const [smtpPort, webPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  let process: ReturnType<typeof startScript> | undefined;

  async function up(): Promise<void> {
    process = startScript('scripts/maildev.sh', [String(smtpPort), String(webPort), mailDir]);
    await Promise.all([waitForPort(smtpPort, 30_000), waitForPort(webPort, 30_000)]);
  }
  async function down(): Promise<void> {
    await process?.stop();
    process = undefined;
  }

  await up();
  return {
    smtpPort,
    webUrl,
    async messages() {
      const response = await fetch(`${webUrl}/email`);
      if (!response.ok) throw new Error(`maildev answered HTTP ${response.status}`);
      const list = (await response.json()) as {
        id: string;
        headers?: Record<string, string>;
        subject?: string;
        text?: string;
      }[];
      // The header as sent; maildev's own `messageId` field drops the angle brackets.
      return list.map((m) => ({
        id: m.id,
        messageId: m.headers?.['message-id'],
        subject: m.subject,
        text: m.text ?? '',
      }));
    },
    down,
    up,
    stop: down,
  };
}
