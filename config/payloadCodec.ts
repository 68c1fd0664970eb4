/**
 * Payload encryption for everything the melding workflow stores in Temporal: workflow input (the
 * intake with the victim's details), results, signals, updates, queries and activity arguments.
 * The Temporal server, its database and the Web UI see only ciphertext; a person reads a case
 * decoded only through the codec server (workers/codecServer.ts) with an ops credential.
 *
 * AES-256-GCM, a fresh random 96-bit nonce per payload (never reused under one key), and the id of
 * the key in the payload's metadata: new payloads are sealed with the current key while payloads
 * sealed with an older key stay readable for as long as that key is configured. That is what lets
 * keys rotate under cases that run for months.
 *
 * Binding: the associated data of the AES-GCM tag names the key id, the namespace and, when the
 * SDK says which workflow a payload belongs to, that workflow's id; a payload copied into another
 * namespace or another case does not open there. The SDK (1.24, experimental) hands the codec a
 * SerializationContext with the namespace and workflow id on the client and the worker; the codec
 * server gets only the namespace (the Web UI's X-Namespace header), so it checks the workflow id
 * sealed into the payload's metadata against the tag, not against a case it could not know.
 * Payloads sealed before binding (no binding metadata) open with the key id alone.
 *
 * Strict mode (PAYLOAD_CODEC_STRICT, on in production): a payload that is not encrypted is refused
 * instead of passed through, so plain data planted in a history never reaches a worker or a person.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
/** Present on bound payloads: the version of the associated data's layout. */
export const BINDING_METADATA = 'encryption-binding';
/** The workflow id a bound payload was sealed for (the melding reference: no personal data). */
export const WORKFLOW_ID_METADATA = 'encryption-workflow-id';
const BINDING_VERSION = '1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKeys {
  /** Id of the key that seals new payloads. */
  currentKeyId: string;
  /** Every key that may still be needed to open stored payloads, by id (32 bytes each). */
  keys: ReadonlyMap<string, Buffer>;
}

export interface PayloadCodecOptions {
  /** The namespace payloads are sealed for when the caller names none (the configured one). */
  namespace?: string;
  /** Refuse payloads that are not encrypted (production) instead of passing them through. */
  strict?: boolean;
}

/**
 * Whose payload this is: the SDK's SerializationContext (workflow or activity) fits this shape; the
 * codec server passes the namespace alone.
 */
export interface CodecScope {
  namespace: string;
  workflowId?: string;
}

/** A codec that can be told whose payloads it handles (the codec server's view of it). */
export interface ScopedPayloadCodec {
  encode(payloads: Payload[], scope?: CodecScope): Promise<Payload[]>;
  decode(payloads: Payload[], scope?: CodecScope): Promise<Payload[]>;
}

/**
 * Workflows a Schedule starts get the action's id with a timestamp appended, and the SDK seals
 * their arguments under the action's id: such an id is the sealed one plus "-<suffix>".
 */
function sameWorkflow(sealedFor: string, openedIn: string): boolean {
  return openedIn === sealedFor || openedIn.startsWith(`${sealedFor}-`);
}

function boundData(keyId: string, namespace: string, workflowId: string | undefined): Buffer {
  return Buffer.from(JSON.stringify(['csg-payload', BINDING_VERSION, keyId, namespace, workflowId ?? null]));
}

/** Refused to open: unknown key id, or the ciphertext or its metadata was tampered with. */
export class PayloadDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadDecryptionError';
  }
}

const utf8 = (value: string) => new TextEncoder().encode(value);

/**
 * The payload of null or undefined, as the SDK's converters write it: the encoding binary/null
 * without data, or json/plain holding just `null`; no other metadata.
 */
function isNull(payload: Payload): boolean {
  const metadata = payload.metadata ?? {};
  const encodingBytes = metadata[METADATA_ENCODING_KEY];
  if (Object.keys(metadata).length !== 1 || encodingBytes === undefined) return false;
  const encoding = Buffer.from(encodingBytes).toString('utf8');
  const data = Buffer.from(payload.data ?? new Uint8Array()).toString('utf8');
  return (encoding === 'binary/null' && data === '') || (encoding === 'json/plain' && data === 'null');
}

export class AesGcmPayloadCodec implements PayloadCodec, ScopedPayloadCodec {
  private readonly currentKey: Buffer;
  private readonly namespace: string;
  private readonly strict: boolean;

  constructor(
    private readonly keys: PayloadKeys,
    options: PayloadCodecOptions = {},
  ) {
    this.namespace = options.namespace ?? 'default';
    this.strict = options.strict ?? false;
    const current = keys.keys.get(keys.currentKeyId);
    if (!current) throw new Error(`the current payload key "${keys.currentKeyId}" is not among the keys`);
    for (const [id, key] of keys.keys) {
      if (key.length !== 32) throw new Error(`payload key "${id}" must be 32 bytes (AES-256)`);
    }
    this.currentKey = current;
  }

  async encode(payloads: Payload[], scope?: CodecScope): Promise<Payload[]> {
    const namespace = scope?.namespace ?? this.namespace;
    const workflowId = scope?.workflowId;
    return payloads.map((payload) => {
      // A null carries nothing to protect, and sealed it hides what Temporal must see: the server
      // drops a memo field set to null only when it reads null, and the Web UI shows a sealed
      // null as ciphertext even after decoding (it takes a decoded null for "not decoded").
      if (isNull(payload)) return payload;
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.currentKey, nonce);
      // Key id, namespace and workflow are bound into the tag: a payload cannot be relabelled to
      // another key, nor opened in another namespace or case.
      cipher.setAAD(boundData(this.keys.currentKeyId, namespace, workflowId));
      const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: utf8(this.keys.currentKeyId),
          [BINDING_METADATA]: utf8(BINDING_VERSION),
          ...(workflowId !== undefined ? { [WORKFLOW_ID_METADATA]: utf8(workflowId) } : {}),
        },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[], scope?: CodecScope): Promise<Payload[]> {
    const namespace = scope?.namespace ?? this.namespace;
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || Buffer.from(encoding).toString('utf8') !== ENCRYPTED_ENCODING) {
        // Histories written before encryption was switched on hold plain payloads: readable unless
        // strict. A null is never sealed (see encode), so it passes in either mode.
        if (this.strict && !isNull(payload)) {
          throw new PayloadDecryptionError('plain (unencrypted) payload refused: the codec is strict');
        }
        return payload;
      }
      const keyIdBytes = payload.metadata?.[KEY_ID_METADATA];
      if (!keyIdBytes) throw new PayloadDecryptionError('encrypted payload without a key id');
      const keyId = Buffer.from(keyIdBytes).toString('utf8');
      const key = this.keys.keys.get(keyId);
      if (!key) {
        throw new PayloadDecryptionError(
          `payload sealed with key "${keyId}", which is not configured (PAYLOAD_KEYS)`,
        );
      }
      const sealed = Buffer.from(payload.data ?? new Uint8Array());
      if (sealed.length < NONCE_BYTES + TAG_BYTES)
        throw new PayloadDecryptionError('encrypted payload too short');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
      decipher.setAAD(this.associatedData(payload, keyId, namespace, scope?.workflowId));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([
          decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new PayloadDecryptionError(
          `payload under key "${keyId}" failed authentication (tampered, or sealed for another namespace?)`,
        );
      }
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }

  /**
   * The associated data a payload was sealed with: the key id alone before binding; with binding,
   * also the namespace it is opened in and the workflow id it names (which must be the one it is
   * opened for, when the SDK says so).
   */
  private associatedData(
    payload: Payload,
    keyId: string,
    namespace: string,
    openedIn: string | undefined,
  ): Buffer {
    const binding = payload.metadata?.[BINDING_METADATA];
    if (!binding) return Buffer.from(keyId, 'utf8');
    if (Buffer.from(binding).toString('utf8') !== BINDING_VERSION) {
      throw new PayloadDecryptionError('encrypted payload with an unknown binding version');
    }
    const sealedForBytes = payload.metadata?.[WORKFLOW_ID_METADATA];
    const sealedFor = sealedForBytes ? Buffer.from(sealedForBytes).toString('utf8') : undefined;
    if (sealedFor !== undefined && openedIn !== undefined && !sameWorkflow(sealedFor, openedIn)) {
      throw new PayloadDecryptionError(`payload sealed for workflow "${sealedFor}", not "${openedIn}"`);
    }
    return boundData(keyId, namespace, sealedFor);
  }
}

/** A fresh random key, as base64 (what the install script writes for development). */
export function generatePayloadKey(): string {
  return randomBytes(32).toString('base64');
}
