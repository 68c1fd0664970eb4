/**
 * The environment of the worker and intake processes that end-to-end tests, fault runs and the
 * benchmark spawn against their own peers. One place for what every such process needs, so a new
 * required variable is added once; and every file they write lands in the run's own folder, never
 * in the development stack's `.data/`.
 */
import { join } from 'node:path';
import { testCode } from './staffAccounts';
import { TEST_BLIND_INDEX_KEY_ENV, TEST_PAYLOAD_KEYS_ENV } from './temporal';

/** The national helpline: starts meldingen, records the victim's own decisions. */
export const TEST_STAFF = { id: 'helpline-017', password: 'helpline-wachtwoord-1' };
/** A casemanager for every region: acknowledges requests, records check-ins. */
export const TEST_CASEMANAGER = { id: 'cm-017', password: 'casemanager-wachtwoord-1' };

const SESSION_SECRET = 'test-run-session-secret-0123456789abcdef';

/**
 * `Authorization` header for a spawned intake's API as this account: a login at POST /api/sessies
 * with password and code, once per intake and account (a code is accepted only once).
 */
const bearers = new Map<string, Promise<string>>();
function apiBearer(intakeBase: string, account: { id: string; password: string }): Promise<string> {
  const key = `${intakeBase} ${account.id}`;
  let bearer = bearers.get(key);
  if (!bearer) {
    bearer = (async () => {
      const res = await fetch(`${intakeBase}/api/sessies`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: account.id, password: account.password, code: testCode(account.id) }),
      });
      if (res.status !== 201) throw new Error(`login of ${account.id} at ${intakeBase}: HTTP ${res.status}`);
      return `Bearer ${((await res.json()) as { token: string }).token}`;
    })();
    bearers.set(key, bearer);
  }
  return bearer;
}
/** As TEST_STAFF, at the intake on `intakeBase` (e.g. http://127.0.0.1:3100). */
export const testStaffBearer = (intakeBase: string) => apiBearer(intakeBase, TEST_STAFF);
/** As TEST_CASEMANAGER. */
export const testCasemanagerBearer = (intakeBase: string) => apiBearer(intakeBase, TEST_CASEMANAGER);

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
    CASE_FILE_DB_PATH: join(peers.dir, 'case-file.db'),
    ACCESS_LOG_DB_PATH: join(peers.dir, 'access-log.db'),
    EXPERIENCE_DB_PATH: join(peers.dir, 'ervaring.db'),
    STAFF_SESSION_DB: join(peers.dir, 'sessions.db'),
    ...extra,
  };
}
