/**
 * The command line and the access log (accessLog/):
 *
 *   toegangslog <referentie> --door <id>   the case's access log, oldest first: who saw the
 *        victim's details, when and why (the privacy officer; role `privacy` in STAFF_ROLES)
 *
 * and `status`, which shows a case, writes an entry (reason `cli`) before it prints it. The log is
 * the one of this machine's environment (ACCESS_LOG_DB_PATH or ACCESS_LOG_DATABASE_URL, keyed
 * with BLIND_INDEX_KEY), opened for the command and closed after it.
 */
import { DEFAULT_ACCESS_LOG_DB, openAccessLog, type AccessLog } from '../accessLog';
import { ConfigError } from '../config/configError';
import { optionalBlindIndexKey } from '../config/env';
import { formatLocal } from '../domain/localTime';
import { may, type Staff } from '../domain/access';
import { translator } from '../i18n';

export const ACCESS_LOG_COMMANDS = ['toegangslog'];
export const ACCESS_LOG_USAGE = `  toegangslog <referentie> --door <id>                       wie de melding inzag, wanneer en waarom (privacyfunctionaris)`;

/** The access log of this machine's environment; BLIND_INDEX_KEY is needed, as it keys the log. */
export function openAccessLogFromEnv(env: Record<string, string | undefined> = process.env): AccessLog {
  const key = optionalBlindIndexKey(env);
  if (!key) {
    throw new ConfigError([
      'BLIND_INDEX_KEY is needed to show a case: it keys the access log that records who viewed it',
    ]);
  }
  return openAccessLog({
    ACCESS_LOG_DB_PATH: env.ACCESS_LOG_DB_PATH ?? DEFAULT_ACCESS_LOG_DB,
    ACCESS_LOG_DATABASE_URL: env.ACCESS_LOG_DATABASE_URL || undefined,
    BLIND_INDEX_KEY: key,
  });
}

/** Opens the log, runs `work` with it and closes it again. */
export async function withAccessLog<T>(
  open: () => AccessLog,
  work: (log: AccessLog) => Promise<T>,
): Promise<T> {
  const log = open();
  try {
    return await work(log);
  } finally {
    await log.close();
  }
}

export interface AccessLogCliDeps {
  accessLog?: () => AccessLog;
  staff: Staff | undefined;
  by: string;
  /** Is the case there and in the acting staff member's regions? */
  caseVisible(reference: string): Promise<boolean>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The command's exit code, or undefined when it is not an access log command. */
export async function runAccessLogCommand(
  command: string | undefined,
  args: string[],
  deps: AccessLogCliDeps,
): Promise<number | undefined> {
  if (!command || !ACCESS_LOG_COMMANDS.includes(command)) return undefined;
  const reference = args[0];
  if (!reference || !deps.accessLog) return undefined;
  const { staff } = deps;
  if (!staff || !may(staff, 'inzage_export')) {
    deps.err(
      `Geweigerd: ${deps.by}${staff ? ` (rol ${staff.role})` : ' heeft geen rol (STAFF_ROLES) en'} mag het toegangslog niet inzien; dat is voor de privacyfunctionaris`,
    );
    return 1;
  }
  if (!(await deps.caseVisible(reference))) {
    deps.err(`Geen melding ${reference}`);
    return 1;
  }
  const entries = await withAccessLog(deps.accessLog, (log) => log.ofCase(reference));
  if (entries.length === 0) {
    deps.out(`Toegangslog van ${reference}: nog niemand vastgelegd die de melding inzag.`);
    return 0;
  }
  const t = translator('nl');
  deps.out(`Toegangslog van ${reference}, oudste eerst (${entries.length}):`);
  for (const e of entries) {
    deps.out(
      `  ${formatLocal(e.at)}  ${e.by}  ${t(`accessLog.reasons.${e.reason}`)}${e.detail ? `  (${e.detail})` : ''}`,
    );
  }
  return 0;
}
