// npm start: database (embedded unless DATABASE_URL is set) → migrations → demo data on first
// run → production build when sources changed → next start. SIGINT (Ctrl-C) or SIGTERM, to npm,
// to this process or to the web server, stops everything cleanly: web server, mail catcher, PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from '@/lib/env';
import { EMBEDDED_DATA_DIR, prisma, projectRoot, resolveDatabase } from './lib/database';
import { watchLaunchers } from './lib/launchers';
import { localAuthSecret, localMailCatcher } from './lib/local-services';
import type { MailCatcher } from './lib/mail-catcher';

const PORT = Number(process.env.PORT ?? 3000);
const BUILD_INPUTS = ['app', 'components', 'lib', 'next.config.js', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

function needsBuild(): boolean {
  const buildId = path.join(projectRoot, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(projectRoot, input)) > built);
}

const nextBin = path.join(projectRoot, 'node_modules', '.bin', 'next');
let demoUsers: { email: string; description: string }[] = [];
const database = await resolveDatabase();
const running: { server?: ChildProcess; build?: ChildProcess; mailCatcher?: MailCatcher } = {};
let stopping = false;
const dataDir = EMBEDDED_DATA_DIR.startsWith(projectRoot + path.sep) ? path.relative(projectRoot, EMBEDDED_DATA_DIR) : EMBEDDED_DATA_DIR;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await running.mailCatcher?.stop();
  await database.stop();
  if (database.embedded) console.log(`PostgreSQL er stoppet; data er bevaret i ${dataDir}.`);
  process.exit(code);
};

/** Stops the web server (or the build) first, then the rest; a server that hangs is killed after 10 s. */
let stopRequested = false;
const stop = () => {
  if (stopRequested) return;
  stopRequested = true;
  const child = [running.server, running.build].find((c) => c && c.exitCode === null && c.signalCode === null);
  if (!child) return void shutdown(130);
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
watchLaunchers(stop);

try {
  if (!process.env.SMTP_URL) {
    running.mailCatcher = await localMailCatcher();
    process.env.SMTP_URL = running.mailCatcher.smtpUrl;
  }
  process.env.AUTH_SECRET ??= localAuthSecret();
  process.env.APP_URL ??= `http://localhost:${PORT}`;
  const env = parseEnv({ ...process.env, DATABASE_URL: database.url });
  console.log(database.embedded ? `PostgreSQL (indlejret) kører; data i ${dataDir}` : 'Bruger databasen fra DATABASE_URL');
  prisma(['migrate', 'deploy'], env.DATABASE_URL, { quiet: true });

  process.env.DATABASE_URL = env.DATABASE_URL;
  const demoData = await import('@/lib/server/demo-data');
  demoUsers = demoData.demoUsers;
  const { system } = await import('@/lib/server/actor');
  const { db } = await import('@/lib/server/db');
  if (await demoData.isDatabaseEmpty(system)) {
    console.log('Første start: indlæser demodata …');
    await demoData.seedDemoData(system);
  }
  await db.$disconnect();

  if (needsBuild()) {
    console.log('Bygger appen (next build) …');
    // Not spawnSync: signals and the launcher watch must be heard during a build of minutes.
    running.build = spawn(nextBin, ['build'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    const [status] = (await once(running.build, 'exit')) as [number | null];
    if (stopRequested) await shutdown(130);
    if (status !== 0) throw new Error('next build failed');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
// A stop asked for while setting up (after the last step that could be interrupted) ends here.
if (stopRequested) await shutdown(130);

const server = spawn(nextBin, ['start', '-p', String(PORT)], {
  cwd: projectRoot,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NODE_ENV: 'production' },
});
server.once('spawn', () => {
  console.log(`\nBudgethøring kører på http://localhost:${PORT}`);
  if (running.mailCatcher) console.log(`E-mails (login-links) vises på ${running.mailCatcher.httpUrl}`);
  console.log('\nDemo-logins: skriv adressen på http://localhost:' + PORT + '/signin og åbn linket i e-mailen:');
  for (const user of demoUsers) console.log(`  ${user.email.padEnd(36)} ${user.description}`);
  console.log('\nStop med Ctrl-C.');
});
running.server = server;
server.on('exit', (code) => void shutdown(code ?? 0));
