import { ConfigError, loadEnv } from '../../config/env';
import { parseOpsStaffIds } from '../../config/opsRole';

const valid = {
  TWILIO_ACCOUNT_SID: 'AC' + 'a'.repeat(32),
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_FROM_NUMBER: '+3197010000000',
  PUBLIC_BASE_URL: 'https://meldingen.example.org',
  LINK_SECRET: 'x'.repeat(32),
  STAFF_ACCOUNTS_FILE: 'accounts.json',
  SESSION_SECRET: 'y'.repeat(32),
  PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('OPS_STAFF_IDS: the ops role of the command line without an account file', () => {
  test('names staff accounts; unset means nobody has the role', () => {
    expect(parseOpsStaffIds(loadEnv({ ...valid, OPS_STAFF_IDS: 'ops' }).OPS_STAFF_IDS)).toEqual(
      new Set(['ops']),
    );
    expect(parseOpsStaffIds(loadEnv(valid).OPS_STAFF_IDS)).toEqual(new Set());
  });

  test('a malformed list (an email address, spaces inside an id) is refused', () => {
    expect(problemsOf({ ...valid, OPS_STAFF_IDS: 'ops@csg.example' })).toEqual([
      expect.stringMatching(/^OPS_STAFF_IDS must be staff ids separated by commas/),
    ]);
    expect(() => parseOpsStaffIds('ops, de nachtdienst')).toThrow(ConfigError);
  });
});
