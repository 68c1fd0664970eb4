/**
 * Production refuses development defaults: scripts/dev.env is public, so none of its secrets may
 * run a production process, and no credential may travel over plain http there. Development and
 * tests keep their values.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMailTransport } from '../../activities/transports';
import { loadCodecEnv } from '../../config/codecEnv';
import { ConfigError, loadEnv } from '../../config/env';
import { projectRoot } from '../../testkit/tools';
import { loadStaffAccounts, parseAccountFile } from '../../config/accountFile';
import { DEVELOPMENT_PASSWORD_HASHES, DEVELOPMENT_TOTP_SECRETS } from '../../config/productionRules';

/** scripts/dev.env as with-dev-env.sh reads it: NAME=value lines, split at the first "=". */
const devEnv: Record<string, string> = Object.fromEntries(
  readFileSync(join(projectRoot, 'scripts', 'dev.env'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

const devAccountFile = join(projectRoot, devEnv.STAFF_ACCOUNTS_FILE!);
const devAccounts = () => parseAccountFile(readFileSync(devAccountFile, 'utf8'));

const keys = {
  PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
};

/** A production environment with its own secrets and https endpoints: it starts. */
const production = {
  NODE_ENV: 'production',
  ...keys,
  TWILIO_ACCOUNT_SID: 'AC' + '5'.repeat(32),
  TWILIO_AUTH_TOKEN: 'a-real-twilio-token',
  TWILIO_FROM_NUMBER: '+3197010203040',
  PUBLIC_BASE_URL: 'https://meldingen.example.org',
  LINK_SECRET: 'l'.repeat(40),
  STAFF_ACCOUNTS_FILE: '/etc/csg/accounts.json',
  SESSION_SECRET: 's'.repeat(40),
  METRICS_TOKEN: 'm'.repeat(30),
  SMTP_SEARCH_URL: 'https://relay.example.org/trace',
};
const codecProduction = {
  NODE_ENV: 'production',
  PAYLOAD_KEYS: keys.PAYLOAD_KEYS,
  BLIND_INDEX_KEY: keys.BLIND_INDEX_KEY,
  CODEC_PUBLIC_URL: 'https://codec.example.org',
  CODEC_UI_ORIGINS: 'https://temporal.example.org',
  STAFF_ACCOUNTS_FILE: production.STAFF_ACCOUNTS_FILE,
};

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

const isCodecVariable = (name: string) => name.startsWith('CODEC_');
const problemsWith = (name: string, value: string) =>
  isCodecVariable(name)
    ? problemsOf(() => loadCodecEnv({ ...codecProduction, [name]: value }))
    : problemsOf(() => loadEnv({ ...production, [name]: value }));

describe('in production', () => {
  test('an environment with its own secrets and https endpoints starts', () => {
    expect(loadEnv(production).NODE_ENV).toBe('production');
    expect(loadCodecEnv(codecProduction).NODE_ENV).toBe('production');
  });

  // Every secret of scripts/dev.env, including one added to it later: a name that says secret.
  const secretNames = Object.keys(devEnv).filter((name) => /SECRET|TOKEN|PASSWORD|ACCOUNTS|_SID$/.test(name));

  test('dev.env has the secrets this suite expects to try', () => {
    expect(secretNames).toEqual(
      expect.arrayContaining([
        'LINK_SECRET',
        'SESSION_SECRET',
        'STAFF_ACCOUNTS_FILE',
        'METRICS_TOKEN',
        'TWILIO_AUTH_TOKEN',
        'TWILIO_ACCOUNT_SID',
      ]),
    );
  });

  test.each(secretNames)('the development value of %s stops the process, naming it', (name) => {
    const problems = problemsWith(name, devEnv[name]!);
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^${name}\\b.*public development (value|account file)`)),
    ]);
    expect(problems.join(' ')).not.toContain(devEnv[name]!.split(',')[0]!.split(':').pop());
  });

  test('one entry copied from the development account file is enough, and the account is named', () => {
    const own = {
      id: 'cm-eigen',
      role: 'casemanager',
      regions: ['limburg'],
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g',
      totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    };
    const copied = devAccounts().find((account) => account.id === 'ops')!;
    const file = join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.json');
    writeFileSync(file, JSON.stringify({ accounts: [own, copied] }));
    expect(
      problemsOf(() => loadStaffAccounts({ NODE_ENV: 'production', STAFF_ACCOUNTS_FILE: file })),
    ).toEqual([
      'STAFF_ACCOUNTS_FILE: ops has a public development secret of scripts/dev-accounts.json; production needs its own',
    ]);
    // The same file starts a development process.
    expect(loadStaffAccounts({ NODE_ENV: 'development', STAFF_ACCOUNTS_FILE: file })).toHaveLength(2);
    // A new TOTP secret alone does not clean a copied password hash.
    writeFileSync(file, JSON.stringify({ accounts: [{ ...copied, totpSecret: own.totpSecret }] }));
    expect(
      problemsOf(() => loadStaffAccounts({ NODE_ENV: 'production', STAFF_ACCOUNTS_FILE: file })),
    ).toEqual([expect.stringMatching(/^STAFF_ACCOUNTS_FILE: ops has a public development secret/)]);
  });

  test('the refused development secrets are those of scripts/dev-accounts.json, every one', () => {
    expect([...DEVELOPMENT_TOTP_SECRETS].sort()).toEqual(
      devAccounts()
        .map((a) => a.totpSecret)
        .sort(),
    );
    expect([...DEVELOPMENT_PASSWORD_HASHES].sort()).toEqual(
      devAccounts()
        .map((a) => a.passwordHash)
        .sort(),
    );
  });

  test('a missing or empty secret stops the process, naming it', () => {
    const { LINK_SECRET: _l, ...withoutLinkSecret } = production;
    expect(problemsOf(() => loadEnv(withoutLinkSecret))).toEqual(['LINK_SECRET is required but not set']);
    expect(problemsOf(() => loadEnv({ ...production, SESSION_SECRET: '' }))).toEqual([
      expect.stringMatching(/^SESSION_SECRET/),
    ]);
    // The codec server shares the intake's session store, not a secret: it starts without one.
    expect(loadCodecEnv(codecProduction)).not.toHaveProperty('SESSION_SECRET');
  });

  test.each([
    ['TWILIO_API_BASE_URL', devEnv.TWILIO_API_BASE_URL!],
    ['SMTP_SEARCH_URL', devEnv.SMTP_SEARCH_URL!],
    ['PUBLIC_BASE_URL', 'http://meldingen.example.org'],
    ['CODEC_PUBLIC_URL', 'http://codec.example.org'],
  ])('%s over plain http stops the process (credentials would travel in clear)', (name, url) => {
    expect(problemsWith(name, url)).toEqual([
      expect.stringMatching(new RegExp(`^${name} must be an https URL in production`)),
    ]);
  });

  test('every problem is listed at once: the whole of dev.env under NODE_ENV=production', () => {
    const problems = problemsOf(() => loadEnv({ ...devEnv, ...keys, NODE_ENV: 'production' }));
    for (const name of [
      'LINK_SECRET',
      'SESSION_SECRET',
      'STAFF_ACCOUNTS_FILE',
      'METRICS_TOKEN',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_API_BASE_URL',
      'PUBLIC_BASE_URL',
    ]) {
      expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${name}\\b`)));
    }
  });

  test('mail to the relay must be encrypted: STARTTLS is required when SMTP_SECURE is false', () => {
    const smtp = { SMTP_HOST: 'relay.example.org', SMTP_PORT: 587, SMTP_SECURE: false };
    const options = (env: 'production' | 'development') =>
      (createMailTransport({ ...smtp, NODE_ENV: env }) as unknown as { options: { requireTLS: boolean } })
        .options;
    expect(options('production').requireTLS).toBe(true);
    expect(options('development').requireTLS).toBe(false);
  });
});

describe('development and tests keep their values', () => {
  test('scripts/dev.env with the development keys starts, the contract mock over http included', () => {
    const env = loadEnv({ ...devEnv, ...keys });
    expect(env.NODE_ENV).toBe('development');
    expect(env.TWILIO_API_BASE_URL).toBe('http://localhost:4010');
    expect(loadCodecEnv({ ...devEnv, ...keys }).STAFF_ACCOUNTS_FILE).toBe(devEnv.STAFF_ACCOUNTS_FILE);
    expect(loadEnv({ ...devEnv, ...keys, NODE_ENV: 'test' }).LINK_SECRET).toBe(devEnv.LINK_SECRET);
  });

  test('dev.env holds no password: the accounts are a file of hashes and TOTP secrets', () => {
    const text = readFileSync(join(projectRoot, 'scripts', 'dev.env'), 'utf8');
    expect(Object.keys(devEnv)).not.toContain('STAFF_ACCOUNTS');
    expect(text).not.toMatch(/wachtwoord|password=/i);
    const accounts = loadStaffAccounts({ NODE_ENV: 'development', STAFF_ACCOUNTS_FILE: devAccountFile });
    expect(accounts.map((a) => a.id)).toEqual(expect.arrayContaining(['helpline', 'ops', 'cm-lim']));
    for (const account of accounts) {
      expect(account.passwordHash).toMatch(/^\$argon2id\$/);
      expect(readFileSync(devAccountFile, 'utf8')).not.toContain(`${account.id}-dev-wachtwoord`);
    }
  });
});
