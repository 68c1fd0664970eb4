/**
 * A case file record's data, encrypted at rest with the payload keys (config/payloadCodec.ts):
 * AES-256-GCM, a fresh random 96-bit nonce per record, the id of the sealing key stored beside
 * the record so the keys rotate as for payloads (new records under the current key, older ones
 * readable while their key is configured).
 *
 * The associated data binds the ciphertext to where it stands: a label of its own (so a Temporal
 * payload cannot pass for a record, nor a record for a payload), the key id, the case (by the
 * keyed hash of its reference, caseFile.ts) and the record's kind and time. A record copied to
 * another case, or relabelled to another kind or time (say, to dodge its retention), fails
 * authentication instead of being read.
 *
 * The case's keyed hash rather than the reference itself: it binds the record to the case just as
 * firmly (another reference has another hash, and nobody forges one without BLIND_INDEX_KEY), and
 * it is what the row holds, so records can be re-sealed under a new key without knowing their
 * references (`reseal`): a record kept 20 years outlives any payload key, which must be retired
 * some day.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadKeys } from '../config/payloadCodec';

const LABEL = 'csg-dossierstuk/1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Where a record stands: what its ciphertext is bound to. */
export interface RecordPlace {
  /** The case's keyed hash (caseFile.ts). */
  caseIndex: string;
  kind: string;
  /** ISO 8601, as stored. */
  at: string;
}

/** Refused to open: unknown key id, or the record was tampered with or moved. */
export class CaseFileDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseFileDecryptionError';
  }
}

const associatedData = (keyId: string, place: RecordPlace) =>
  Buffer.from(JSON.stringify([LABEL, keyId, place.caseIndex, place.kind, place.at]), 'utf8');

export interface Sealer {
  /** The id of the key that seals new records. */
  readonly currentKeyId: string;
  seal(place: RecordPlace, plain: Buffer): { keyId: string; sealed: Buffer };
  open(place: RecordPlace, keyId: string, sealed: Buffer): Buffer;
}

export function recordSealer(keys: PayloadKeys): Sealer {
  const current = keys.keys.get(keys.currentKeyId);
  if (!current) throw new Error(`the current payload key "${keys.currentKeyId}" is not among the keys`);
  for (const [id, key] of keys.keys) {
    if (key.length !== 32) throw new Error(`payload key "${id}" must be 32 bytes (AES-256)`);
  }
  return {
    currentKeyId: keys.currentKeyId,
    seal(place, plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, nonce);
      cipher.setAAD(associatedData(keys.currentKeyId, place));
      const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { keyId: keys.currentKeyId, sealed };
    },
    open(place, keyId, sealed) {
      const key = keys.keys.get(keyId);
      if (!key) {
        throw new CaseFileDecryptionError(
          `case file record sealed with key "${keyId}", which is not configured (PAYLOAD_KEYS)`,
        );
      }
      if (sealed.length < NONCE_BYTES + TAG_BYTES) {
        throw new CaseFileDecryptionError('case file record too short');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
      decipher.setAAD(associatedData(keyId, place));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new CaseFileDecryptionError(
          `case file record under key "${keyId}" failed authentication (tampered with, or moved to another case)`,
        );
      }
    },
  };
}
