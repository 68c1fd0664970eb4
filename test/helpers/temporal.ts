/**
 * Temporal environments for tests, always on the binaries installed in .tools/ (no downloads).
 * - time-skipping: the Java test server; timers of days pass in milliseconds.
 * - dev server: the real Temporal CLI dev server on free ports, with our search attributes.
 */
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import * as sa from '../../workflows/searchAttributes';
import { temporalCliPath, temporalTestServerPath } from './tools';

export const ALL_SEARCH_ATTRIBUTES = [
  sa.CsgRegion,
  sa.CsgPhase,
  sa.CsgTriageWindow,
  sa.CsgAwaitedParty,
  sa.CsgAwaitedSince,
  sa.CsgAwaitedDeadline,
  sa.CsgEscalationLevel,
];

const V = temporal.api.enums.v1.IndexedValueType;
const INDEXED_TYPE: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: V.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.DATETIME]: V.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.INT]: V.INDEXED_VALUE_TYPE_INT,
};

/** The time-skipping server knows no custom search attributes until they are added through the operator API. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      ALL_SEARCH_ATTRIBUTES.map((key) => [key.name, INDEXED_TYPE[key.type]!]),
    ),
  });
  return env;
}

export function createDevServerEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: ALL_SEARCH_ATTRIBUTES,
      extraArgs: ['--log-level', 'error'],
    },
  });
}
