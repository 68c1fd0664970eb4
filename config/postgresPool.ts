/**
 * A pool on a PostgreSQL database whose tables are created on first open, under an advisory lock,
 * so that processes starting together (a worker, the intake service, the codec server) do not race
 * on them. The connection's error fails the open; the pool is then closed.
 */
import { Pool, type PoolClient, type PoolConfig } from 'pg';

export async function openPostgresPool(
  config: PoolConfig,
  schema: { lock: number; ddl: string },
): Promise<Pool> {
  const pool = new Pool({ max: 4, ...config });
  try {
    await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [schema.lock]);
      await client.query(schema.ddl);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

/** Runs `work` in a transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
