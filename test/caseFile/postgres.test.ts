/**
 * The case file on PostgreSQL (the cluster profile): the repository's contract (contract.ts), each
 * test in a schema of its own. Runs where CSG_TEST_CASE_FILE_PG_URL names a PostgreSQL server:
 * `npm run test:cluster` starts one and sets it; elsewhere this file is skipped.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresRows } from '../../caseFile/postgresRows';
import { caseFileContract } from './contract';

const url = process.env.CSG_TEST_CASE_FILE_PG_URL;

(url ? describe : describe.skip)('case file on PostgreSQL', () => {
  caseFileContract(async () => {
    const schema = `dossier_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const rows = await openPostgresRows({ connectionString: url, options: `-c search_path=${schema}` });
    return {
      rows,
      // Every column of every row, as PostgreSQL would dump it (bytea as hex).
      storedBytes: async () => {
        const result = await admin.query<{ row: string }>(
          `SELECT t::text AS row FROM ${schema}.dossierstukken t`,
        );
        return Buffer.from(result.rows.map((r) => r.row).join('\n'));
      },
      dispose: async () => {
        await rows.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  });
});
