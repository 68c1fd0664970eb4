/**
 * The privacy commands' service (export, wissen), opened over this machine's stores as the
 * environment names them; the intake service opens the same stores in web/main.ts.
 */
import type { Client } from '@temporalio/client';
import { DEFAULT_CASE_FILE_DB, openCaseFile } from '../caseFile';
import { ConfigError } from '../config/configError';
import { optionalBlindIndexKey } from '../config/env';
import { openAccessLogFromEnv } from './accessLog';
import type { PayloadKeys } from '../config/payloadCodec';
import {
  createCasePrivacy,
  DEFAULT_DELIVERY_LOG_DIR,
  DEFAULT_PRIVACY_DB,
  accessLogOfPrivacy,
  openErasureStore,
  type PrivacyService,
} from '../cases/privacy';

/**
 * The privacy service over this machine's stores (DELIVERY_LOG_DIR, PRIVACY_DB_PATH, MAIL_COPIES_URL); its receipts
 * are keyed with BLIND_INDEX_KEY, which the privacy commands therefore need.
 */
export function openCasePrivacy(
  client: Client,
  payloadKeys: PayloadKeys,
): { service: PrivacyService; close(): void } {
  const receiptKey = optionalBlindIndexKey(process.env);
  if (!receiptKey) {
    throw new ConfigError(['BLIND_INDEX_KEY is needed for export and wissen: it keys the erasure receipt']);
  }
  const erasures = openErasureStore(process.env.PRIVACY_DB_PATH ?? DEFAULT_PRIVACY_DB);
  const caseFile = openCaseFile({
    CASE_FILE_DB_PATH: process.env.CASE_FILE_DB_PATH ?? DEFAULT_CASE_FILE_DB,
    CASE_FILE_DATABASE_URL: process.env.CASE_FILE_DATABASE_URL,
    PAYLOAD_KEYS: payloadKeys,
    BLIND_INDEX_KEY: receiptKey,
  });
  const accessLog = openAccessLogFromEnv();
  const service = createCasePrivacy({
    caseFile,
    client,
    deliveryLogDir: process.env.DELIVERY_LOG_DIR ?? DEFAULT_DELIVERY_LOG_DIR,
    ...(process.env.MAIL_COPIES_URL ? { mailCopiesUrl: process.env.MAIL_COPIES_URL } : {}),
    erasures,
    receiptKey,
    accessLog: accessLogOfPrivacy(accessLog),
  });
  return {
    service,
    close: () => {
      erasures.close();
      void caseFile.close();
      void accessLog.close();
    },
  };
}
