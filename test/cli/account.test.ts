/**
 * `npm run cli -- account ...`: a local account added or reset writes the argon2id hash and a new
 * TOTP secret to the account file, shows the otpauth URI once, never the password; `dev-code`
 * gives the code of now outside production only. Bad input changes nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { runAccountCli, type AccountCliDeps } from '../../cli/account';
import { parseAccountFile } from '../../config/accountFile';
import { TEST_HASH_COST } from '../../testkit/staffAccounts';
import { totpCode } from '../../web/kit/localLogin';

const PASSWORD = 'een-lang-wachtwoord-1';
const AT = new Date('2026-11-30T10:00:00Z');

function cli(file: string, password = PASSWORD, nodeEnv = 'development') {
  const out: string[] = [];
  const err: string[] = [];
  const deps: AccountCliDeps = {
    file,
    nodeEnv,
    readPassword: async () => `${password}\n`,
    now: () => AT,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    hash: (p) => argon2.hash(p, TEST_HASH_COST),
  };
  return { out, err, run: (...argv: string[]) => runAccountCli(argv, deps) };
}

const newFile = () => join(mkdtempSync(join(tmpdir(), 'accounts-')), 'accounts.json');

test('toevoegen writes role, regions, hash and secret; shows the otpauth URI once and never the password', async () => {
  const file = newFile();
  const { out, run } = cli(file);
  expect(await run('account', 'toevoegen', 'cm-lim', '--rol', 'casemanager', '--regios', 'limburg')).toBe(0);
  const text = readFileSync(file, 'utf8');
  const [account] = parseAccountFile(text);
  expect(account).toMatchObject({ id: 'cm-lim', role: 'casemanager', regions: ['limburg'] });
  expect(await argon2.verify(account!.passwordHash, PASSWORD)).toBe(true);
  expect(text).not.toContain(PASSWORD);
  expect(out.join('\n')).not.toContain(PASSWORD);
  const uri = out.find((line) => line.startsWith('otpauth://totp/'))!;
  expect(new URL(uri).searchParams.get('secret')).toBe(account!.totpSecret);
});

test('herstellen gives a new password and a new secret, keeping role and regions; others are untouched', async () => {
  const file = newFile();
  await cli(file).run('account', 'toevoegen', 'cm-lim', '--rol', 'casemanager', '--regios', 'limburg');
  await cli(file).run('account', 'toevoegen', 'ops', '--rol', 'ops', '--regios', 'alle');
  const before = parseAccountFile(readFileSync(file, 'utf8'));
  expect(await cli(file, 'nog-een-wachtwoord-2').run('account', 'herstellen', 'cm-lim')).toBe(0);
  const after = parseAccountFile(readFileSync(file, 'utf8'));
  const cm = after.find((a) => a.id === 'cm-lim')!;
  expect(cm).toMatchObject({ role: 'casemanager', regions: ['limburg'] });
  expect(cm.totpSecret).not.toBe(before.find((a) => a.id === 'cm-lim')!.totpSecret);
  expect(await argon2.verify(cm.passwordHash, 'nog-een-wachtwoord-2')).toBe(true);
  expect(after.find((a) => a.id === 'ops')).toEqual(before.find((a) => a.id === 'ops'));
});

test('a short password, an unknown role or region, an existing or missing id: refused, the file unchanged', async () => {
  const file = newFile();
  await cli(file).run('account', 'toevoegen', 'ops', '--rol', 'ops', '--regios', 'alle');
  const original = readFileSync(file, 'utf8');
  const short = cli(file, 'kort');
  expect(await short.run('account', 'toevoegen', 'cm-1', '--rol', 'casemanager', '--regios', 'alle')).toBe(2);
  expect(short.err.join(' ')).toContain('minstens 12 tekens');
  const region = cli(file);
  expect(
    await region.run('account', 'toevoegen', 'cm-1', '--rol', 'casemanager', '--regios', 'limburgg'),
  ).toBe(2);
  expect(region.err.join(' ')).toMatch(/account "cm-1", regions\.0: expected a region id/);
  expect(await cli(file).run('account', 'toevoegen', 'cm-1', '--rol', 'hulplijn', '--regios', 'alle')).toBe(
    2,
  );
  expect(await cli(file).run('account', 'toevoegen', 'ops', '--rol', 'ops', '--regios', 'alle')).toBe(1);
  expect(await cli(file).run('account', 'herstellen', 'niemand')).toBe(1);
  expect(readFileSync(file, 'utf8')).toBe(original);
});

test('dev-code prints the code of now in development and refuses in production', async () => {
  const file = newFile();
  await cli(file).run('account', 'toevoegen', 'ops', '--rol', 'ops', '--regios', 'alle');
  const [ops] = parseAccountFile(readFileSync(file, 'utf8'));
  const dev = cli(file);
  expect(await dev.run('dev-code', 'ops')).toBe(0);
  expect(dev.out).toEqual([totpCode(ops!.totpSecret, AT)]);
  const production = cli(file, PASSWORD, 'production');
  expect(await production.run('dev-code', 'ops')).toBe(1);
  expect(production.out).toEqual([]);
  expect(production.err.join(' ')).toContain('alleen voor ontwikkeling');
  writeFileSync(file, '{');
  expect(await cli(file).run('dev-code', 'ops')).toBe(2);
});
