/**
 * The access log in PostgreSQL, for the cluster profile (ACCESS_LOG_DATABASE_URL).
 *
 * Appends are serialised across every process that writes (two intake services, the codec server,
 * the command line): each append is one transaction that first takes a transaction-level advisory
 * lock (`pg_advisory_xact_lock(CHAIN_LOCK)`), then reads the chain's tip, links the new entry to it
 * and inserts it. The lock is released by the commit, so the next writer reads a tip that includes
 * this entry. `seq` is the primary key as well: were the lock ever bypassed, a second entry at the
 * same place fails instead of forking the chain. Pruning takes the same lock.
 */
import type { PoolClient, PoolConfig } from 'pg';
import { inTransaction, openPostgresPool } from '../config/postgresPool';
import type { ChainAnchor, ChainRow, ChainStore, ChainTip } from './rows';

/** Any fixed numbers: the locks for the tables' creation and for the chain itself. */
const SCHEMA_LOCK = 7_513_001;
const CHAIN_LOCK = 7_513_002;

interface Row {
  seq: string;
  at: Date;
  by: string;
  case_index: string | null;
  reason: string;
  detail: string | null;
  prev: string;
  hash: string;
}

const COLUMNS = 'seq, at, by, case_index, reason, detail, prev, hash';
const toChainRow = (r: Row): ChainRow => ({
  seq: Number(r.seq),
  at: r.at.toISOString(),
  by: r.by,
  caseIndex: r.case_index,
  reason: r.reason,
  detail: r.detail,
  prev: r.prev,
  hash: r.hash,
});

const DDL = `
  CREATE TABLE IF NOT EXISTS toegangslog (
    seq BIGINT PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    by TEXT NOT NULL,
    case_index TEXT,
    reason TEXT NOT NULL,
    detail TEXT,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS toegangslog_per_melding ON toegangslog (case_index, seq);
  CREATE TABLE IF NOT EXISTS toegangslog_anker (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    mac TEXT NOT NULL
  );
`;

async function anchorOf(client: Pick<PoolClient, 'query'>): Promise<ChainAnchor | undefined> {
  const found = await client.query<{ seq: string; hash: string; mac: string }>(
    'SELECT seq, hash, mac FROM toegangslog_anker WHERE id = 1',
  );
  const row = found.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash, mac: row.mac } : undefined;
}

async function tipOf(client: PoolClient): Promise<ChainTip | undefined> {
  const last = await client.query<{ seq: string; hash: string }>(
    'SELECT seq, hash FROM toegangslog ORDER BY seq DESC LIMIT 1',
  );
  const row = last.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : anchorOf(client);
}

export async function openPostgresChain(config: PoolConfig): Promise<ChainStore> {
  const pool = await openPostgresPool(config, { lock: SCHEMA_LOCK, ddl: DDL });
  const locked = <T>(work: (client: PoolClient) => Promise<T>) =>
    inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      return work(client);
    });

  return {
    async append(link) {
      await locked(async (client) => {
        const row = link(await tipOf(client));
        await client.query(`INSERT INTO toegangslog (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          row.seq,
          row.at,
          row.by,
          row.caseIndex,
          row.reason,
          row.detail,
          row.prev,
          row.hash,
        ]);
      });
    },
    async ofCase(caseIndex) {
      const result = await pool.query<Row>(
        `SELECT ${COLUMNS} FROM toegangslog WHERE case_index = $1 ORDER BY seq`,
        [caseIndex],
      );
      return result.rows.map(toChainRow);
    },
    async page(afterSeq, limit) {
      const result = await pool.query<Row>(
        `SELECT ${COLUMNS} FROM toegangslog WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [afterSeq, limit],
      );
      return result.rows.map(toChainRow);
    },
    anchor: () => anchorOf(pool),
    async pruneBefore(before, anchorFor) {
      return locked(async (client) => {
        const first = await client.query<{ seq: string }>(
          'SELECT seq FROM toegangslog WHERE at >= $1 ORDER BY seq LIMIT 1',
          [before],
        );
        const upTo = first.rows[0] ? Number(first.rows[0].seq) : Number.MAX_SAFE_INTEGER;
        const last = await client.query<{ seq: string; hash: string }>(
          'SELECT seq, hash FROM toegangslog WHERE seq < $1 ORDER BY seq DESC LIMIT 1',
          [upTo],
        );
        const removedLast = last.rows[0];
        if (!removedLast) return 0;
        const kept = anchorFor({ seq: Number(removedLast.seq), hash: removedLast.hash });
        await client.query(
          'INSERT INTO toegangslog_anker (id, seq, hash, mac) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, mac = EXCLUDED.mac',
          [kept.seq, kept.hash, kept.mac],
        );
        return (await client.query('DELETE FROM toegangslog WHERE seq < $1', [upTo])).rowCount ?? 0;
      });
    },
    async close() {
      await pool.end();
    },
  };
}
