/**
 * The codec server's environment. It is off unless configured: `npm start` runs it only when
 * CODEC_PUBLIC_URL is set, and then every variable here is checked before it listens.
 *
 * It shares the intake's staff accounts, roles and session store (STAFF_ACCOUNTS_FILE,
 * STAFF_SESSION_DB or SESSION_DATABASE_URL): one ops login serves the ops pages and the codec. It
 * holds no session secret: a session is a row in that store, not a signed token. Only accounts
 * with the ops role get in: reading decoded case data in the Temporal UI is a different permission
 * from registering a melding.
 */
import { z } from 'zod';
import {
  accountFilePath,
  blindIndexKey,
  DEFAULT_STAFF_SESSION_DB,
  envSchema,
  parseInProduction,
  port,
  sessionDatabaseUrl,
} from './env';
import { temporalEnvSchema } from './temporal';
import { oidcEnvSchema, oidcSettings, type OidcSettings } from './oidcEnv';

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
  .pick({ PAYLOAD_KEYS: true, TEMPORAL_NAMESPACE: true, PAYLOAD_CODEC_STRICT: true })
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
    STAFF_SESSION_DB: z.string().min(1).default(DEFAULT_STAFF_SESSION_DB),
    /** The intake's identity provider, for the ops login here too (config/oidcEnv.ts). */
    ...oidcEnvSchema.shape,
    /** Keys the access log's case hashes and chain: every case opened in the UI is logged (accessLog/). */
    BLIND_INDEX_KEY: blindIndexKey,
    ACCESS_LOG_DB_PATH: envSchema.shape.ACCESS_LOG_DB_PATH,
    ACCESS_LOG_DATABASE_URL: envSchema.shape.ACCESS_LOG_DATABASE_URL,
    SESSION_DATABASE_URL: sessionDatabaseUrl,
  });

export type CodecEnv = z.infer<typeof codecEnvSchema>;

export function loadCodecEnv(source: Record<string, string | undefined> = process.env): CodecEnv {
  const env = parseInProduction(codecEnvSchema, source);
  codecOidcSettings(env);
  return env;
}

/**
 * The intake's OIDC settings with the codec server's own callback, <CODEC_PUBLIC_URL>/inloggen/oidc/terug,
 * which the provider must know as a second redirect URI of the same client.
 */
export function codecOidcSettings(env: CodecEnv): OidcSettings | undefined {
  return oidcSettings(env, `${env.CODEC_PUBLIC_URL.replace(/\/+$/, '')}/inloggen/oidc/terug`);
}
