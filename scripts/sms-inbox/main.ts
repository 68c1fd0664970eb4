/**
 * Starts the SMS inbox of the development stack in front of the Twilio contract mock:
 *   tsx scripts/sms-inbox/main.ts <port> <prism-port> [<file>]
 * The worker's TWILIO_API_BASE_URL points at <port>; the page is at http://localhost:<port>/.
 * With a file, the sent messages are kept there and shown again after a restart.
 */
import { createLogger } from '../../config/logger';
import { buildSmsInbox } from './server';
import { createSentSmsStore } from './sentSms';

function port(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    process.stderr.write(`sms-inbox: ${name} must be a port number, not "${value ?? ''}"\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const [portArg, prismArg, file] = process.argv.slice(2);
  const listenPort = port(portArg, '<port>');
  const prismPort = port(prismArg, '<prism-port>');
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info', name: 'sms-inbox' });
  const app = await buildSmsInbox({
    prismUrl: `http://127.0.0.1:${prismPort}`,
    store: createSentSmsStore(file),
    logger,
  });
  await app.listen({ host: '127.0.0.1', port: listenPort });
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
