/**
 * Builds the real partner-notification activities for tests, against the real peers the test
 * started (SMTP server, Twilio contract mock), with a file delivery log in a temp directory and a
 * logger whose lines the test can inspect (to prove no address or number is ever logged).
 */
import type { WorkerMetrics } from '../config/metrics';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createActivities } from '../activities';
import { createFileDeliveryLog, type DeliveryLog } from '../activities/deliveryLog';
import { createDirectory } from '../activities/directory';
import { createMailSearch } from '../activities/mailSearch';
import { createMailTransport, createTwilioClient } from '../activities/transports';
import type { MeldingActivities, PartnerLinks, PartnerRequestMessage } from '../activities/types';
import { createLogger } from '../config/logger';
import { REGIONS, type RegionConfig } from '../regions';

export const TEST_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const TEST_FROM_NUMBER = '+3197010000000';
export const TEST_MAIL_FROM = 'csg-meldingen@example.org';

/** Stands in for the intake service's signer: deterministic, so retries render the same text. */
export const testLinks: PartnerLinks = {
  actionUrl: ({ meldingRef, requestId, attempt, expiresAt }) =>
    `http://localhost:3000/partner/${encodeURIComponent(meldingRef)}/${requestId}/${attempt}?exp=${expiresAt.getTime()}&sig=test`,
  smsStatusCallbackUrl: ({ meldingRef, requestId, attempt }) =>
    `http://localhost:3000/twilio/status/${encodeURIComponent(meldingRef)}/${requestId}/${attempt}?sig=test`,
};

export interface Harness {
  activities: MeldingActivities;
  deliveryLog: DeliveryLog;
  logDir: string;
  logLines: string[];
}

export function buildHarness(options: {
  smtpPort: number;
  twilioBaseUrl: string;
  logDir?: string;
  leaseMs?: number;
  /** Defaults to the shipped regions. */
  regions?: ReadonlyMap<string, RegionConfig>;
  /** Prometheus counters the activities count into. */
  metrics?: WorkerMetrics;
  /** The relay's message search (maildev's REST API), as SMTP_SEARCH_URL gives the worker. */
  mailSearchUrl?: string;
}): Harness {
  const logDir = options.logDir ?? mkdtempSync(join(tmpdir(), 'csg-deliveries-'));
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const deliveryLog = createFileDeliveryLog({
    directory: logDir,
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
  });
  const activities = createActivities({
    mailTransport: createMailTransport({
      NODE_ENV: 'test',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: options.smtpPort,
      SMTP_SECURE: false,
      SMTP_USER: undefined,
      SMTP_PASSWORD: undefined,
    }),
    mailFrom: TEST_MAIL_FROM,
    twilio: createTwilioClient({
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: 'test-auth-token',
      TWILIO_API_BASE_URL: options.twilioBaseUrl,
    }),
    smsFrom: TEST_FROM_NUMBER,
    directory: createDirectory(options.regions ?? REGIONS),
    deliveryLog,
    links: testLinks,
    logger: createLogger({ level: 'debug', name: 'activity-test' }, sink),
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(options.mailSearchUrl ? { mailSearch: createMailSearch({ baseUrl: options.mailSearchUrl }) } : {}),
  });
  return { activities, deliveryLog, logDir, logLines };
}

/**
 * The victim's details as cases started before they left the message still send them: the
 * activity must never put them into an SMS or email.
 */
function legacyDetails(meldingRef: string) {
  return {
    details: {
      reference: meldingRef,
      kind: 'casemanager_overdracht',
      role: 'casemanager',
      triageWindow: 'binnen_72_uur',
      contact: { name: 'Voorbeeld Persoon', phone: '+31612300000', email: 'slachtoffer@voorbeeld.example' },
      note: 'FMO gecombineerd met medische zorg',
    },
  };
}

let counter = 0;
export function requestFor(overrides: Partial<PartnerRequestMessage> = {}): PartnerRequestMessage {
  counter += 1;
  const meldingRef =
    overrides.meldingRef ?? `CSG-LIM-2026-${String(900000 + counter + (Date.now() % 1000) * 100)}`;
  return {
    meldingRef,
    regionId: 'limburg',
    requestId: 'casemanager_overdracht',
    kind: 'casemanager_overdracht',
    role: 'casemanager',
    tier: 'primary',
    attempt: 1,
    dueBy: '2026-03-12T13:30:00.000Z',
    ...legacyDetails(meldingRef),
    ...overrides,
  };
}
