/**
 * Where the rights actions are recorded: who exported or erased which case, when. Into the
 * per-case access log (accessLog/) through `accessLogOfPrivacy`, which also hands the case's
 * entries to the export; or, where no access log is open, a line in the service log.
 *
 * The service log names the case by its receipt hash (receiptHash.ts), never its reference: an
 * erased case must leave its reference nowhere, and log lines cannot be erased one by one. The
 * access log stores the reference only as a keyed hash of its own, so it is given the reference.
 */
import type { AccessEntry, AccessLog } from '../../accessLog';
import type { Logger } from '../../config/logger';

export type PrivacyAction = 'inzage_export' | 'wisverzoek' | 'wissen';

export interface PrivacyAccessEntry {
  action: PrivacyAction;
  by: string;
  /** The case, for the access log (which keeps only its keyed hash); never written to a log line. */
  reference: string;
  referenceHash: string;
  at: string;
}

export interface PrivacyAccessLog {
  /** Awaited: an action that cannot be recorded fails, and its result is not handed out. */
  record(entry: PrivacyAccessEntry): void | Promise<void>;
  /** The case's access log entries, for the export; without it the export says they are not included. */
  ofCase?(reference: string): Promise<AccessEntry[]>;
}

export function loggerAccessLog(logger: Pick<Logger, 'info'>): PrivacyAccessLog {
  return {
    record: ({ reference: _left_out, ...entry }) =>
      logger.info({ privacy: entry }, `privacy: ${entry.action}`),
  };
}

/** The privacy service's entries written into the access log, and its entries read for the export. */
export function accessLogOfPrivacy(log: AccessLog): PrivacyAccessLog {
  return {
    record: (entry) =>
      log.record({ at: entry.at, by: entry.by, reference: entry.reference, reason: entry.action }),
    ofCase: (reference) => log.ofCase(reference),
  };
}
