/**
 * The codec server's environment. It is off unless configured: `npm start` runs it only when
 * CODEC_PUBLIC_URL is set, and then every variable here is checked before it listens.
 *
 * It shares the intake's staff accounts, roles and sessions (STAFF_ACCOUNTS_FILE, SESSION_SECRET,
 * STAFF_SESSION_DB): one ops login serves the ops pages and the
 * codec. Only accounts with the ops role get in: reading decoded case data in the Temporal UI is
 * a different permission from registering a melding.
 */
import { z } from 'zod';
import { accountFilePath, DEFAULT_STAFF_SESSION_DB, parseInProduction, port } from './env';
import { temporalEnvSchema } from './temporal';

const ORIGINS_EXPECTED =
  'CODEC_UI_ORIGINS must be the Temporal UI origins allowed to call the codec server, comma-separated, like http://localhost:8233';

/** "https://ui.example.org,http://localhost:8233": each an origin (scheme, host, port; no path). */
const origins = z.string({ error: ORIGINS_EXPECTED }).transform((spec, ctx) => {
  const list = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const valid = list.every((origin) => {
    try {
      return new URL(origin).origin === origin;
    } catch {
      return false;
    }
  });
  if (list.length === 0 || !valid) {
    ctx.issues.push({ code: 'custom', message: ORIGINS_EXPECTED, input: spec });
    return z.NEVER;
  }
  return list;
});

export const codecEnvSchema = temporalEnvSchema
  .pick({ PAYLOAD_KEYS: true, TEMPORAL_NAMESPACE: true })
  .extend({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    CODEC_HOST: z.string().min(1).default('127.0.0.1'),
    CODEC_PORT: port('CODEC_PORT').default(8234),
    /** The address the Temporal UI is given (`--ui-codec-endpoint`); https makes its cookie Secure. */
    CODEC_PUBLIC_URL: z.string().url('CODEC_PUBLIC_URL must be a URL like https://codec.example.org'),
    /** Other Temporal UI origins that call the codec (a UI not served through it); may be empty. */
    CODEC_UI_ORIGINS: origins.optional(),
    /** The Temporal Web UI the codec server serves behind the ops login, on its own origin. */
    CODEC_TEMPORAL_UI_URL: z
      .string()
      .url('CODEC_TEMPORAL_UI_URL must be the URL of the Temporal Web UI, like http://127.0.0.1:8233')
      .optional(),
    STAFF_ACCOUNTS_FILE: accountFilePath,
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters'),
    STAFF_SESSION_DB: z.string().min(1).default(DEFAULT_STAFF_SESSION_DB),
  });

export type CodecEnv = z.infer<typeof codecEnvSchema>;

export function loadCodecEnv(source: Record<string, string | undefined> = process.env): CodecEnv {
  return parseInProduction(codecEnvSchema, source);
}
