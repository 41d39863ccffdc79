// npm run ops:shutdown-drill [-- --short]: starts `npm start` as a process manager would (own
// process group, own embedded PostgreSQL data folder, free ports), sends one signal to one of its
// processes and checks that every process of the tree has exited and every port it listened on
// is free again. Cases: SIGTERM and SIGINT to npm (which passes them only to its direct child), SIGTERM
// to the scripts/start.ts process and to the web server. --short runs SIGTERM to npm only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './lib/database';
import { freePort } from './lib/embedded-db';

type Target = 'npm' | 'start.ts' | 'next server';
const CASES: { signal: NodeJS.Signals; target: Target }[] = [
  { signal: 'SIGTERM', target: 'npm' },
  { signal: 'SIGINT', target: 'npm' },
  { signal: 'SIGTERM', target: 'start.ts' },
  { signal: 'SIGTERM', target: 'next server' },
];
const cases = process.argv.includes('--short') ? CASES.slice(0, 1) : CASES;
const START_TIMEOUT_MS = 600_000;
const STOP_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Proc {
  pid: number;
  ppid: number;
  command: string;
}

function processes(): Proc[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
        return [{ pid: Number(entry), ppid, command }];
      } catch {
        return [];
      }
    });
}

/** The process and everything below it. */
function tree(root: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  const visit = (pid: number) => {
    for (const child of all.filter((p) => p.ppid === pid)) {
      found.push(child);
      visit(child.pid);
    }
  };
  const self = all.find((p) => p.pid === root);
  if (self) found.push(self);
  visit(root);
  return found;
}

/** TCP ports the processes listen on, from their sockets' inodes in /proc/net/tcp{,6}. */
function listeningPorts(pids: number[]): number[] {
  const inodes = new Set<string>();
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const link = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' });
        const match = /^socket:\[(\d+)\]$/.exec(link);
        if (match) inodes.add(match[1]!);
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT" in hex; state 0A is LISTEN; field 9 is the inode.
      if (fields[3] === '0A' && inodes.has(fields[9]!)) ports.add(parseInt(fields[1]!.split(':')[1]!, 16));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

const portTaken = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

function targetPid(all: Proc[], npmPid: number, target: Target): number | undefined {
  const below = (p: Proc) => p.pid !== npmPid;
  switch (target) {
    case 'npm':
      return npmPid;
    case 'start.ts':
      return all.find((p) => below(p) && p.command.includes('scripts/start.ts'))?.pid;
    case 'next server':
      return all.find((p) => below(p) && /next(-server| start)/.test(p.command))?.pid;
  }
}

/** The environment of a developer's `npm start`: embedded database, local mail catcher, local address. */
function localEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['DATABASE_URL', 'SMTP_URL', 'APP_URL', 'MAIL_CATCHER_URL']) delete env[name];
  return env;
}

async function startApp(dataDir: string, port: number): Promise<{ npm: ChildProcess; output: () => string }> {
  let output = '';
  // Detached: a group of its own, as under a process manager, so that the signal reaches only the chosen process.
  const npm = spawn('npm', ['start'], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: localEnv({ PORT: String(port), EMBEDDED_DATABASE_DIR: dataDir }),
  });
  npm.stdout!.on('data', (chunk) => (output += chunk));
  npm.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not serve within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0);
    if (health === 200) return { npm, output: () => output };
    await sleep(500);
  }
}

// The data folder one level down: run as root, the folder's parent is handed to the postgres user.
const workDir = mkdtempSync(path.join(os.tmpdir(), 'bh-shutdown-drill-'));
const dataDir = path.join(workDir, 'postgres');
let failures = 0;
console.log('Signal   To           Processes  Ports                         Stopped in  Result');
try {
  for (const { signal, target } of cases) {
    const port = await freePort();
    const { npm, output } = await startApp(dataDir, port);
    const before = tree(npm.pid!);
    const ports = listeningPorts(before.map((p) => p.pid));
    const pid = targetPid(before, npm.pid!, target);
    const problems: string[] = [];
    if (pid === undefined) problems.push(`no ${target} process in ${JSON.stringify(before.map((p) => p.command))}`);
    for (const expected of ['postgres', 'scripts/start.ts']) {
      if (!before.some((p) => p.command.includes(expected))) problems.push(`no ${expected} process before the signal`);
    }
    if (!ports.includes(port)) problems.push(`the web server's port ${port} is not among ${ports.join(', ')}`);
    const started = Date.now();
    if (pid !== undefined) process.kill(pid, signal);
    while (Date.now() - started < STOP_TIMEOUT_MS && before.some((p) => alive(p.pid))) await sleep(200);
    const elapsed = Date.now() - started;
    const left = before.filter((p) => alive(p.pid));
    if (left.length) problems.push(`still running: ${left.map((p) => `${p.pid} ${p.command}`).join('; ')}`);
    const taken = (await Promise.all(ports.map(async (p) => ((await portTaken(p)) ? p : null)))).filter((p) => p !== null);
    if (taken.length) problems.push(`ports still open: ${taken.join(', ')}`);
    console.log(`${signal.padEnd(8)} ${target.padEnd(12)} ${String(before.length).padEnd(10)} ${ports.join(', ').padEnd(29)} ${`${(elapsed / 1000).toFixed(1)} s`.padEnd(11)} ${problems.length ? 'FAILED' : 'ok'}`);
    if (problems.length) {
      failures++;
      for (const problem of problems) console.log(`  - ${problem}`);
      console.log(output().split('\n').slice(-30).map((line) => `  | ${line}`).join('\n'));
      // Leave nothing behind for the next case.
      for (const p of left) {
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
console.log(failures ? `\n${failures} of ${cases.length} cases left something running.` : `\nAll ${cases.length} cases stopped everything.`);
process.exit(failures ? 1 : 0);
