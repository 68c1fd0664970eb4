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
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface PayloadKeys {
  /** Id of the key that seals new payloads. */
  currentKeyId: string;
  /** Every key that may still be needed to open stored payloads, by id (32 bytes each). */
  keys: ReadonlyMap<string, Buffer>;
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

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly currentKey: Buffer;

  constructor(private readonly keys: PayloadKeys) {
    const current = keys.keys.get(keys.currentKeyId);
    if (!current) throw new Error(`the current payload key "${keys.currentKeyId}" is not among the keys`);
    for (const [id, key] of keys.keys) {
      if (key.length !== 32) throw new Error(`payload key "${id}" must be 32 bytes (AES-256)`);
    }
    this.currentKey = current;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      // A null carries nothing to protect, and sealed it hides what Temporal must see: the server
      // drops a memo field set to null only when it reads null, and the Web UI shows a sealed
      // null as ciphertext even after decoding (it takes a decoded null for "not decoded").
      if (isNull(payload)) return payload;
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.currentKey, nonce);
      // The key id is bound into the tag, so a payload cannot be relabelled to another key.
      cipher.setAAD(Buffer.from(this.keys.currentKeyId, 'utf8'));
      const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: utf8(this.keys.currentKeyId),
        },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      // Histories written before encryption was switched on hold plain payloads: still readable.
      if (!encoding || Buffer.from(encoding).toString('utf8') !== ENCRYPTED_ENCODING) return payload;
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
      decipher.setAAD(Buffer.from(keyId, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([
          decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new PayloadDecryptionError(`payload under key "${keyId}" failed authentication (tampered?)`);
      }
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

/** A fresh random key, as base64 (what the install script writes for development). */
export function generatePayloadKey(): string {
  return randomBytes(32).toString('base64');
}
