/**
 * The one place every process (worker, intake service, CLI, demo, benchmark, fault runs) gets its
 * Temporal connection from. Where Temporal runs (dev server, a self-hosted cluster, Temporal
 * Cloud), how the connection is secured and how payloads are encrypted is configuration read
 * here, never code in the callers: a new setting is added once, in this file, and every process
 * picks it up.
 */
import { readFileSync } from 'node:fs';
import { Client, Connection, type ConnectionOptions, type TLSConfig } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import { z } from 'zod';
import { ConfigError, parseEnv } from './configError';
import { FAILURE_CONVERTER_PATH } from './failureConverter';
import { AesGcmPayloadCodec, type PayloadKeys } from './payloadCodec';

const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;
const PAYLOAD_KEYS_EXPECTED =
  'PAYLOAD_KEYS must be "id:key" pairs separated by commas, each key 32 random bytes in base64 (the last pair seals new payloads; `npm start` generates a development key)';

/**
 * "id:base64key,id:base64key": every key that may still be needed to read stored payloads; the
 * LAST one seals new payloads. Rotation is appending a new pair; an old pair is removed only when
 * no retained history holds a payload sealed with it.
 */
const payloadKeys = z.string({ error: PAYLOAD_KEYS_EXPECTED }).transform((spec, ctx): PayloadKeys => {
  const keys = new Map<string, Buffer>();
  let currentKeyId = '';
  for (const pair of spec.split(',')) {
    const colon = pair.indexOf(':');
    const id = pair.slice(0, colon).trim();
    const encoded = pair.slice(colon + 1).trim();
    const key = Buffer.from(encoded, 'base64');
    if (
      colon < 1 ||
      !KEY_ID.test(id) ||
      key.length !== 32 ||
      key.toString('base64') !== encoded ||
      keys.has(id)
    ) {
      // Never echo the value: it is key material.
      ctx.issues.push({ code: 'custom', message: PAYLOAD_KEYS_EXPECTED, input: '' });
      return z.NEVER;
    }
    keys.set(id, key);
    currentKeyId = id;
  }
  return { currentKeyId, keys };
});

const readablePemFile = (name: string) =>
  z
    .string()
    .min(1)
    .refine(
      (path) => {
        try {
          return readFileSync(path, 'utf8').includes('-----BEGIN');
        } catch {
          return false;
        }
      },
      { message: `${name} must be the path of a readable PEM file` },
    )
    .optional();

export const temporalEnvSchema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('csg-meldingen'),
  PAYLOAD_KEYS: payloadKeys,
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /**
   * Refuse payloads that are not encrypted instead of passing them through; unset: on in
   * production, off elsewhere (histories from before encryption stay readable in development).
   */
  PAYLOAD_CODEC_STRICT: z
    .enum(['true', 'false'], { error: 'PAYLOAD_CODEC_STRICT: expected "true" or "false"' })
    .transform((v) => v === 'true')
    .optional(),
  /** TLS with the system's trusted CAs (Temporal Cloud); implied by any of the TLS files or an API key. */
  TEMPORAL_TLS: z
    .enum(['true', 'false'], { error: 'TEMPORAL_TLS: expected "true" or "false"' })
    .transform((v) => v === 'true')
    .default(false),
  /** The CA that signed the server's certificate (a self-hosted cluster with its own CA). */
  TEMPORAL_TLS_CA: readablePemFile('TEMPORAL_TLS_CA'),
  /** mTLS: this client's certificate and private key; both or neither. */
  TEMPORAL_TLS_CERT: readablePemFile('TEMPORAL_TLS_CERT'),
  TEMPORAL_TLS_KEY: readablePemFile('TEMPORAL_TLS_KEY'),
  /** The name the server's certificate is checked against, when it differs from the address's host. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** Temporal Cloud API key (sent as a bearer token, over TLS). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
});

export type TemporalSettings = z.infer<typeof temporalEnvSchema>;

/** For processes that need only Temporal (CLI, demo, codec server): throws ConfigError. */
export function loadTemporalSettings(
  source: Record<string, string | undefined> = process.env,
): TemporalSettings {
  return parseEnv(temporalEnvSchema, source);
}

export type CodecSettings = Pick<TemporalSettings, 'PAYLOAD_KEYS'> &
  Partial<Pick<TemporalSettings, 'TEMPORAL_NAMESPACE' | 'NODE_ENV' | 'PAYLOAD_CODEC_STRICT'>>;

/** The codec every process (client, worker, codec server) seals and opens payloads with. */
export function payloadCodecFor(settings: CodecSettings): AesGcmPayloadCodec {
  return new AesGcmPayloadCodec(settings.PAYLOAD_KEYS, {
    namespace: settings.TEMPORAL_NAMESPACE ?? 'default',
    strict: settings.PAYLOAD_CODEC_STRICT ?? settings.NODE_ENV === 'production',
  });
}

/**
 * Every payload this deployment writes to Temporal is encrypted with its keys, and so are failure
 * messages and stack traces: by default Temporal stores those in clear text, and an error message
 * can quote what a case holds. With encodeCommonAttributes (config/failureConverter.ts) they
 * travel as a payload through the codec (the codec server decodes them for the Web UI like any
 * other payload). A workflow bundle built ahead of time takes the same path (failureConverterPath).
 */
export function temporalDataConverter(settings: CodecSettings): DataConverter {
  return {
    payloadCodecs: [payloadCodecFor(settings)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}

function tlsConfig(settings: TemporalSettings): TLSConfig | undefined {
  const { TEMPORAL_TLS_CA: ca, TEMPORAL_TLS_CERT: cert, TEMPORAL_TLS_KEY: key } = settings;
  if ((cert === undefined) !== (key === undefined)) {
    throw new ConfigError(['TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY: set both (mTLS) or neither']);
  }
  const wanted =
    settings.TEMPORAL_TLS || ca || cert || settings.TEMPORAL_TLS_SERVER_NAME || settings.TEMPORAL_API_KEY;
  if (!wanted) return undefined;
  return {
    serverNameOverride: settings.TEMPORAL_TLS_SERVER_NAME,
    serverRootCACertificate: ca ? readFileSync(ca) : undefined,
    clientCertPair: cert && key ? { crt: readFileSync(cert), key: readFileSync(key) } : undefined,
  };
}

export function temporalConnectionOptions(
  settings: TemporalSettings,
): ConnectionOptions & NativeConnectionOptions {
  return {
    address: settings.TEMPORAL_ADDRESS,
    tls: tlsConfig(settings),
    apiKey: settings.TEMPORAL_API_KEY,
  };
}

export interface TemporalClientHandle {
  client: Client;
  connection: Connection;
  close(): Promise<void>;
}

/** A client for starting and steering meldingen, encrypting what it sends. */
export async function connectTemporalClient(settings: TemporalSettings): Promise<TemporalClientHandle> {
  const connection = await Connection.connect(temporalConnectionOptions(settings));
  const client = new Client({
    connection,
    namespace: settings.TEMPORAL_NAMESPACE,
    dataConverter: temporalDataConverter(settings),
  });
  return { client, connection, close: () => connection.close() };
}

/** The worker's connection; the worker takes `temporalDataConverter(settings)` as well. */
export function connectTemporalWorker(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect(temporalConnectionOptions(settings));
}
