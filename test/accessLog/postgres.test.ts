/**
 * The access log on PostgreSQL (the cluster profile): the contract (contract.ts), each test in a
 * schema of its own; "two writers at once" are two pools, so the advisory lock is what keeps them
 * in one chain. Runs where CSG_TEST_ACCESS_LOG_PG_URL names a PostgreSQL server: `npm run
 * test:cluster` starts one and sets it; elsewhere this file is skipped.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresChain } from '../../accessLog/postgresRows';
import type { ChainStore } from '../../accessLog/rows';
import { accessLogContract } from './contract';

const url = process.env.CSG_TEST_ACCESS_LOG_PG_URL;

(url ? describe : describe.skip)('access log on PostgreSQL', () => {
  accessLogContract(async () => {
    const schema = `toegangslog_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url, options: `-c search_path=${schema}` });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const open = () => openPostgresChain({ connectionString: url, options: `-c search_path=${schema}` });
    const opened: ChainStore[] = [await open()];
    return {
      rows: opened[0]!,
      another: async () => {
        const rows = await open();
        opened.push(rows);
        return rows;
      },
      tamper: async (sql) => {
        await admin.query(sql);
      },
      // Every column of every row, as PostgreSQL would dump it.
      storedBytes: async () => {
        const result = await admin.query<{ row: string }>(
          `SELECT t::text AS row FROM ${schema}.toegangslog t UNION ALL SELECT a::text FROM ${schema}.toegangslog_anker a`,
        );
        return Buffer.from(result.rows.map((r) => r.row).join('\n'));
      },
      dispose: async () => {
        for (const rows of opened) await rows.close().catch(() => undefined);
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  });
});
