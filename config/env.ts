/**
 * Environment configuration, validated once at process start. A bad value stops the process with
 * a message that names the variable and says what is expected; nothing starts half-configured.
 */
import { z } from 'zod';
import { ConfigError, parseEnv } from './configError';
import { opsStaffIdsSchema } from './opsRole';
import { productionProblems } from './productionRules';
import { staffDirectory } from './staffRoles';
import { REGIONS } from '../regions';
import { temporalEnvSchema } from './temporal';
import { oidcEnvSchema, oidcSettings } from './oidcEnv';

export const DEFAULT_STAFF_SESSION_DB = '.data/staff-sessions.db';

/** SESSION_DATABASE_URL: the staff session store on PostgreSQL (intake, codec server, CLI alike). */
export const sessionDatabaseUrl = z
  .string()
  .regex(
    /^postgres(ql)?:\/\/\S+$/,
    'SESSION_DATABASE_URL must be a PostgreSQL URL like postgresql://user@host:5432/database',
  )
  .optional();

export const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number between 1 and 65535` })
    .int(`${name} must be a whole number between 1 and 65535`)
    .min(1, `${name} must be a whole number between 1 and 65535`)
    .max(65535, `${name} must be a whole number between 1 and 65535`);

const bool = z
  .enum(['true', 'false'], { error: 'expected "true" or "false"' })
  .transform((v) => v === 'true');

const BLIND_INDEX_KEY_EXPECTED =
  'BLIND_INDEX_KEY must be at least 32 random bytes in base64, its own key (not a payload key; `npm start` generates a development key)';

/**
 * The key of the blind index: changing it makes every running case unfindable by phone or name,
 * so it is set once and kept like the payload keys. Never echoed: it is key material.
 */
export const blindIndexKey = z
  .string({ error: BLIND_INDEX_KEY_EXPECTED })
  .transform((encoded, ctx): Buffer => {
    const key = Buffer.from(encoded.trim(), 'base64');
    if (key.length < 32 || key.toString('base64') !== encoded.trim()) {
      ctx.issues.push({ code: 'custom', message: BLIND_INDEX_KEY_EXPECTED, input: '' });
      return z.NEVER;
    }
    return key;
  });

/**
 * BLIND_INDEX_KEY alone, for tools that start cases without the service's other settings (the CLI,
 * the demo): the key when set, undefined when not (their cases are then found by reference only);
 * a malformed key is a ConfigError, as for the services.
 */
export function optionalBlindIndexKey(source: Record<string, string | undefined>): Buffer | undefined {
  if (source.BLIND_INDEX_KEY === undefined || source.BLIND_INDEX_KEY === '') return undefined;
  return parseEnv(z.object({ BLIND_INDEX_KEY: blindIndexKey }), source).BLIND_INDEX_KEY;
}

/** The path of the account file (config/accountFile.ts), read once the environment is valid. */
export const accountFilePath = z
  .string({ error: 'STAFF_ACCOUNTS_FILE must be the path of the staff account file (JSON)' })
  .min(1, 'STAFF_ACCOUNTS_FILE must be the path of the staff account file (JSON)');
export const envSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  ...temporalEnvSchema.shape,

  SMTP_HOST: z.string().min(1).default('localhost'),
  SMTP_PORT: port('SMTP_PORT').default(1025),
  /** true: TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when the server offers it. */
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /**
   * The mail relay's message search (GET <url>/email?messageId=<id>, a JSON list; maildev's REST
   * API in development). Asked after a crash between the relay's acceptance and the delivery log's
   * record; unset: such a message is sent again with the same Message-ID (activities/email.ts).
   */
  SMTP_SEARCH_URL: z
    .string()
    .url('SMTP_SEARCH_URL must be a URL like http://127.0.0.1:1080')
    .refine((u) => /^https?:/.test(u), 'SMTP_SEARCH_URL must be an http or https URL')
    .optional(),
  MAIL_FROM: z.string().email('MAIL_FROM must be an email address').default('csg-meldingen@example.org'),

  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex characters'),
  TWILIO_AUTH_TOKEN: z.string().min(1, 'TWILIO_AUTH_TOKEN must not be empty'),
  TWILIO_FROM_NUMBER: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'TWILIO_FROM_NUMBER must be an E.164 number like +3197010203040'),
  /** Only for development and tests: the Twilio contract mock. Unset in production (the SDK's own host is used); https there. */
  TWILIO_API_BASE_URL: z
    .string()
    .url('TWILIO_API_BASE_URL must be a URL like http://localhost:4010')
    .optional(),

  /** Where partners' links point: the intake service as partners reach it. */
  PUBLIC_BASE_URL: z.string().url('PUBLIC_BASE_URL must be a URL like https://meldingen.example.org'),
  /** Signs acknowledgement links and status callbacks. */
  LINK_SECRET: z.string().min(32, 'LINK_SECRET must be at least 32 characters'),
  INTAKE_HOST: z.string().min(1).default('127.0.0.1'),
  INTAKE_PORT: port('INTAKE_PORT').default(3000),
  /**
   * The local staff accounts: a JSON file of id, role, regions, argon2id password hash and TOTP
   * secret per account (config/accountFile.ts; `npm run cli -- account ...` writes it). Never a
   * clear password in the environment.
   */
  STAFF_ACCOUNTS_FILE: accountFilePath,
  /** Keys the intake's derived references and the login log's tags (sessions are store rows, not signed). */
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters'),
  /** SQLite file of staff sessions (web/kit/sessionStore.ts); unused when SESSION_DATABASE_URL is set. */
  STAFF_SESSION_DB: z.string().min(1).default(DEFAULT_STAFF_SESSION_DB),
  /** PostgreSQL holding staff sessions in the cluster profile, shared by every intake process and the codec. */
  SESSION_DATABASE_URL: sessionDatabaseUrl,
  /** The command line only, without STAFF_ACCOUNTS_FILE: ids that may take the ops actions (config/opsRole.ts). */
  OPS_STAFF_IDS: opsStaffIdsSchema,
  /** Keys the blind index a case is found again by (phone, name with date of birth): cases/blindIndex.ts. */
  BLIND_INDEX_KEY: blindIndexKey,
  /**
   * The command line only, without STAFF_ACCOUNTS_FILE: each id's role and regions,
   * "id=role@regions" entries (config/staffRoles.ts). The services take roles from the account file.
   */
  STAFF_ROLES: z.string().optional(),
  /** The worker's delivery log, which the privacy officer's export reads and erasure prunes (cases/privacy/). */
  DELIVERY_LOG_DIR: z.string().min(1).default('.data/deliveries'),
  /** SQLite file of pending erasure requests and erasure receipts (cases/privacy/erasureStore.ts). */
  PRIVACY_DB_PATH: z.string().min(1).default('.data/privacy.db'),
  /** SQLite file of the case file in the dev profile (caseFile/); unused when CASE_FILE_DATABASE_URL is set. */
  CASE_FILE_DB_PATH: z.string().min(1).default('.data/case-file.db'),
  /** PostgreSQL holding the case file in the cluster profile (caseFile/); unset: the SQLite file. */
  CASE_FILE_DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      'CASE_FILE_DATABASE_URL must be a PostgreSQL URL like postgresql://user@host:5432/database',
    )
    .optional(),
  /** SQLite file of the victims' anonymous answers about the help received (reporting/experienceStore.ts). */
  EXPERIENCE_DB_PATH: z.string().min(1).default('.data/ervaring.db'),
  /** SQLite file of the access log in the dev profile (accessLog/); unused when ACCESS_LOG_DATABASE_URL is set. */
  ACCESS_LOG_DB_PATH: z.string().min(1).default('.data/access-log.db'),
  /** PostgreSQL holding the access log in the cluster profile (accessLog/); unset: the SQLite file. */
  ACCESS_LOG_DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      'ACCESS_LOG_DATABASE_URL must be a PostgreSQL URL like postgresql://user@host:5432/database',
    )
    .optional(),
  /** The REST API of a mail relay the system runs itself (maildev in development), whose copies erasure deletes; unset in production. */
  MAIL_COPIES_URL: z.string().url('MAIL_COPIES_URL must be a URL like http://127.0.0.1:1080').optional(),
  /** Bearer token Prometheus sends to the intake's /metrics; unset: no /metrics. */
  METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN must be at least 24 characters').optional(),
  /** Login through the organisation's identity provider: OIDC_* (config/oidcEnv.ts); unset: none. */
  ...oidcEnvSchema.shape,
});

export type Env = z.infer<typeof envSchema>;

export { ConfigError };

/** Parses the environment; throws ConfigError naming every bad variable and what it expects. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const env = parseInProduction(envSchema, source);
  // One key for one job: a payload key that also keys the index would tie their rotations together.
  if ([...env.PAYLOAD_KEYS.keys.values()].some((key) => key.equals(env.BLIND_INDEX_KEY))) {
    throw new ConfigError(['BLIND_INDEX_KEY must be its own key, not one of PAYLOAD_KEYS']);
  }
  staffDirectory({
    staffRoles: env.STAFF_ROLES,
    opsStaffIds: env.OPS_STAFF_IDS,
    regionIds: [...REGIONS.keys()],
  });
  oidcSettings(env);
  return env;
}

/**
 * parseEnv, and in production also the production rules (config/productionRules.ts): a public
 * development value or a plain-http endpoint stops the process, listed with every other problem.
 */
export function parseInProduction<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  const production = source.NODE_ENV === 'production' ? productionProblems(source) : [];
  let parsed: z.infer<S>;
  try {
    parsed = parseEnv(schema, source);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError([...error.problems, ...production]);
    throw error;
  }
  if (production.length > 0) throw new ConfigError(production);
  return parsed;
}
