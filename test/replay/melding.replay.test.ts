/**
 * Replays recorded histories of real runs against today's workflow code. A change that would
 * break a running case (nondeterminism) fails here, in CI, instead of in production. Put pathway
 * changes behind `patched()` and record new histories with `npx tsx test/replay/record.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { RecordInCaseFileInput } from '../../activities/caseFileActivities';
import { CASE_FILE_RECORD_KINDS } from '../../caseFile';
import { ENCRYPTED_ENCODING } from '../../config/payloadCodec';
import { TEST_DATA_CONVERTER } from '../../testkit/temporal';
import { workflowBundle } from '../../testkit/workflowBundle';

const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function load(file: string) {
  const stored = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { workflowId: string; history: string };
  return {
    workflowId: stored.workflowId,
    history: temporal.api.history.v1.History.decode(Buffer.from(stored.history, 'base64')),
  };
}

beforeAll(() => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process.
  }
});

const replayOptions = async () => ({
  workflowBundle: await workflowBundle(),
  dataConverter: TEST_DATA_CONVERTER,
});
const encryptedFiles = files.filter((f) => f.endsWith('.encrypted.json'));

function workflowInput(file: string) {
  const started = load(file).history.events?.[0]?.workflowExecutionStartedEventAttributes;
  return started?.input?.payloads?.[0];
}

test('there are recorded histories to replay, plain and encrypted', () => {
  expect(files.length).toBeGreaterThanOrEqual(8);
  expect(encryptedFiles.length).toBeGreaterThanOrEqual(4);
});

test.each(encryptedFiles)('%s holds the case data only as ciphertext', (file) => {
  expect(Buffer.from(workflowInput(file)!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
  // The history's bytes as the server stores them: no intake field name or value is readable.
  const stored = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { history: string };
  const bytes = Buffer.from(stored.history, 'base64');
  for (const plain of ['Maastricht', 'contactPreferences', 'municipality', 'meldingRef']) {
    expect(bytes.includes(plain)).toBe(false);
  }
});

test('corrected values reach the history only as ciphertext (update inputs and answers)', () => {
  const stored = JSON.parse(readFileSync(join(dir, 'correcties-overgedragen.encrypted.json'), 'utf8')) as {
    history: string;
  };
  const bytes = Buffer.from(stored.history, 'base64');
  // The corrections were recorded (their update names are plain), their values are not.
  expect(bytes.includes('correctMunicipality')).toBe(true);
  for (const plain of ['Nijmegen', '31612399999', 'victimAge', 'invoerfout']) {
    expect(bytes.includes(plain)).toBe(false);
  }
});

test.each(files)('%s replays without nondeterminism', async (file) => {
  const { workflowId, history } = load(file);
  await Worker.runReplayHistory(await replayOptions(), history, workflowId);
});

/** The inputs a recorded case scheduled an activity with, decoded as the activity received them. */
async function scheduledInputs<T extends object>(file: string, activityType: string): Promise<T[]> {
  const codec = TEST_DATA_CONVERTER.payloadCodecs![0]!;
  const inputs: T[] = [];
  for (const event of load(file).history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== activityType) continue;
    const [payload] = await codec.decode(scheduled.input!.payloads! as Payload[]);
    inputs.push(defaultPayloadConverter.fromPayload<T>(payload!));
  }
  return inputs;
}

/** The partner requests a recorded case sent. */
const sentPartnerRequests = (file: string) => scheduledInputs<object>(file, 'sendPartnerRequest');

/**
 * Both sides of the patch partner-request-without-details are recorded: cases started before it
 * still send the victim's details in the message (and replay so), cases started after it do not.
 */
test('partner requests carry the details before partner-request-without-details, and none after', async () => {
  const before = await sentPartnerRequests('acute-afgerond.encrypted.json');
  expect(before.length).toBeGreaterThan(0);
  expect(before.every((m) => 'details' in m)).toBe(true);
  const after = await sentPartnerRequests('partnerbericht-zonder-gegevens.encrypted.json');
  expect(after.length).toBeGreaterThan(0);
  expect(after.some((m) => 'details' in m)).toBe(false);
});

/**
 * Both sides of the patch case-file-records are recorded: cases from before it wrote no case
 * file; a case after it writes every kind of milestone, each key once, in the order they happened.
 */
test('a case before case-file-records writes no case file; a case after it writes each milestone once', async () => {
  expect(await scheduledInputs(files[0]!, 'recordInCaseFile')).toEqual([]);
  const written = await scheduledInputs<RecordInCaseFileInput>(
    'dossier-mijlpalen.encrypted.json',
    'recordInCaseFile',
  );
  expect(new Set(written.map((w) => w.record.kind))).toEqual(new Set(CASE_FILE_RECORD_KINDS));
  const keys = written.map((w) => w.record.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.slice(0, 2)).toEqual(['intake', 'triage']);
  expect(keys.at(-1)).toBe('afsluiting');
  expect(written.at(-1)!.record.data).toMatchObject({
    closing: { outcome: 'gesloten', reason: 'zorg_elders' },
  });
});

/**
 * A case on tasks (patch requests-as-tasks): a decline, plans and outcomes were taken as task
 * steps, and its semester record counts the FMO reported done, not the medical care not done.
 */
test('a case on tasks records its steps and counts what was done', async () => {
  const file = 'taken-afwijzen-uitgevoerd.encrypted.json';
  const stored = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { history: string };
  const bytes = Buffer.from(stored.history, 'base64');
  expect(bytes.includes('recordTaskStep')).toBe(true);
  // The appointment's place reaches the history only as ciphertext.
  expect(bytes.includes('Politiebureau')).toBe(false);
  const [written] = await scheduledInputs<{ record: { fmo: boolean; medicalCare: boolean } }>(
    file,
    'writeReportRecord',
  );
  expect(written!.record).toMatchObject({ fmo: true, medicalCare: false });
});

/**
 * The guard itself: a history that no longer matches the code (here the pathway once scheduled a
 * different activity at this point, as unpatched new code would look to a running case) must fail
 * the replay. Without this, a replay test that silently passed everything would look the same.
 */
test('a history the code no longer matches fails the replay', async () => {
  const { workflowId, history } = load(files[0]!);
  const scheduled = history.events?.find((e) => e.activityTaskScheduledEventAttributes);
  expect(scheduled).toBeDefined();
  scheduled!.activityTaskScheduledEventAttributes!.activityType = { name: 'sendPartnerRequestOld' };
  await expect(Worker.runReplayHistory(await replayOptions(), history, workflowId)).rejects.toThrow(
    /nondetermin/i,
  );
});
