import 'server-only';
import type pg from 'pg';
import packageJson from '@/package.json';
import { getPool } from '@/lib/server/db';

export interface Health {
  status: 'ok' | 'degraded';
  database: { ok: boolean; latencyMs: number };
  version: string;
}

/** A load balancer gives up after a few seconds; the check answers "degraded" before that. */
export const DATABASE_TIMEOUT_MS = 2_000;

class Timeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'Timeout';
  }
}

/**
 * Whether the app can serve requests: the database answers `SELECT 1` in time. The detail of a
 * failure goes to the log only, since anyone may call the health endpoint.
 */
export async function checkHealth(pool: pg.Pool = getPool(), timeoutMs = DATABASE_TIMEOUT_MS): Promise<Health> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let ok = true;
  try {
    // The race stops waiting; a query that still hangs is left to the pool's own timeouts.
    await Promise.race([
      pool.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Timeout(timeoutMs)), timeoutMs);
      }),
    ]);
  } catch (error) {
    ok = false;
    console.error('Health check: the database did not answer:', error);
  } finally {
    clearTimeout(timer);
  }
  const latencyMs = Math.round(performance.now() - started);
  return { status: ok ? 'ok' : 'degraded', database: { ok, latencyMs }, version: packageJson.version };
}
