/**
 * The access log repository (NEN 7513): who saw which victim's details, when and why. Append-only:
 * there is no way to change or remove one entry, only to prune the oldest past their retention
 * (retention.ts). Tamper-evident: entries are chained by keyed hashes (chain.ts) and `verify`
 * names the first place where the chain breaks. Over either backend (rows.ts).
 *
 * - The case is stored only as its keyed hash under BLIND_INDEX_KEY, with a prefix of its own
 *   (never equal to the case file's, a search index or an erasure receipt's): `ofCase(reference)`
 *   finds its entries, but a copy of the database does not list references.
 * - Who, when, why and the detail stand in clear: codes and staff ids, never a victim's details.
 * - What the chain cannot show: entries cut from its newest end leave no broken link. The service
 *   log line each writer makes beside it (and a backup) is what catches that.
 */
import { blindIndexOf } from '../cases/blindIndex';
import { anchorMac, chainKey, chainStart, CHAIN_START, entryHash, firstBreak } from './chain';
import type { ChainRow, ChainStore } from './rows';

export const ACCESS_REASONS = [
  'casuspagina',
  'partnerlink',
  'decode',
  'temporal_ui',
  'api',
  'inzage_export',
  'wisverzoek',
  'wissen',
  'cli',
] as const;
export type AccessReason = (typeof ACCESS_REASONS)[number];

export interface AccessEntry {
  at: string;
  by: string;
  reference?: string;
  reason: AccessReason;
  detail?: string;
}

export type Verification = { ok: true; entries: number } | { ok: false; brokenAt: number; entries: number };

export interface AccessLog {
  record(entry: AccessEntry): Promise<void>;
  ofCase(reference: string): Promise<AccessEntry[]>;
  verify(): Promise<Verification>;
  /** Removes entries past their retention; how many. */
  pruneOlderThan(cutoff: Date): Promise<number>;
  close(): Promise<void>;
}

/** Bad input from a writer: names the field; nothing was stored. */
export class AccessLogInputError extends Error {
  constructor(field: string, expected: string) {
    super(`access log entry: ${field} ${expected}`);
    this.name = 'AccessLogInputError';
  }
}

const BY = /^[A-Za-z0-9._:@-]{1,100}$/;
const DETAIL = /^[^\p{Cc}]{1,200}$/u;
const REFERENCE = /^[A-Za-z0-9._-]{1,100}$/;
/** Rows read per round trip while verifying. */
const VERIFY_PAGE = 500;

function checked(entry: AccessEntry): Omit<ChainRow, 'seq' | 'prev' | 'hash' | 'caseIndex'> {
  const at = new Date(entry.at);
  if (typeof entry.at !== 'string' || Number.isNaN(at.getTime())) {
    throw new AccessLogInputError('at', 'must be an ISO 8601 time');
  }
  if (typeof entry.by !== 'string' || !BY.test(entry.by)) {
    throw new AccessLogInputError('by', 'must be a staff id (1-100 letters, digits and . _ : @ -)');
  }
  if (!(ACCESS_REASONS as readonly string[]).includes(entry.reason)) {
    throw new AccessLogInputError('reason', `must be one of ${ACCESS_REASONS.join(', ')}`);
  }
  if (
    entry.reference !== undefined &&
    (typeof entry.reference !== 'string' || !REFERENCE.test(entry.reference))
  ) {
    throw new AccessLogInputError('reference', 'must be a melding reference');
  }
  if (entry.detail !== undefined && (typeof entry.detail !== 'string' || !DETAIL.test(entry.detail))) {
    throw new AccessLogInputError('detail', 'must be 1-200 characters on one line');
  }
  return { at: at.toISOString(), by: entry.by, reason: entry.reason, detail: entry.detail ?? null };
}

export interface AccessLogDeps {
  rows: ChainStore;
  /** BLIND_INDEX_KEY: keys the case's hash and (derived) the chain. */
  indexKey: Buffer;
}

export function createAccessLog(deps: AccessLogDeps): AccessLog {
  const key = chainKey(deps.indexKey);
  const caseIndex = (reference: string) => blindIndexOf(deps.indexKey, `toegangslog:${reference}`);

  return {
    async record(entry) {
      const fields = checked(entry);
      const index = entry.reference === undefined ? null : caseIndex(entry.reference);
      await deps.rows.append((tip) => {
        const linked = {
          ...fields,
          caseIndex: index,
          seq: (tip?.seq ?? 0) + 1,
          prev: tip?.hash ?? CHAIN_START,
        };
        return { ...linked, hash: entryHash(key, linked) };
      });
    },

    async ofCase(reference) {
      const rows = await deps.rows.ofCase(caseIndex(reference));
      return rows.map((row) => ({
        at: row.at,
        by: row.by,
        reference,
        reason: row.reason as AccessReason,
        ...(row.detail === null ? {} : { detail: row.detail }),
      }));
    },

    async verify() {
      const start = chainStart(key, await deps.rows.anchor());
      // An anchor nobody with the key wrote: the chain's start itself is not to be trusted.
      if (start === 'forged_anchor') return { ok: false, brokenAt: 0, entries: 0 };
      let tip = start;
      let entries = 0;
      for (;;) {
        const rows = await deps.rows.page(tip.seq, VERIFY_PAGE);
        if (rows.length === 0) return { ok: true, entries };
        const walked = firstBreak(key, tip, rows);
        if ('brokenAt' in walked) {
          return {
            ok: false,
            brokenAt: walked.brokenAt,
            entries: entries + rows.filter((r) => r.seq < walked.brokenAt).length,
          };
        }
        entries += rows.length;
        tip = walked.tip;
      }
    },

    async pruneOlderThan(cutoff) {
      if (Number.isNaN(cutoff.getTime())) throw new AccessLogInputError('cutoff', 'must be a valid time');
      return deps.rows.pruneBefore(cutoff.toISOString(), (last) => ({ ...last, mac: anchorMac(key, last) }));
    },

    close: () => deps.rows.close(),
  };
}
