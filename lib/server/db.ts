import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseEnv } from '@/lib/env';

// One pool and client per process, created on first use: `next build` loads this module
// without a database, and development hot reloads would otherwise open a pool per reload.
const state = globalThis as unknown as { pool?: pg.Pool; prisma?: PrismaClient };

/** The connection pool, shared by Prisma and the PostgreSQL-backed rate limiter. */
export function getPool(): pg.Pool {
  if (!state.pool) {
    const { DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS } = databaseEnv();
    state.pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE, connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS });
    // An idle connection that PostgreSQL closes (a restart, a failover) emits 'error' on the
    // pool; unhandled, that would crash the process. The pool drops the connection and opens
    // a new one on the next request, so logging it is all there is to do.
    state.pool.on('error', (error) => console.error('Idle database connection lost:', error.message));
    releaseOnConnectionLoss(state.pool);
  }
  return state.pool;
}

function client(): PrismaClient {
  // A transaction waits for a connection as long as any other query does (Prisma's own default
  // is 2 s), so that under load requests queue for the pool rather than fail early.
  state.prisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()), transactionOptions: { maxWait: databaseEnv().DATABASE_CONNECT_TIMEOUT_MS } });
  return state.prisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property);
    return typeof value === 'function' ? value.bind(instance) : value;
  },
});

/**
 * Gives a checked-out connection back to the pool as broken when its socket dies. Prisma's pg
 * adapter releases a transaction's connection only after COMMIT or ROLLBACK; when PostgreSQL is
 * stopped in the middle of a transaction the ROLLBACK fails and the connection is never
 * released, so after a restart every slot of the pool stays "in use" and each request waits
 * DATABASE_CONNECT_TIMEOUT_MS in vain (fault:db-restart showed this). Releasing it here, and
 * ignoring the holder's late second release, lets the pool open fresh connections.
 */
export function releaseOnConnectionLoss(pool: pg.Pool): void {
  const held = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => {
    held.add(client);
    // The pool assigns client.release just after this event; wrap it once it is there.
    queueMicrotask(() => {
      const release = client.release;
      client.release = (error?: Error | boolean) => {
        if (held.has(client)) release(error);
      };
    });
  });
  pool.on('release', (_error, client) => held.delete(client));
  pool.on('connect', (client) => {
    const lost = () => {
      const checkedOut = client as pg.PoolClient;
      if (held.has(checkedOut)) checkedOut.release(new Error('Database connection lost'));
    };
    client.on('end', lost);
    client.on('error', lost);
  });
}
