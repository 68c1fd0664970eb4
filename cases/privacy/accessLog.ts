/**
 * Where the rights actions are recorded: who exported or erased which case, when. Today a line in
 * the service log; the per-case access log, once it exists, implements this interface instead.
 *
 * The case is named by its receipt hash (receiptHash.ts), not its reference: an erased case must
 * leave its reference nowhere, and log lines are kept apart from the case and cannot be erased one
 * by one.
 */
import type { Logger } from '../../config/logger';

export type PrivacyAction = 'inzage_export' | 'wisverzoek' | 'wissen';

export interface PrivacyAccessEntry {
  action: PrivacyAction;
  by: string;
  referenceHash: string;
  at: string;
}

export interface PrivacyAccessLog {
  record(entry: PrivacyAccessEntry): void;
}

export function loggerAccessLog(logger: Pick<Logger, 'info'>): PrivacyAccessLog {
  return { record: (entry) => logger.info({ privacy: entry }, `privacy: ${entry.action}`) };
}
