// Prisma CLI configuration. The CLI talks to PostgreSQL through the `pg` driver adapter and
// Prisma's bundled WebAssembly schema engine, so migrate/generate need no engine download
// (our build machines reach only the npm registry). The subclass below mends three defects of
// @prisma/adapter-pg 6.19 that break the schema engine (see README, "Database toolchain").
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

// Catalog columns of type "char" (18) and name (19) are rejected by the adapter's type mapping
// (prisma/prisma#27403); they are plain text to the schema engine.
const CATALOG_TEXT_TYPES = new Set([18, 19]);
const TEXT_OID = 25;

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PerformIO = (query: unknown) => Promise<pg.QueryResult | pg.QueryResult[]>;

let patched = false;
function patchQueryable(adapter: Adapter): Adapter {
  if (patched) return adapter;
  // performIO lives on the shared base class of the adapter and its transactions.
  const base = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as { performIO: PerformIO };
  const original = base.performIO;
  base.performIO = async function (this: unknown, query: unknown) {
    const result = await original.call(this, query);
    for (const set of Array.isArray(result) ? result : [result]) {
      for (const field of set?.fields ?? []) {
        if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      }
    }
    return result;
  };
  patched = true;
  return adapter;
}

/** Migration scripts contain functions with `;` inside; send them whole instead of split. */
function wholeScripts(adapter: Adapter, pool: pg.Pool): Adapter {
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

function connectionConfig(): pg.PoolConfig {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. Run Prisma through `npm run prisma -- <command>` to use the embedded database.');
  const parsed = new URL(url);
  // Host/port/user/database, never `connectionString`: the adapter's shadow database would
  // otherwise connect to the main database because the URL wins over `database`.
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1),
  };
}

class OfflinePrismaPg extends PrismaPg {
  constructor(private readonly pgConfig: pg.PoolConfig) {
    super(pgConfig);
  }

  override async connect() {
    const pool = new pg.Pool(this.pgConfig);
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    return wholeScripts(patchQueryable(adapter), pool);
  }

  // Creates and drops the shadow database itself: the adapter drops it while its own pool
  // still holds connections ("is being accessed by other users").
  override async connectToShadowDb() {
    const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client(this.pgConfig);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const pool = new pg.Pool({ ...this.pgConfig, database });
    const adapter = await new PrismaPg(pool).connect();
    adapter.dispose = async () => {
      await pool.end();
      const dropper = new pg.Client(this.pgConfig);
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await dropper.end();
    };
    return wholeScripts(patchQueryable(adapter), pool);
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => new OfflinePrismaPg(connectionConfig()),
});
