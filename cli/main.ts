/**
 * The staff and ops command line as a process: `npm run cli -- <opdracht>`. Reads the environment,
 * connects to Temporal and runs the command (commands.ts, where every command is listed); the
 * account commands and the re-seal need no Temporal and run before it is asked.
 */
import { createInterface } from 'node:readline';
import { loadAccountFile, staffOfAccounts } from '../config/accountFile';
import { ACCOUNT_COMMANDS, runAccountCli } from './account';
import { ConfigError } from '../config/configError';
import { DEFAULT_STAFF_SESSION_DB, optionalBlindIndexKey } from '../config/env';
import {
  connectTemporalClient,
  loadTemporalSettings,
  type TemporalClientHandle,
  type TemporalSettings,
} from '../config/temporal';
import { openStaffSessionStore } from '../web/kit/sessionStore';
import { parseOpsStaffIds } from '../config/opsRole';
import { staffDirectory, staffRolesSet, type StaffDirectory } from '../config/staffRoles';
import { REGIONS } from '../regions';
import { PRIVACY_COMMANDS } from './privacy';
import { openCasePrivacy } from './openPrivacy';
import { RESEAL_COMMAND, resealRefusal, runReseal } from './herversleutelen';
import { DEFAULT_CASE_FILE_DB, openCaseFile } from '../caseFile';
import { ACCESS_LOG_COMMANDS, openAccessLogFromEnv } from './accessLog';

import {
  failureText,
  OPS_COMMANDS,
  option,
  runCli,
  STAFF_COMMANDS,
  TemporalUnreachableError,
  USAGE,
} from './commands';

export { failureText, runCli, type CliDeps } from './commands';

/** The first line of standard input: the password, typed or piped, never an argument. */
async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY)
    process.stderr.write('Wachtwoord (wordt getoond; typ het waar niemand meekijkt): ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Accounts are a file, not a case: no Temporal needed.
  if (ACCOUNT_COMMANDS.includes(argv[0] ?? '')) {
    process.exitCode = await runAccountCli(argv, {
      file: process.env.STAFF_ACCOUNTS_FILE,
      nodeEnv: process.env.NODE_ENV,
      readPassword: readStdinLine,
      now: () => new Date(),
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
    return;
  }
  // A typo or a bare `npm run cli` gets the usage at once, without settings or a server.
  const commands = [
    ...STAFF_COMMANDS,
    ...OPS_COMMANDS,
    ...PRIVACY_COMMANDS,
    ...ACCESS_LOG_COMMANDS,
    RESEAL_COMMAND,
  ];
  if (!commands.includes(argv[0] ?? '')) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const settings: TemporalSettings = loadTemporalSettings();
  // Read before connecting: a bad account file or STAFF_ROLES is a usage error, whatever Temporal
  // says. The account file, when set, is the one source of roles, as for the services.
  const accountFile = process.env.STAFF_ACCOUNTS_FILE;
  const staffRoles = accountFile
    ? staffOfAccounts(loadAccountFile(accountFile))
    : staffRolesSet(process.env.STAFF_ROLES)
      ? staffDirectory({
          staffRoles: process.env.STAFF_ROLES,
          opsStaffIds: process.env.OPS_STAFF_IDS,
          regionIds: [...REGIONS.keys()],
        })
      : undefined;
  if (argv[0] === RESEAL_COMMAND) {
    process.exitCode = await reseal(argv.slice(1), settings, staffRoles);
    return;
  }
  let temporal: TemporalClientHandle;
  try {
    temporal = await connectTemporalClient(settings);
  } catch (error) {
    throw new TemporalUnreachableError(settings.TEMPORAL_ADDRESS, error);
  }
  try {
    const client = temporal.client;
    const code = await runCli(argv, {
      client,
      taskQueue: settings.TEMPORAL_TASK_QUEUE,
      now: () => new Date(),
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      sessions: () =>
        openStaffSessionStore({
          STAFF_SESSION_DB: process.env.STAFF_SESSION_DB ?? DEFAULT_STAFF_SESSION_DB,
          SESSION_DATABASE_URL: process.env.SESSION_DATABASE_URL,
        }),
      opsStaffIds: parseOpsStaffIds(process.env.OPS_STAFF_IDS),
      blindIndexKey: optionalBlindIndexKey(process.env),
      ...(staffRoles ? { staffRoles } : {}),
      privacy: () => openCasePrivacy(client, settings.PAYLOAD_KEYS),
      accessLog: () => openAccessLogFromEnv(),
    });
    process.exitCode = code;
  } finally {
    await temporal.close();
  }
}

/** `herversleutelen` needs the case file and the keys, not Temporal: it runs while Temporal is down too. */
async function reseal(
  rest: string[],
  settings: TemporalSettings,
  staffRoles: StaffDirectory | undefined,
): Promise<number> {
  const by = option(rest, '--door') ?? process.env.CSG_STAFF_ID ?? 'cli';
  const refusal = resealRefusal(by, { staffRoles, opsStaffIds: parseOpsStaffIds(process.env.OPS_STAFF_IDS) });
  if (refusal) {
    console.error(refusal);
    return 1;
  }
  const indexKey = optionalBlindIndexKey(process.env);
  if (!indexKey)
    throw new ConfigError(['BLIND_INDEX_KEY is needed for herversleutelen: it keys the case file']);
  return runReseal({
    caseFile: () =>
      openCaseFile({
        CASE_FILE_DB_PATH: process.env.CASE_FILE_DB_PATH ?? DEFAULT_CASE_FILE_DB,
        CASE_FILE_DATABASE_URL: process.env.CASE_FILE_DATABASE_URL,
        PAYLOAD_KEYS: settings.PAYLOAD_KEYS,
        BLIND_INDEX_KEY: indexKey,
      }),
    currentKeyId: settings.PAYLOAD_KEYS.currentKeyId,
    out: (line) => console.log(line),
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(failureText(error));
    // A setting that is wrong is wrong use, like a wrong argument; anything else failed.
    process.exit(error instanceof ConfigError ? 2 : 1);
  });
}
