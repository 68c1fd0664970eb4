/**
 * Temporal environments for tests, always on the binaries installed in .tools/ (no downloads).
 * - time-skipping: the Java test server; timers of days pass in milliseconds.
 * - dev server: the real Temporal CLI dev server on free ports, with our search attributes.
 */
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalDataConverter } from '../config/temporal';
import * as sa from '../workflows/searchAttributes';
import { temporalCliPath, temporalTestServerPath } from './tools';

export const ALL_SEARCH_ATTRIBUTES = [
  sa.CsgRegion,
  sa.CsgPhase,
  sa.CsgTriageWindow,
  sa.CsgAwaitedParty,
  sa.CsgAwaitedSince,
  sa.CsgAwaitedDeadline,
  sa.CsgEscalationLevel,
  sa.CsgHandoverOpenSince,
  sa.CsgCoordinatorAwaited,
  sa.CsgDeliveryFailed,
  sa.CsgZoekIndex,
  sa.CsgGekoppeld,
  sa.CsgOvergedragenNaar,
  sa.CsgCasemanager,
  sa.CsgCasusoverleg,
];

/**
 * Tests encrypt every payload as production does, with keys that live only in test code. Two
 * keys: payloads are sealed with the second; the first shows an older key stays readable.
 */
export const TEST_PAYLOAD_KEYS = {
  currentKeyId: 'test-b',
  keys: new Map([
    ['test-a', Buffer.alloc(32, 0xa1)],
    ['test-b', Buffer.alloc(32, 0xb2)],
  ]),
};
export const TEST_DATA_CONVERTER = temporalDataConverter({ PAYLOAD_KEYS: TEST_PAYLOAD_KEYS });
/** The same keys in the form of the PAYLOAD_KEYS variable, for processes a test starts. */
export const TEST_PAYLOAD_KEYS_ENV = [...TEST_PAYLOAD_KEYS.keys]
  .map(([id, key]) => `${id}:${key.toString('base64')}`)
  .join(',');

/** The blind-index key of tests; like the payload keys, it lives only in test code. */
export const TEST_BLIND_INDEX_KEY = Buffer.alloc(32, 0xc3);
/** The same key in the form of the BLIND_INDEX_KEY variable, for processes a test starts. */
export const TEST_BLIND_INDEX_KEY_ENV = TEST_BLIND_INDEX_KEY.toString('base64');

const V = temporal.api.enums.v1.IndexedValueType;
const INDEXED_TYPE: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: V.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.KEYWORD_LIST]: V.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  [SearchAttributeType.DATETIME]: V.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.INT]: V.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.BOOL]: V.INDEXED_VALUE_TYPE_BOOL,
};

/**
 * The time-skipping server knows no custom search attributes until they are added through the
 * operator API. `interceptors` wrap the environment's client calls (the workflow harness bounds
 * updates and queries with them).
 */
export async function createTimeSkippingEnv(
  options: { interceptors?: WorkflowClientInterceptor[] } = {},
): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    client: {
      dataConverter: TEST_DATA_CONVERTER,
      ...(options.interceptors ? { interceptors: { workflow: options.interceptors } } : {}),
    },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      ALL_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_TYPE[key.type]!]),
    ),
  });
  return env;
}

/**
 * The dev server on free ports, or, when CSG_TEST_TEMPORAL_ADDRESS is set (`npm run test:cluster`),
 * the Temporal cluster already running there: the same tests then prove the same behaviour on the
 * real server with PostgreSQL, with nothing in the test changed.
 */
export function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  const cluster = process.env.CSG_TEST_TEMPORAL_ADDRESS;
  if (cluster) {
    return TestWorkflowEnvironment.createFromExistingServer({
      address: cluster,
      namespace: 'default',
      client: { dataConverter: TEST_DATA_CONVERTER },
    });
  }
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      extraArgs: ['--log-level', 'error'],
    },
    client: { dataConverter: TEST_DATA_CONVERTER },
  });
}
