/**
 * The environment of the worker and intake processes that end-to-end tests, fault runs and the
 * benchmark spawn against their own peers. One place for what every such process needs, so a new
 * required variable is added once; and every file they write lands in the run's own folder, never
 * in the development stack's `.data/`.
 */
import { join } from 'node:path';
import { testBearer } from './staffAccounts';
import { TEST_BLIND_INDEX_KEY_ENV, TEST_PAYLOAD_KEYS_ENV } from './temporal';

/** The national helpline: starts meldingen, records the victim's own decisions. */
export const TEST_STAFF = { id: 'helpline-017', password: 'helpline-wachtwoord-1' };
/** A casemanager for every region: acknowledges requests, records check-ins. */
export const TEST_CASEMANAGER = { id: 'cm-017', password: 'casemanager-wachtwoord-1' };

/** Signs the spawned intake's sessions: a test mints its Bearer tokens with it. */
const SESSION_SECRET = 'test-run-session-secret-0123456789abcdef';

/** `Authorization` header for the intake API as TEST_STAFF (a session token, as POST /api/sessies gives). */
export const testStaffBearer = () => testBearer(TEST_STAFF.id, SESSION_SECRET);
/** `Authorization` header for the intake API as TEST_CASEMANAGER. */
export const testCasemanagerBearer = () => testBearer(TEST_CASEMANAGER.id, SESSION_SECRET);

export interface ProcessPeers {
  temporalAddress: string;
  taskQueue: string;
  smtpPort: number;
  twilioBaseUrl: string;
  /** The run's folder: delivery log, report records, revoked sessions. */
  dir: string;
  /** Where partner links point: the intake's address, or nowhere when the run has no intake. */
  intakePort?: number;
}

/** The variables callers read back, typed; any other is a plain string entry. */
export type SpawnEnv = Record<string, string> &
  Record<'TEMPORAL_ADDRESS' | 'PUBLIC_BASE_URL' | 'DELIVERY_LOG_DIR', string>;

export function processEnv(peers: ProcessPeers, extra: Record<string, string> = {}): SpawnEnv {
  return {
    NODE_ENV: 'test', // the Twilio contract mock's base URL is refused in production
    LOG_LEVEL: 'warn',
    TEMPORAL_ADDRESS: peers.temporalAddress,
    TEMPORAL_TASK_QUEUE: peers.taskQueue,
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS_ENV,
    BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY_ENV,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(peers.smtpPort),
    TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
    TWILIO_AUTH_TOKEN: 'test-run-twilio-token',
    TWILIO_FROM_NUMBER: '+3197010000000',
    TWILIO_API_BASE_URL: peers.twilioBaseUrl,
    PUBLIC_BASE_URL: `http://127.0.0.1:${peers.intakePort ?? 1}`,
    LINK_SECRET: 'test-run-link-secret-0123456789abcdef',
    // TEST_STAFF and TEST_CASEMANAGER with their roles, test hashes and TOTP secrets
    // (testkit/staffAccounts.ts); test/unit/localLogin.test.ts checks the file against them.
    STAFF_ACCOUNTS_FILE: join(__dirname, 'processAccounts.json'),
    SESSION_SECRET,
    ...(peers.intakePort !== undefined ? { INTAKE_PORT: String(peers.intakePort) } : {}),
    DELIVERY_LOG_DIR: join(peers.dir, 'deliveries'),
    REPORT_DB_PATH: join(peers.dir, 'report.db'),
    STAFF_SESSION_DB: join(peers.dir, 'sessions.db'),
    ...extra,
  };
}
