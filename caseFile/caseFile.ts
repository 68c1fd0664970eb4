/**
 * The case file repository: records appended per case, read back in order, erased with the case,
 * pruned per kind past its retention (retention.ts). Over either backend (rows.ts).
 *
 * - The reference is stored only as its keyed hash under BLIND_INDEX_KEY (cases/blindIndex.ts),
 *   with a prefix of its own so it never equals a search index or an erasure receipt's hash. In
 *   clear, a copy of the database would list which references have a file, and references are
 *   what the partners' mail, the delivery log and Temporal are keyed by. The blind-index key is
 *   kept for good (every search index depends on it), so a case's hash never changes.
 * - A record's id is the keyed hash of the reference and the writer's record key: the same write
 *   repeated (an activity retried) finds its id taken and changes nothing.
 * - The data is sealed with the payload keys, bound to the case, kind and time (sealing.ts).
 *   `reseal` moves older records to the current key, so an old key can be retired (docs/privacy.md
 *   says when a payload key may go; a case file record lives far longer than a case's history).
 * - Kind and time stand in clear beside the ciphertext: pruning needs them without any key. They
 *   say that some case had, say, a check-in at that time, not whose.
 */
import { blindIndexOf } from '../cases/blindIndex';
import type { PayloadKeys } from '../config/payloadCodec';
import { CASE_FILE_RECORD_KINDS, isCaseFileRecordKind, type CaseFileRecordKind } from './recordKinds';
import { CASE_FILE_RETENTION, retentionCutoff, type RetentionTerm } from './retention';
import type { RowStore } from './rows';
import { recordSealer } from './sealing';

/** One record of a case file. */
export interface CaseFileRecord {
  /**
   * The writer's key for this record, unique within the case and the same on every retry
   * (e.g. `besluit/<update id>`). Codes and ids only: it is sealed, but names no person.
   */
  key: string;
  kind: CaseFileRecordKind;
  /** When it happened (ISO 8601); retention runs from it. */
  at: string;
  /** What was recorded: JSON, sealed at rest. */
  data: Record<string, unknown>;
}

/** A record past its kind's retention, as pruning lists it: no case, no content. */
export interface ExpiredRecord {
  kind: CaseFileRecordKind;
  at: string;
}

export interface CaseFile {
  /** Adds a record to the case's file; `already_recorded` when its key is there (a retry): unchanged. */
  append(reference: string, record: CaseFileRecord): Promise<'appended' | 'already_recorded'>;
  /** The case's records by time, in the order written where times are equal; empty when none. */
  records(reference: string): Promise<CaseFileRecord[]>;
  /** Removes the case's whole file (erasure); how many records. */
  erase(reference: string): Promise<number>;
  /** The records past their kind's retention at `now`, oldest first per kind. */
  expired(now: Date): Promise<ExpiredRecord[]>;
  /** Removes the records past their kind's retention at `now`; how many per kind (kinds with none left out). */
  prune(now: Date): Promise<Partial<Record<CaseFileRecordKind, number>>>;
  /**
   * Seals every record that is under an older key again under the current one; how many. After
   * it, the older keys are no longer needed by the case file. Safe to stop and run again.
   * `afterBatch` hears the running total after each batch (a command line shows progress).
   */
  reseal(afterBatch?: (resealedSoFar: number) => void): Promise<number>;
  close(): Promise<void>;
}

export interface CaseFileDeps {
  rows: RowStore;
  /** PAYLOAD_KEYS: seal new records with the current key, open older ones with theirs. */
  keys: PayloadKeys;
  /** BLIND_INDEX_KEY: keys the reference and the record ids. */
  indexKey: Buffer;
  retention?: Readonly<Record<CaseFileRecordKind, RetentionTerm>>;
}

/** Bad input from a writer: names the field; nothing was stored. */
export class CaseFileInputError extends Error {
  constructor(field: string, expected: string) {
    super(`case file record: ${field} ${expected}`);
    this.name = 'CaseFileInputError';
  }
}

/** Records re-sealed per round trip to the database. */
const RESEAL_BATCH = 200;

const RECORD_KEY = /^[A-Za-z0-9._:/-]{1,200}$/;

function checked(reference: string, record: CaseFileRecord): { at: string; plain: Buffer } {
  if (typeof reference !== 'string' || reference.length === 0 || reference.length > 100) {
    throw new CaseFileInputError('reference', 'must be a melding reference');
  }
  if (typeof record.key !== 'string' || !RECORD_KEY.test(record.key)) {
    throw new CaseFileInputError('key', 'must be 1-200 letters, digits and . _ : / -');
  }
  if (!isCaseFileRecordKind(record.kind)) {
    throw new CaseFileInputError('kind', `must be one of ${CASE_FILE_RECORD_KINDS.join(', ')}`);
  }
  const at = new Date(record.at);
  if (typeof record.at !== 'string' || Number.isNaN(at.getTime())) {
    throw new CaseFileInputError('at', 'must be an ISO 8601 time');
  }
  if (typeof record.data !== 'object' || record.data === null || Array.isArray(record.data)) {
    throw new CaseFileInputError('data', 'must be an object');
  }
  return { at: at.toISOString(), plain: Buffer.from(JSON.stringify({ key: record.key, data: record.data })) };
}

export function createCaseFile(deps: CaseFileDeps): CaseFile {
  const sealer = recordSealer(deps.keys);
  const retention = deps.retention ?? CASE_FILE_RETENTION;
  const caseIndex = (reference: string) => blindIndexOf(deps.indexKey, `dossier:${reference}`);
  const recordId = (reference: string, key: string) =>
    blindIndexOf(deps.indexKey, `dossierstuk:${JSON.stringify([reference, key])}`);

  return {
    async append(reference, record) {
      const { at, plain } = checked(reference, record);
      const index = caseIndex(reference);
      const { keyId, sealed } = sealer.seal({ caseIndex: index, kind: record.kind, at }, plain);
      const inserted = await deps.rows.insert({
        id: recordId(reference, record.key),
        caseIndex: index,
        kind: record.kind,
        at,
        keyId,
        sealed,
      });
      return inserted ? 'appended' : 'already_recorded';
    },

    async records(reference) {
      const rows = await deps.rows.ofCase(caseIndex(reference));
      return rows.map((row) => {
        const plain = sealer.open(row, row.keyId, row.sealed);
        const { key, data } = JSON.parse(plain.toString('utf8')) as {
          key: string;
          data: Record<string, unknown>;
        };
        // The kind is authenticated by the seal: a row whose kind was altered did not open.
        return { key, kind: row.kind as CaseFileRecordKind, at: row.at, data };
      });
    },

    async erase(reference) {
      return deps.rows.deleteCase(caseIndex(reference));
    },

    async expired(now) {
      const found: ExpiredRecord[] = [];
      for (const kind of CASE_FILE_RECORD_KINDS) {
        const before = retentionCutoff(now, retention[kind]).toISOString();
        for (const row of await deps.rows.olderThan(kind, before)) found.push({ kind, at: row.at });
      }
      return found;
    },

    async prune(now) {
      const removed: Partial<Record<CaseFileRecordKind, number>> = {};
      for (const kind of CASE_FILE_RECORD_KINDS) {
        const count = await deps.rows.deleteOlderThan(
          kind,
          retentionCutoff(now, retention[kind]).toISOString(),
        );
        if (count > 0) removed[kind] = count;
      }
      return removed;
    },

    async reseal(afterBatch) {
      let count = 0;
      for (;;) {
        const batch = await deps.rows.sealedWithOtherKey(sealer.currentKeyId, RESEAL_BATCH);
        if (batch.length === 0) return count;
        for (const row of batch) {
          const { keyId, sealed } = sealer.seal(row, sealer.open(row, row.keyId, row.sealed));
          await deps.rows.reseal(row.id, keyId, sealed);
          count += 1;
        }
        afterBatch?.(count);
      }
    },

    close: () => deps.rows.close(),
  };
}
