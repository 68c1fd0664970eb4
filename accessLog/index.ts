/**
 * The access log: per case, who saw the victim's details, when and why (NEN 7513), kept beyond
 * Temporal's retention for its own term (retention.ts). Append-only and hash-chained
 * (accessLog.ts, chain.ts).
 *
 * One repository over two backends, as the case file (caseFile/): SQLite in the dev profile
 * (ACCESS_LOG_DB_PATH, a file under `.data/`), PostgreSQL in the cluster profile
 * (ACCESS_LOG_DATABASE_URL, which wins when set). Every writer serialises its appends on the
 * chain's lock (sqliteRows.ts, postgresRows.ts), so two intake processes on one PostgreSQL keep one
 * chain.
 *
 * Who writes (each front end is handed the log; none opens it itself): the case page and its JSON
 * API (web/), the partner link page, the command line's case view, the codec server's decode and
 * its Temporal UI proxy (codec/), and the privacy service's export and erasure (cases/privacy/).
 */
import { deferredStore } from '../config/deferredStore';
import { createAccessLog, type AccessLog } from './accessLog';
import { openPostgresChain } from './postgresRows';
import type { ChainStore } from './rows';
import { openSqliteChain } from './sqliteRows';

export {
  ACCESS_REASONS,
  AccessLogInputError,
  createAccessLog,
  type AccessEntry,
  type AccessLog,
  type AccessReason,
  type Verification,
} from './accessLog';
export { ACCESS_LOG_RETENTION, accessLogCutoff, type AccessLogRetention } from './retention';

export const DEFAULT_ACCESS_LOG_DB = '.data/access-log.db';

export interface AccessLogSettings {
  /** SQLite file (dev profile). */
  ACCESS_LOG_DB_PATH: string;
  /** PostgreSQL connection string (cluster profile); when set, the SQLite file is not used. */
  ACCESS_LOG_DATABASE_URL?: string | undefined;
  BLIND_INDEX_KEY: Buffer;
}

/**
 * The access log of these settings. Synchronous, like openCaseFile: a PostgreSQL backend connects
 * (and creates its tables) in the background, and the first call waits for it.
 */
export function openAccessLog(settings: AccessLogSettings): AccessLog {
  const rows = settings.ACCESS_LOG_DATABASE_URL
    ? deferredStore<ChainStore>(openPostgresChain({ connectionString: settings.ACCESS_LOG_DATABASE_URL }), [
        'append',
        'ofCase',
        'page',
        'anchor',
        'pruneBefore',
      ])
    : openSqliteChain(settings.ACCESS_LOG_DB_PATH);
  return createAccessLog({ rows, indexKey: settings.BLIND_INDEX_KEY });
}
