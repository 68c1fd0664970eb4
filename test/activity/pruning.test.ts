/**
 * The daily pruning activity over the real stores: the delivery log's files, the case file on
 * SQLite and maildev's copies. Per store, an entry just past its retention goes and one just
 * within it stays; the counts are logged and counted per store, without anything of a case.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createTransport } from 'nodemailer';
import { Registry } from 'prom-client';
import { createFileDeliveryLog, type DeliveryKey } from '../../activities/deliveryLog';
import { createPruningActivities, type PrunableStore } from '../../activities/pruning';
import {
  caseFilePrunable,
  deliveryLogPrunable,
  mailCopiesPrunable,
  olderThanPrunable,
} from '../../activities/prunableStores';
import { createCaseFile, type CaseFile } from '../../caseFile';
import { openSqliteRows } from '../../caseFile/sqliteRows';
import { createLogger } from '../../config/logger';
import { createWorkerMetrics } from '../../config/metrics';
import { DELIVERY_LOG_RETENTION, MAIL_COPIES_RETENTION } from '../../config/retention';
import { startMaildev, type Maildev } from '../../testkit/maildev';
import { TEST_BLIND_INDEX_KEY, TEST_PAYLOAD_KEYS } from '../../testkit/temporal';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const REFERENCE = 'CSG-LIM-2026-482913';
const SUBJECT_OLD = `Melding ${REFERENCE}: verzoek (oud)`;
const SUBJECT_NEW = `Melding ${REFERENCE}: verzoek (nieuw)`;

const dir = mkdtempSync(join(tmpdir(), 'csg-pruning-'));
const deliveryDir = join(dir, 'deliveries');
let maildev: Maildev;
let caseFile: CaseFile;
/** The run's time: set so that the retention cutoff of mail copies falls between the two messages. */
let at: Date;

interface RelayMessage {
  id: string;
  subject: string;
  time: string;
}

async function relayMessages(): Promise<RelayMessage[]> {
  return (await (await fetch(`${maildev.webUrl}/email`)).json()) as RelayMessage[];
}

const key = (requestId: string): DeliveryKey => ({
  meldingRef: REFERENCE,
  requestId,
  attempt: 1,
  channel: 'email',
});

beforeAll(async () => {
  maildev = await startMaildev(join(dir, 'mail'));
  const transport = createTransport({
    host: '127.0.0.1',
    port: maildev.smtpPort,
    secure: false,
    ignoreTLS: true,
  });
  const send = (subject: string) =>
    transport.sendMail({ from: 'csg@example.org', to: 'zeden@politie.example', subject, text: 'Verzoek' });
  await send(SUBJECT_OLD);
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  await send(SUBJECT_NEW);
  const received = await relayMessages();
  const timeOf = (subject: string) => new Date(received.find((m) => m.subject === subject)!.time).getTime();
  at = new Date((timeOf(SUBJECT_OLD) + timeOf(SUBJECT_NEW)) / 2 + MAIL_COPIES_RETENTION.days * DAY);

  // The delivery log, written as the activities write it, at times around its cutoff.
  const cutoff = at.getTime() - DELIVERY_LOG_RETENTION.days * DAY;
  let clock = 0;
  const log = createFileDeliveryLog({ directory: deliveryDir, now: () => clock });
  const sentAt = async (requestId: string, claimed: number, finished: number) => {
    clock = claimed;
    await log.claim(key(requestId));
    clock = finished;
    await log.markSent(key(requestId), `<${requestId}@relay>`);
  };
  await sentAt('verzoek-buiten', cutoff - 2 * MINUTE, cutoff - MINUTE); // past: goes
  await sentAt('verzoek-binnen', cutoff - 2 * DAY, cutoff + MINUTE); // finished within: stays
  clock = cutoff - MINUTE; // claimed, never finished, past: goes
  await log.claim(key('verzoek-onaf'));
  clock = at.getTime() - DAY;
  await log.claim(key('verzoek-onaf-recent')); // claimed yesterday: stays

  // The case file on SQLite, with records around the WGBO's 20 years.
  caseFile = createCaseFile({
    rows: openSqliteRows(join(dir, 'case-file.db')),
    keys: TEST_PAYLOAD_KEYS,
    indexKey: TEST_BLIND_INDEX_KEY,
  });
  const twentyYearsBefore = new Date(at.getTime());
  twentyYearsBefore.setUTCFullYear(twentyYearsBefore.getUTCFullYear() - 20);
  const record = (recordKey: string, kind: 'intake' | 'checkin', time: number) =>
    caseFile.append(REFERENCE, {
      key: recordKey,
      kind,
      at: new Date(time).toISOString(),
      data: { note: recordKey },
    });
  await record('intake', 'intake', twentyYearsBefore.getTime() - MINUTE);
  await record('checkin/1', 'checkin', twentyYearsBefore.getTime() - MINUTE);
  await record('checkin/2', 'checkin', twentyYearsBefore.getTime() + MINUTE);
});

afterAll(async () => {
  await maildev?.stop();
  await caseFile?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('each store loses exactly what is past its retention; counted and logged per store, no case in the log', async () => {
  const registry = new Registry();
  const metrics = createWorkerMetrics(registry);
  const lines: string[] = [];
  const logger = createLogger(
    { level: 'info', name: 'worker' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const { opschonen } = createPruningActivities({
    stores: [
      deliveryLogPrunable(deliveryDir, DELIVERY_LOG_RETENTION),
      caseFilePrunable(caseFile),
      mailCopiesPrunable({ baseUrl: maildev.webUrl, retention: MAIL_COPIES_RETENTION }),
    ],
    logger,
    metrics,
  });

  const report = await opschonen({ at: at.toISOString() });

  expect(report).toEqual({
    at: at.toISOString(),
    removed: { bezorglog: 2, dossier: 2, mailkopieen: 1 },
  });
  // What is left, read back through each store's own reader.
  const log = createFileDeliveryLog({ directory: deliveryDir });
  expect(await log.read(key('verzoek-buiten'))).toBeUndefined();
  expect(await log.read(key('verzoek-onaf'))).toBeUndefined();
  expect((await log.read(key('verzoek-binnen')))?.state).toBe('sent');
  expect((await log.read(key('verzoek-onaf-recent')))?.state).toBe('sending');
  expect(readdirSync(deliveryDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  expect((await caseFile.records(REFERENCE)).map((r) => r.key)).toEqual(['checkin/2']);
  expect((await relayMessages()).map((m) => m.subject)).toEqual([SUBJECT_NEW]);

  const counted = (await registry.getSingleMetric('csg_pruned_total')!.get()).values;
  expect(Object.fromEntries(counted.map((v) => [v.labels.store, v.value]))).toEqual({
    bezorglog: 2,
    dossier: 2,
    mailkopieen: 1,
  });
  const logged = lines.map((l) => JSON.parse(l) as { store?: string; removed?: number });
  expect(logged.filter((l) => l.store).map((l) => [l.store, l.removed])).toEqual([
    ['bezorglog', 2],
    ['dossier', 2],
    ['mailkopieen', 1],
  ]);
  expect(lines.join('')).not.toContain(REFERENCE);

  // A second run the same day finds nothing more, and says so with zeros.
  expect((await opschonen({ at: at.toISOString() })).removed).toEqual({
    bezorglog: 0,
    dossier: 0,
    mailkopieen: 0,
  });
});

test('a store that fails does not keep the others from being pruned; the run fails naming it, for a retry', async () => {
  const registry = new Registry();
  const metrics = createWorkerMetrics(registry);
  const pruned: string[] = [];
  const store = (name: string, fails = false): PrunableStore => ({
    name,
    async prune() {
      if (fails) throw new Error('disk full');
      pruned.push(name);
      return 3;
    },
  });
  const { opschonen } = createPruningActivities({
    stores: [store('eerste'), store('kapot', true), store('laatste')],
    logger: createLogger({ level: 'silent', name: 'worker' }),
    metrics,
  });
  await expect(opschonen({ at: '2026-11-30T03:15:00.000Z' })).rejects.toThrow('failed for kapot');
  expect(pruned).toEqual(['eerste', 'laatste']);
  const failed = (await registry.getSingleMetric('csg_pruning_failed_total')!.get()).values;
  expect(failed.map((v) => [v.labels.store, v.value])).toEqual([['kapot', 1]]);
});

test('a run without a valid time changes nothing and is not retried', async () => {
  const prune = jest.fn(async () => 0);
  const { opschonen } = createPruningActivities({
    stores: [{ name: 'bezorglog', prune }],
    logger: createLogger({ level: 'silent', name: 'worker' }),
  });
  await expect(opschonen({ at: 'gisteren' })).rejects.toMatchObject({ nonRetryable: true });
  expect(prune).not.toHaveBeenCalled();
});

test('a store that prunes by its own cutoff gets now less its term', async () => {
  const cutoffs: Date[] = [];
  const store = olderThanPrunable('toegangslog', { days: 30, basis: 'test' }, async (cutoff) => {
    cutoffs.push(cutoff);
    return 7;
  });
  expect(await store.prune(new Date('2026-11-30T03:15:00.000Z'))).toBe(7);
  expect(cutoffs.map((c) => c.toISOString())).toEqual(['2026-10-31T03:15:00.000Z']);
});
