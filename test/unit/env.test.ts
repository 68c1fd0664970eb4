import { ConfigError, loadEnv } from '../../config/env';
import { staffDirectory } from '../../config/staffRoles';
import { REGIONS } from '../../regions';

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

describe('environment configuration', () => {
  test('a complete environment parses, with development defaults filled in', () => {
    const env = loadEnv(valid);
    expect(env.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(env.SMTP_PORT).toBe(1025);
    expect(env.SMTP_SECURE).toBe(false);
    expect(env.INTAKE_PORT).toBe(3000);
  });

  test('a port that is not a number is named with what is expected', () => {
    expect(problemsOf({ ...valid, SMTP_PORT: 'abc' })).toEqual([
      expect.stringMatching(/^SMTP_PORT.*whole number between 1 and 65535/),
    ]);
    expect(problemsOf({ ...valid, INTAKE_PORT: '70000' })[0]).toMatch(/^INTAKE_PORT/);
  });

  test('a missing secret is reported as required, and every problem is listed at once', () => {
    const { LINK_SECRET: _l, SESSION_SECRET: _s, ...rest } = valid;
    const problems = problemsOf(rest);
    expect(problems).toEqual(
      expect.arrayContaining([
        'LINK_SECRET is required but not set',
        'SESSION_SECRET is required but not set',
      ]),
    );
  });

  test('the message never echoes the bad value, which may be a secret', () => {
    const problems = problemsOf({ ...valid, LINK_SECRET: 'short-secret-value' });
    expect(problems.join(' ')).not.toContain('short-secret-value');
    expect(problems[0]).toMatch(/^LINK_SECRET.*at least 32 characters/);
  });

  test("the relay's message search must be an http(s) URL; its credentials are never echoed", () => {
    const problems = problemsOf({ ...valid, SMTP_SEARCH_URL: 'relay-user:geheim-wachtwoord' });
    expect(problems).toEqual([expect.stringMatching(/^SMTP_SEARCH_URL.*http/)]);
    expect(problems.join(' ')).not.toContain('geheim-wachtwoord');
    expect(problemsOf({ ...valid, SMTP_SEARCH_URL: 'ftp://relay.example.org' })[0]).toMatch(
      /^SMTP_SEARCH_URL.*http or https/,
    );
    expect(
      loadEnv({ ...valid, SMTP_SEARCH_URL: 'https://u:p@relay.example.org/trace' }).SMTP_SEARCH_URL,
    ).toBe('https://u:p@relay.example.org/trace');
  });

  test('booleans must be written out', () => {
    expect(problemsOf({ ...valid, SMTP_SECURE: 'yes' })[0]).toMatch(/^SMTP_SECURE.*"true" or "false"/);
    expect(loadEnv({ ...valid, SMTP_SECURE: 'true' }).SMTP_SECURE).toBe(true);
  });

  test('Twilio settings follow Twilio formats', () => {
    expect(problemsOf({ ...valid, TWILIO_ACCOUNT_SID: 'XX123' })[0]).toMatch(/^TWILIO_ACCOUNT_SID/);
    expect(problemsOf({ ...valid, TWILIO_FROM_NUMBER: '0612345678' })[0]).toMatch(
      /^TWILIO_FROM_NUMBER.*E\.164/,
    );
  });

  test('the staff accounts are a file: the environment names it and holds no password', () => {
    const { STAFF_ACCOUNTS_FILE: _file, ...without } = valid;
    expect(problemsOf(without)[0]).toEqual('STAFF_ACCOUNTS_FILE is required but not set');
    expect(loadEnv(valid).STAFF_ACCOUNTS_FILE).toBe('accounts.json');
  });
});

describe('payload keys and the Temporal connection', () => {
  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  test('the last key seals new payloads; earlier ones stay for reading', () => {
    const env = loadEnv({ ...valid, PAYLOAD_KEYS: `2026-a:${key(1)},2026-b:${key(2)}` });
    expect(env.PAYLOAD_KEYS.currentKeyId).toBe('2026-b');
    expect([...env.PAYLOAD_KEYS.keys.keys()]).toEqual(['2026-a', '2026-b']);
  });

  test('a missing key stops the process: nothing may be stored unencrypted', () => {
    const { PAYLOAD_KEYS: _k, ...rest } = valid;
    expect(problemsOf(rest)).toEqual([expect.stringMatching(/^PAYLOAD_KEYS/)]);
  });

  test('a malformed key is named with what is expected, and never echoed', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    for (const bad of [
      `k1:${short}`,
      'just-a-string',
      `:${key(1)}`,
      `k1:${key(1)},k1:${key(2)}`,
      `k 1:${key(1)}`,
    ]) {
      const problems = problemsOf({ ...valid, PAYLOAD_KEYS: bad });
      expect(problems).toEqual([expect.stringMatching(/^PAYLOAD_KEYS.*32 random bytes in base64/)]);
      expect(problems.join(' ')).not.toContain(bad);
    }
  });

  test('TLS files must be readable PEM files, named when they are not', () => {
    expect(problemsOf({ ...valid, TEMPORAL_TLS_CA: '/nonexistent/ca.pem' })).toEqual([
      'TEMPORAL_TLS_CA must be the path of a readable PEM file',
    ]);
    expect(problemsOf({ ...valid, TEMPORAL_TLS: 'yes' })[0]).toMatch(/^TEMPORAL_TLS.*"true" or "false"/);
  });
});

describe('the blind-index key', () => {
  test('is its own random key of at least 32 bytes, read as bytes', () => {
    expect(loadEnv(valid).BLIND_INDEX_KEY).toEqual(Buffer.alloc(32, 9));
    const { BLIND_INDEX_KEY: _k, ...rest } = valid;
    expect(problemsOf(rest)).toEqual(['BLIND_INDEX_KEY is required but not set']);
  });

  test('a short or malformed key is named with what is expected, and never echoed', () => {
    for (const bad of [
      Buffer.alloc(16, 7).toString('base64'),
      'not base64 at all, but long enough to look like a key',
    ]) {
      const problems = problemsOf({ ...valid, BLIND_INDEX_KEY: bad });
      expect(problems).toEqual([
        expect.stringMatching(/^BLIND_INDEX_KEY.*at least 32 random bytes in base64/),
      ]);
      expect(problems.join(' ')).not.toContain(bad);
    }
  });

  test('a payload key doubling as the blind-index key is refused', () => {
    expect(problemsOf({ ...valid, BLIND_INDEX_KEY: Buffer.alloc(32, 1).toString('base64') })).toEqual([
      'BLIND_INDEX_KEY must be its own key, not one of PAYLOAD_KEYS',
    ]);
  });
});

describe('STAFF_ROLES: each account has one role and the regions it serves', () => {
  // The command line's roles without an account file (the services read roles from the file).
  const directoryOf = (staffRoles: string | undefined) =>
    staffDirectory({
      staffRoles,
      opsStaffIds: 'ops',
      regionIds: [...REGIONS.keys()],
      accountIds: ['helpline', 'cm-lim', 'ops'],
    });
  const rolesProblems = (staffRoles: string): string[] => {
    try {
      directoryOf(staffRoles);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  test('roles and regions per account; an id of OPS_STAFF_IDS is ops for every region', () => {
    const directory = directoryOf('helpline=helpline@alle,cm-lim=casemanager@limburg+gelderland-zuid-midden');
    expect(directory.get('helpline')).toEqual({ id: 'helpline', role: 'helpline', regions: 'alle' });
    expect(directory.get('cm-lim')).toEqual({
      id: 'cm-lim',
      role: 'casemanager',
      regions: ['limburg', 'gelderland-zuid-midden'],
    });
    expect(directory.get('ops')).toEqual({ id: 'ops', role: 'ops', regions: 'alle' });
  });

  test('every CSG region and the national coordinator are regions an account may serve', () => {
    const directory = directoryOf('helpline=helpline@alle,cm-lim=coordinator@utrecht+brabant-oost+landelijk');
    expect(directory.get('cm-lim')?.regions).toEqual(['utrecht', 'brabant-oost', 'landelijk']);
  });

  test('unset: every account that is not ops is the national helpline, as before roles existed', () => {
    const directory = directoryOf(undefined);
    expect(directory.get('cm-lim')).toEqual({ id: 'cm-lim', role: 'helpline', regions: 'alle' });
    expect(directory.get('ops')?.role).toBe('ops');
  });

  test('every account needs exactly one role, and every id must be an account', () => {
    expect(rolesProblems('helpline=helpline@alle')).toEqual([
      'STAFF_ROLES gives no role to these accounts of STAFF_ACCOUNTS: cm-lim; every account needs exactly one',
    ]);
    expect(
      rolesProblems('helpline=helpline@alle,cm-lim=casemanager@limburg,cm-lim=coordinator@limburg'),
    ).toEqual(['STAFF_ROLES: "cm-lim" has more than one entry; every account has exactly one role']);
    expect(rolesProblems('helpline=helpline@alle,cm-lim=casemanager@limburg,ops=helpline@alle')).toEqual([
      'STAFF_ROLES: "ops" is in OPS_STAFF_IDS (role ops) and has the role helpline here; every account has exactly one role',
    ]);
    expect(
      rolesProblems('helpline=helpline@alle,cm-lim=casemanager@limburg,cm-2=casemanager@limburg'),
    ).toEqual(['STAFF_ROLES names ids that are not in STAFF_ACCOUNTS: cm-2']);
  });

  test('a bad entry is named (role, region, format), every problem at once, never a password', () => {
    const problems = rolesProblems(
      'helpline=hulplijn@alle,cm-lim=casemanager@limburgg,ops:another-long-password',
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^STAFF_ROLES: "helpline=hulplijn@alle": unknown role "hulplijn", expected one of helpline, casemanager, coordinator, ops/,
      ),
      expect.stringMatching(
        /^STAFF_ROLES: "cm-lim=casemanager@limburgg": unknown region "limburgg", expected "alle" or one of (?=.*\blimburg\b)(?=.*\butrecht\b)/,
      ),
      expect.stringMatching(/^STAFF_ROLES: "ops:…" is not "id=role@regions" entries/),
      expect.stringMatching(
        /^STAFF_ROLES gives no role to these accounts of STAFF_ACCOUNTS: helpline, cm-lim/,
      ),
    ]);
    expect(problems.join(' ')).not.toContain('another-long-password');
  });
});
