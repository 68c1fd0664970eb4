/**
 * The one place every process (worker, intake service, CLI, demo, benchmark, fault runs) gets its
 * Temporal connection from. Where Temporal runs (dev server, a self-hosted cluster, Temporal
 * Cloud) and how payloads are encoded is configuration read here, never code in the callers:
 * a new setting is added once, in this file, and every process picks it up.
 */
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import { z } from 'zod';

export const temporalEnvSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('csg-meldingen'),
});

export type TemporalSettings = z.infer<typeof temporalEnvSchema>;

/** How payloads are encoded for this deployment (the payload codec goes here). */
export function temporalDataConverter(_settings: TemporalSettings): DataConverter | undefined {
  return undefined;
}

function connectionOptions(settings: TemporalSettings): ConnectionOptions & NativeConnectionOptions {
  return { address: settings.TEMPORAL_ADDRESS };
}

export interface TemporalClientHandle {
  client: Client;
  connection: Connection;
  close(): Promise<void>;
}

/** A client for starting and steering meldingen, with the deployment's data converter. */
export async function connectTemporalClient(settings: TemporalSettings): Promise<TemporalClientHandle> {
  const connection = await Connection.connect(connectionOptions(settings));
  const client = new Client({
    connection,
    namespace: settings.TEMPORAL_NAMESPACE,
    dataConverter: temporalDataConverter(settings),
  });
  return { client, connection, close: () => connection.close() };
}

/** The worker's connection; the worker takes `temporalDataConverter(settings)` as well. */
export function connectTemporalWorker(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(settings));
}
