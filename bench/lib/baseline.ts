// What this machine does without the app's logic, so that the burst's figures compare across
// machines: PostgreSQL inserting one answer-like row per transaction, and Next.js serving a
// route that does no database work, both at the burst's concurrency.
import pg from 'pg';
import { get } from './client';
import { hammer, type Summary } from './stats';

/** Single-row INSERTs (autocommit, so one WAL flush each, like a save) into a scratch table, through a pool of `poolSize`. */
export async function postgresInsertRate(databaseUrl: string, options: { concurrency: number; poolSize: number; seconds: number }): Promise<Summary> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize });
  const table = `bench_insert_${process.pid}`;
  await pool.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${table} (LIKE "Answer" INCLUDING DEFAULTS)`);
  // Unlogged would skip the WAL flush a real commit waits for; make it an ordinary table again.
  await pool.query(`ALTER TABLE ${table} SET LOGGED`);
  let n = 0;
  try {
    return await hammer(options.concurrency, options.seconds, async () => {
      const i = n++;
      await pool.query(
        `INSERT INTO ${table} (id, "responseId", "proposalId", stance, comment, confidential, version, "updatedAt") VALUES ($1, $2, $3, 'OPPOSE', $4, false, 1, now())`,
        [`row-${i}`, `response-${i % 200}`, `proposal-${i % 31}`, `Bemærkning ${i} fra en organisation.`],
      );
      return true;
    });
  } finally {
    await pool.query(`DROP TABLE ${table}`);
    await pool.end();
  }
}

/** GET /api/auth/csrf: through Next.js and the middleware, no database and no rate limit. */
export const trivialRouteRate = (base: string, options: { concurrency: number; seconds: number }) =>
  hammer(options.concurrency, options.seconds, async () => (await get(base, '/api/auth/csrf')).status === 200);
