/**
 * Local staff accounts from the command line, without Temporal:
 *
 *   account toevoegen <id> --rol <rol> --regios <alle|regio+regio>   new account
 *   account herstellen <id>                                          new password and new code
 *   dev-code <id>                                                    development only: the code now
 *
 * The password is read from standard input (never an argument: arguments end up in the shell's
 * history and the process list), stored only as its argon2id hash. A new TOTP secret is made each
 * time and shown once, as an otpauth:// URI for the authenticator app; after that only the file
 * holds it. The file (STAFF_ACCOUNTS_FILE) is written whole and then renamed over the old one, so
 * a running service never reads half of it; the services read it at start.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as argon2 from 'argon2';
import { Secret } from 'otpauth';
import { parseAccountFile, type LocalAccount } from '../config/accountFile';
import { ConfigError } from '../config/configError';
import { STAFF_ROLES } from '../domain/access';
import { isOneOf } from '../domain/vocabulary';
import { totpCode, totpOf } from '../web/kit/localLogin';

export const ACCOUNT_COMMANDS = ['account', 'dev-code'];

export const ACCOUNT_USAGE = `  account toevoegen <id> --rol <rol> --regios <alle|regio+regio>  lokaal account aanmaken (wachtwoord via stdin)
  account herstellen <id>                                    nieuw wachtwoord (stdin) en nieuwe inlogcode-app
  dev-code <id>                                              alleen in ontwikkeling: de inlogcode van nu`;

export const ACCOUNT_OPTIONS = ['--rol', '--regios'];

export interface AccountCliDeps {
  /** STAFF_ACCOUNTS_FILE. */
  file: string | undefined;
  /** NODE_ENV: dev-code refuses production. */
  nodeEnv: string | undefined;
  /** The password, as typed on standard input. */
  readPassword: () => Promise<string>;
  now: () => Date;
  out: (line: string) => void;
  err: (line: string) => void;
  /** argon2id at its default cost; tests hand in a cheaper one. */
  hash?: (password: string) => Promise<string>;
}

const MIN_PASSWORD = 12;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function readAccounts(file: string): LocalAccount[] {
  return existsSync(file) ? parseAccountFile(readFileSync(file, 'utf8')) : [];
}

function writeAccounts(file: string, accounts: LocalAccount[]): void {
  const temporary = `${file}.${process.pid}.nieuw`;
  writeFileSync(temporary, `${JSON.stringify({ accounts }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

function regionsOf(spec: string | undefined): LocalAccount['regions'] | undefined {
  if (spec === undefined || spec === '') return undefined;
  return spec === 'alle' ? 'alle' : spec.split('+').filter(Boolean);
}

/** Runs an account command; the exit code (0 done, 1 refused, 2 wrong use). */
export async function runAccountCli(argv: string[], deps: AccountCliDeps): Promise<number> {
  const [command, ...rest] = argv;
  const positional = rest.filter(
    (_, i) => !ACCOUNT_OPTIONS.includes(rest[i]!) && !ACCOUNT_OPTIONS.includes(rest[i - 1]!),
  );
  if (!deps.file) {
    deps.err('Fout: STAFF_ACCOUNTS_FILE is niet gezet; dat is het accountbestand');
    return 2;
  }
  try {
    if (command === 'dev-code') return devCode(positional[0], deps, deps.file);
    const [action, id] = positional;
    if ((action !== 'toevoegen' && action !== 'herstellen') || !id) {
      deps.err(`Gebruik:\n${ACCOUNT_USAGE}`);
      return 2;
    }
    const accounts = readAccounts(deps.file);
    const existing = accounts.find((account) => account.id === id);
    if (action === 'toevoegen' && existing) {
      deps.err(`Geweigerd: ${id} bestaat al; gebruik "account herstellen ${id}"`);
      return 1;
    }
    if (action === 'herstellen' && !existing) {
      deps.err(`Geweigerd: geen account ${id} in ${deps.file}`);
      return 1;
    }
    const role = option(rest, '--rol') ?? existing?.role;
    const regions = regionsOf(option(rest, '--regios')) ?? existing?.regions;
    if (!role || !isOneOf(STAFF_ROLES, role) || !regions) {
      deps.err(`Fout: geef --rol (een van ${STAFF_ROLES.join(', ')}) en --regios (alle of regio's met +)`);
      return 2;
    }
    const password = (await deps.readPassword()).replace(/\r?\n$/, '');
    if (password.length < MIN_PASSWORD) {
      deps.err(`Fout: het wachtwoord moet minstens ${MIN_PASSWORD} tekens hebben; er is niets veranderd`);
      return 2;
    }
    const hash = deps.hash ?? ((p: string) => argon2.hash(p, { type: argon2.argon2id }));
    const account: LocalAccount = {
      id,
      role,
      regions,
      passwordHash: await hash(password),
      totpSecret: new Secret({ size: 20 }).base32,
    };
    // Checked as the services will read it, before anything is written.
    const next = parseAccountFile(
      JSON.stringify({ accounts: [...accounts.filter((a) => a.id !== id), account] }),
      deps.file,
    );
    writeAccounts(deps.file, next);
    deps.out(`${action === 'toevoegen' ? 'Aangemaakt' : 'Hersteld'}: ${id} (${role})`);
    deps.out(
      'Zet deze sleutel nu in de authenticator-app van de medewerker; hij wordt niet opnieuw getoond:',
    );
    deps.out(totpOf(account.totpSecret, id).toString());
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      deps.err(`Fout: ${error.problems.join('; ')}; er is niets veranderd`);
      return 2;
    }
    throw error;
  }
}

function devCode(id: string | undefined, deps: AccountCliDeps, file: string): number {
  if (deps.nodeEnv === 'production') {
    deps.err(
      'Geweigerd: dev-code is alleen voor ontwikkeling; in productie toont de app van de medewerker de code',
    );
    return 1;
  }
  const account = readAccounts(file).find((candidate) => candidate.id === id);
  if (!account) {
    deps.err(`Geweigerd: geen account ${id ?? '(geen id)'} in ${file}`);
    return 1;
  }
  deps.out(totpCode(account.totpSecret, deps.now()));
  return 0;
}
