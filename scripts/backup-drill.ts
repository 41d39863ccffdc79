// npm run ops:backup-drill: proves that a backup of the database can be restored. Dumps
// DATABASE_URL with pg_dump -Fc (the format operators should keep), restores the dump into a
// fresh scratch database with pg_restore, compares every table of both by row count and a hash
// of its content, prints the comparison and the times, and drops the scratch database again.
// Exits non-zero on any difference. Needs pg_dump and pg_restore of the server's major version.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { resolveDatabase } from './lib/database';

interface TableState {
  rows: number;
  hash: string;
}

/**
 * The libpq arguments for a database: the URL without its password (which would show in the
 * process list) and the password in the environment. Prisma's own `schema` parameter is not libpq's.
 */
function libpq(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  parsed.searchParams.delete('schema');
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status})`);
  return performance.now() - started;
}

/**
 * A client of this process: here the password may stay in the URL, as it shows on no command line.
 * (node-postgres lets a connection string's fields override a separate `password` option.)
 */
function clientFor(url: string, database?: string): pg.Client {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  if (database) parsed.pathname = `/${database}`;
  return new pg.Client({ connectionString: parsed.toString() });
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Row count and content hash of every table outside PostgreSQL's own schemas. Rows are hashed
 * in the order of their text form, so the physical order a restore leaves them in does not count.
 */
async function tableStates(url: string): Promise<Map<string, TableState>> {
  const client = clientFor(url);
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        ORDER BY 1, 2`,
    );
    const states = new Map<string, TableState>();
    for (const { schema, name } of tables) {
      const table = `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
      const { rows } = await client.query<{ rows: string; hash: string }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS hash FROM ${table} t`,
      );
      states.set(`${schema}.${name}`, { rows: Number(rows[0]!.rows), hash: rows[0]!.hash });
    }
    return states;
  } finally {
    await client.end();
  }
}

/** Runs `statement` (CREATE/DROP DATABASE) on the server's maintenance database. */
async function onServer(url: string, statement: string): Promise<void> {
  const client = clientFor(url, 'postgres');
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const database = await resolveDatabase();
const scratchName = `bh_drill_${Date.now().toString(36)}_${process.pid}`;
const scratchUrl = (() => {
  const url = new URL(database.url);
  url.pathname = `/${scratchName}`;
  return url.toString();
})();
const workDir = mkdtempSync(path.join(tmpdir(), 'backup-drill-'));
const dumpFile = path.join(workDir, 'backup.dump');
let differences = 0;
let created = false;
try {
  const source = libpq(database.url);
  const dumpMs = run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${dumpFile}`, `--dbname=${source.dbname}`], source.env);
  await onServer(database.url, `CREATE DATABASE ${quoteIdentifier(scratchName)}`);
  created = true;
  const target = libpq(scratchUrl);
  // pg_restore inserts with COPY and creates triggers after the data, so the audit log's
  // append-only trigger (which refuses UPDATE, DELETE and TRUNCATE) does not stand in the way.
  const restoreMs = run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.dbname}`, dumpFile], target.env);

  const [before, after] = await Promise.all([tableStates(database.url), tableStates(scratchUrl)]);
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const width = Math.max(...names.map((name) => name.length), 5);
  console.log(`\n${'Table'.padEnd(width)}  ${'Rows'.padStart(8)}  ${'Restored'.padStart(8)}  Content`);
  for (const name of names) {
    const [original, restored] = [before.get(name), after.get(name)];
    const same = original !== undefined && restored !== undefined && original.rows === restored.rows && original.hash === restored.hash;
    if (!same) differences += 1;
    const verdict = !original ? 'only in the restore' : !restored ? 'missing in the restore' : same ? 'identical' : 'DIFFERENT';
    console.log(`${name.padEnd(width)}  ${String(original?.rows ?? '–').padStart(8)}  ${String(restored?.rows ?? '–').padStart(8)}  ${verdict}`);
  }
  const totalRows = [...before.values()].reduce((sum, state) => sum + state.rows, 0);
  console.log(`\nDump: ${seconds(dumpMs)} (${(statSync(dumpFile).size / 1024).toFixed(0)} KiB), restore: ${seconds(restoreMs)}; ${names.length} tables, ${totalRows} rows.`);
  console.log(differences === 0 ? 'The restore is identical to the database.' : `${differences} table(s) differ: the backup cannot be trusted.`);
} catch (error) {
  differences += 1;
  console.error(`Backup drill failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (created) await onServer(database.url, `DROP DATABASE IF EXISTS ${quoteIdentifier(scratchName)} WITH (FORCE)`);
  rmSync(workDir, { recursive: true, force: true });
  await database.stop();
}
process.exit(differences === 0 ? 0 : 1);
