/**
 * The privacy service over the stores that hold cases: Temporal, the delivery log and, when handed
 * in, the case file (caseFile/). The command line and the web service build it the same way, from
 * the same settings (DELIVERY_LOG_DIR, PRIVACY_DB_PATH, BLIND_INDEX_KEY, and for the case file
 * CASE_FILE_DB_PATH or CASE_FILE_DATABASE_URL with PAYLOAD_KEYS).
 *
 * Mail copies: the worker keeps none (it hands each message to the relay or Twilio and records only
 * the delivery log entry). A relay the system runs itself (maildev in development) keeps them:
 * with MAIL_COPIES_URL its copies are a store too (mailCopiesStore.ts).
 */
import type { Client } from '@temporalio/client';
import type { CaseFile } from '../../caseFile';
import { caseFromFile } from '../caseFromFile';
import { caseState } from '../../workflows/messages';
import type { PrivacyAccessLog } from './accessLog';
import { caseFileCaseStore } from './caseFileStore';
import type { CaseStore } from './caseStores';
import { deliveryLogCaseStore } from './deliveryLogStore';
import { mailCopiesCaseStore } from './mailCopiesStore';
import type { ErasureStore } from './erasureStore';
import { createPrivacyService, type PrivacyService } from './privacyService';
import { isNotFound, temporalCaseStore } from './temporalStore';

export { accessLogOfPrivacy, loggerAccessLog, type PrivacyAccessLog } from './accessLog';
export { DEFAULT_PRIVACY_DB, openErasureStore, type ErasureReceipt, type ErasureStore } from './erasureStore';
export { exportDocument } from './exportDocument';
export { receiptHash } from './receiptHash';
export type { CaseExport, PrivacyService } from './privacyService';

export const DEFAULT_DELIVERY_LOG_DIR = '.data/deliveries';

export interface CasePrivacyDeps {
  client: Client;
  deliveryLogDir: string;
  /** MAIL_COPIES_URL: the REST API of a relay the system runs itself (maildev); unset in production. */
  mailCopiesUrl?: string;
  /** The case file (caseFile/, CASE_FILE_DB_PATH or CASE_FILE_DATABASE_URL); without it the export says it is not included. */
  caseFile?: CaseFile;
  erasures: ErasureStore;
  receiptKey: Buffer;
  accessLog: PrivacyAccessLog;
  now?: () => Date;
}

export function createCasePrivacy(deps: CasePrivacyDeps): PrivacyService {
  const stores: CaseStore[] = [
    temporalCaseStore(deps.client),
    deliveryLogCaseStore(deps.deliveryLogDir),
    ...(deps.mailCopiesUrl ? [mailCopiesCaseStore({ baseUrl: deps.mailCopiesUrl })] : []),
    ...(deps.caseFile ? [caseFileCaseStore(deps.caseFile)] : []),
  ];
  return createPrivacyService({
    async regionsOf(reference) {
      try {
        return await deps.client.withDeadline(Date.now() + 15_000, () =>
          deps.client.workflow.getHandle(reference).query(caseState),
        );
      } catch (error) {
        if (!isNotFound(error)) throw error;
        // Deleted from Temporal after its retention: the region as the case file last recorded it.
        return deps.caseFile ? caseFromFile(await deps.caseFile.records(reference))?.state : undefined;
      }
    },
    stores,
    erasures: deps.erasures,
    receiptKey: deps.receiptKey,
    accessLog: deps.accessLog,
    ...(deps.now ? { now: deps.now } : {}),
  });
}
