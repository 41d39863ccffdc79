// Production instances of the app for the benchmark and fault scripts: `next build` when there
// is no build yet, then `next start` processes on loopback with the environment they need.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/lib/embedded-db';
import { sleep } from './stats';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const nextBin = path.join(projectRoot, 'node_modules', '.bin', 'next');
const nextScript = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Builds the app unless a build exists (BENCH_BUILD=1 forces one). Benchmarks measure the
 * production build, never `next dev`; rebuild after changing the app.
 */
export function ensureBuild(): void {
  if (existsSync(path.join(projectRoot, '.next', 'BUILD_ID')) && process.env.BENCH_BUILD !== '1') return;
  console.log('next build …');
  const build = spawnSync(nextBin, ['build'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error('next build failed');
}

/** The ids of the build's server actions by exported name, e.g. `saveAnswerAction`. */
export function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[entry.exportedName] ??= id;
  return ids;
}

export interface AppInstance {
  /** http://127.0.0.1:<port>: requests and the Origin of server actions use the same host. */
  url: string;
  port: number;
  process: ChildProcess;
  /** The last lines the server printed, to show when something fails. */
  log: string[];
  stop(): Promise<void>;
}

/**
 * One secret for every instance started by this process: a server action's id and closed-over
 * values are encrypted with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and Auth.js signs with
 * AUTH_SECRET, so instances behind one address must share both.
 */
const sharedSecrets = {
  AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64'),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
};

/** Whether `taskset` (util-linux) can pin a process to a core here. */
export const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/**
 * `nodeArgs` go to Node itself, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
 * `cpu` pins the instance to that core with `taskset` (ignored when taskset is missing).
 */
export async function startApp(options: { databaseUrl: string; port?: number; env?: Record<string, string>; nodeArgs?: string[]; cpu?: number }): Promise<AppInstance> {
  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const nodeArgs = options.nodeArgs ?? process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const command = [process.execPath, ...nodeArgs, nextScript, 'start', '-p', String(port), '-H', '127.0.0.1'];
  // taskset execs the command, so the child's pid is the server's and signals reach it.
  if (options.cpu !== undefined && canPin) command.unshift('taskset', '-c', String(options.cpu));
  const child = spawn(command[0]!, command.slice(1), {
    cwd: projectRoot,
    env: {
      ...process.env,
      ...sharedSecrets,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:2626',
      APP_URL: `http://localhost:${port}`,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - 200));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  // Ready when the CSRF route answers: it touches neither the database nor a rate limit.
  for (const deadline = Date.now() + 60_000; ; await sleep(250)) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log.join('\n')}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${log.join('\n')}`);
    }
    try {
      if ((await fetch(`${url}/api/auth/csrf`)).ok) break;
    } catch {
      // not listening yet
    }
  }
  return { url, port, process: child, log, stop };
}
