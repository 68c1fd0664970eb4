/**
 * A local account's login: the password against its argon2id hash and the TOTP code of now, each
 * code accepted once; the answer never says which factor failed, and an unknown id takes as long
 * as a known one. And the account file: what it must hold, and problems naming entry and field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { parseAccountFile, type LocalAccount } from '../../config/accountFile';
import { ConfigError } from '../../config/configError';
import { TEST_CASEMANAGER, TEST_STAFF } from '../../testkit/processEnv';
import { testAccounts, testCode, testTotpSecret } from '../../testkit/staffAccounts';
import {
  createTotpReplayGuard,
  totpCode,
  TOTP_PERIOD_SECONDS,
  verifyLocalLogin,
} from '../../web/kit/localLogin';

const AT = new Date('2026-11-30T10:00:10Z');
let accounts: LocalAccount[];

beforeAll(async () => {
  accounts = await testAccounts({
    STAFF_ACCOUNTS: 'cm-lim:cm-lim-wachtwoord-1,ops:ops-wachtwoord-123',
    STAFF_ROLES: 'cm-lim=casemanager@limburg,ops=ops@alle',
  });
});

const login = (deps: Parameters<typeof verifyLocalLogin>[0], id: string, password: string, code: string) =>
  verifyLocalLogin(deps, id, password, code);

describe('verifyLocalLogin', () => {
  const depsAt = (at: Date) => ({ accounts, clock: () => at, replays: createTotpReplayGuard() });

  test('the right password with the code of now logs in, as the account', async () => {
    expect(await login(depsAt(AT), 'cm-lim', 'cm-lim-wachtwoord-1', testCode('cm-lim', AT))).toBe('cm-lim');
  });

  test("a phone's clock one step off is forgiven; two steps off is not", async () => {
    const step = TOTP_PERIOD_SECONDS * 1000;
    const late = testCode('cm-lim', new Date(AT.getTime() - step));
    const early = testCode('cm-lim', new Date(AT.getTime() + step));
    const stale = testCode('cm-lim', new Date(AT.getTime() - 2 * step));
    expect(await login(depsAt(AT), 'cm-lim', 'cm-lim-wachtwoord-1', late)).toBe('cm-lim');
    expect(await login(depsAt(AT), 'cm-lim', 'cm-lim-wachtwoord-1', early)).toBe('cm-lim');
    expect(await login(depsAt(AT), 'cm-lim', 'cm-lim-wachtwoord-1', stale)).toBeUndefined();
  });

  test('wrong code, wrong password, another account’s code, no code: each refused alike', async () => {
    const deps = depsAt(AT);
    const right = testCode('cm-lim', AT);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await login(deps, 'cm-lim', 'cm-lim-wachtwoord-1', wrong)).toBeUndefined();
    expect(await login(deps, 'cm-lim', 'ander-wachtwoord-1', right)).toBeUndefined();
    expect(await login(deps, 'cm-lim', 'cm-lim-wachtwoord-1', testCode('ops', AT))).toBeUndefined();
    expect(await login(deps, 'cm-lim', 'cm-lim-wachtwoord-1', '')).toBeUndefined();
    expect(await verifyLocalLogin(deps, 'cm-lim', 'cm-lim-wachtwoord-1', undefined)).toBeUndefined();
    // None of these spent the code: the owner still logs in with it.
    expect(await login(deps, 'cm-lim', 'cm-lim-wachtwoord-1', right)).toBe('cm-lim');
  });

  test('a code is accepted once: replayed, or an earlier one after it, is refused; the next step’s is not', async () => {
    const deps = depsAt(AT);
    const code = testCode('cm-lim', AT);
    expect(await login(deps, 'cm-lim', 'cm-lim-wachtwoord-1', code)).toBe('cm-lim');
    expect(await login(deps, 'cm-lim', 'cm-lim-wachtwoord-1', code)).toBeUndefined();
    const earlier = testCode('cm-lim', new Date(AT.getTime() - TOTP_PERIOD_SECONDS * 1000));
    expect(await login(deps, 'cm-lim', 'cm-lim-wachtwoord-1', earlier)).toBeUndefined();
    // Another account's use of its own code is its own affair.
    expect(await login(deps, 'ops', 'ops-wachtwoord-123', testCode('ops', AT))).toBe('ops');
    const later = new Date(AT.getTime() + TOTP_PERIOD_SECONDS * 1000);
    expect(
      await login(
        { ...deps, clock: () => later },
        'cm-lim',
        'cm-lim-wachtwoord-1',
        testCode('cm-lim', later),
      ),
    ).toBe('cm-lim');
  });

  test('an unknown id is refused, whatever it sends', async () => {
    expect(await login(depsAt(AT), 'cm-utr', 'cm-lim-wachtwoord-1', testCode('cm-utr', AT))).toBeUndefined();
    expect(await login(depsAt(AT), 'CM-LIM', 'cm-lim-wachtwoord-1', testCode('cm-lim', AT))).toBeUndefined();
  });

  test('an unknown id takes as long as a known one with a wrong password', async () => {
    // One account hashed at a cost well above the test accounts' (once): the dummy hash takes its
    // parameters. Production's default cost takes seconds per check on this shared machine.
    const real = [
      {
        ...accounts[0]!,
        passwordHash: await argon2.hash('cm-lim-wachtwoord-1', {
          type: argon2.argon2id,
          memoryCost: 16384,
          timeCost: 2,
          parallelism: 1,
        }),
      },
    ];
    const deps = { accounts: real, clock: () => AT, replays: createTotpReplayGuard() };
    const timed = async (id: string) => {
      const start = process.hrtime.bigint();
      await login(deps, id, 'fout-wachtwoord-1', '123456');
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await timed('onbekend'); // the dummy hash is made on first use, once per process
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await timed('cm-lim'));
      unknown.push(await timed(`onbekend-${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // Both pay a full argon2id verification (milliseconds, not microseconds); neither is a shortcut.
    expect(median(known)).toBeGreaterThan(5);
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });
});

describe('the account file', () => {
  const entry = {
    id: 'cm-lim',
    role: 'casemanager',
    regions: ['limburg'],
    passwordHash: '$argon2id$v=19$m=65536,p=4,t=3$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  };
  const problems = (accountsJson: unknown): string[] => {
    try {
      parseAccountFile(JSON.stringify(accountsJson));
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  test('a valid entry gives the account with its role and regions', () => {
    expect(parseAccountFile(JSON.stringify({ accounts: [entry] }))).toEqual([entry]);
  });

  test('each problem names the entry (by id when it has one) and the field, never a secret', () => {
    const found = problems({
      accounts: [
        { ...entry, role: 'hulplijn' },
        { ...entry, id: 'ops', regions: ['limburgg'] },
        { ...entry, id: 'coord', passwordHash: 'cm-lim-wachtwoord-1' },
        { ...entry, id: 'priv', totpSecret: 'kort' },
        { ...entry, id: 'jan@csg.example' },
        { ...entry, id: 'helpline', password: 'helpline-wachtwoord' },
      ],
    });
    expect(found).toEqual([
      expect.stringMatching(/^STAFF_ACCOUNTS_FILE: account "cm-lim", role: expected one of helpline, /),
      'STAFF_ACCOUNTS_FILE: account "ops", regions.0: expected a region id of regions/',
      expect.stringMatching(/^STAFF_ACCOUNTS_FILE: account "coord", passwordHash: expected an argon2id hash/),
      'STAFF_ACCOUNTS_FILE: account "priv", totpSecret: expected a base32 secret of 32 or more characters',
      expect.stringMatching(/^STAFF_ACCOUNTS_FILE: account 5, id: expected a staff id/),
      'STAFF_ACCOUNTS_FILE: account "helpline": unknown field password',
    ]);
    expect(found.join(' ')).not.toMatch(/wachtwoord|JBSWY3DP/);
  });

  test('an id twice, a missing field, not JSON, no accounts list: each refused', () => {
    expect(problems({ accounts: [entry, entry] })).toEqual([
      'STAFF_ACCOUNTS_FILE: account "cm-lim": the id is in the file more than once',
    ]);
    const { totpSecret: _t, ...withoutSecret } = entry;
    expect(problems({ accounts: [withoutSecret] })).toEqual([
      expect.stringMatching(/^STAFF_ACCOUNTS_FILE: account "cm-lim", totpSecret: /),
    ]);
    expect(() => parseAccountFile('{')).toThrow('STAFF_ACCOUNTS_FILE: not JSON');
    expect(problems([entry])).toEqual(['STAFF_ACCOUNTS_FILE: expected an object { "accounts": [ ... ] }']);
  });

  test("the spawned processes' account file holds the test accounts, their passwords and codes", async () => {
    const file = parseAccountFile(
      readFileSync(join(__dirname, '../../testkit/processAccounts.json'), 'utf8'),
    );
    for (const { id, password } of [TEST_STAFF, TEST_CASEMANAGER]) {
      const account = file.find((a) => a.id === id)!;
      expect(await argon2.verify(account.passwordHash, password)).toBe(true);
      expect(totpCode(account.totpSecret, AT)).toBe(testCode(id, AT));
      expect(account.totpSecret).toBe(testTotpSecret(id));
    }
  });
});
