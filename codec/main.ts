/**
 * The codec server process: environment → logger → listen. Off unless configured: started by
 * `npm start` only when CODEC_PUBLIC_URL is set; a bad environment stops it with the
 * ConfigError's message (which variable, what it expects), exit 1.
 */
import { codecOidcSettings, loadCodecEnv, type CodecEnv } from '../config/codecEnv';
import { ConfigError } from '../config/configError';
import { loadStaffAccounts, type LocalAccount } from '../config/accountFile';
import { createLogger } from '../config/logger';
import { payloadCodecFor } from '../config/temporal';
import { openStaffSessionStore } from '../web/kit/sessionStore';
import { buildCodecServer } from './server';
import { openAccessLog } from '../accessLog';

async function main(): Promise<void> {
  let env: CodecEnv;
  let accounts: LocalAccount[];
  try {
    env = loadCodecEnv();
    accounts = loadStaffAccounts(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: env.LOG_LEVEL, name: 'codec' });
  // The intake's access log (same database): the UI's case views and decodes are written there.
  const accessLog = openAccessLog(env);
  const sessions = openStaffSessionStore(env);
  const app = await buildCodecServer({
    codec: payloadCodecFor(env),
    config: env,
    accounts,
    logger,
    oidc: codecOidcSettings(env),
    // The intake's store: its sessions are honoured here, and one ended there is ended here.
    sessions,
    accessLog,
  });
  const shutdown = async () => {
    await app.close();
    await sessions.close();
    await accessLog.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
  await app.listen({ host: env.CODEC_HOST, port: env.CODEC_PORT });
  logger.info(
    { host: env.CODEC_HOST, port: env.CODEC_PORT, temporalUi: env.CODEC_TEMPORAL_UI_URL ?? 'not served' },
    'codec server listening',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `codec server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
