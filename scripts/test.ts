// npm test: type-check, lint, unit and integration tests (the drift check is one of them) against a real
// PostgreSQL, then Playwright e2e tests in Debian's chromium against a production build, then the
// backup drill, the short forms of the fault scripts and of the shutdown drill.
// Without DATABASE_URL an embedded PostgreSQL is started for the run and removed after.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { chromiumPath } from './lib/chromium';
import { nginxPath } from './lib/nginx';
import { projectRoot, prisma } from './lib/database';
import { randomBytes } from 'node:crypto';
import { ensureDatabase, freePort, startEmbeddedDatabase } from './lib/embedded-db';
import { REFUSED_DOMAIN, startMailCatcher } from './lib/mail-catcher';
import { startOidcServer } from '../test/oidc-server';

const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

// For working on one part: `npm test -- --only=e2e e2e/auth.spec.ts` runs just that step
// (checks, vitest, e2e or ops) with the given filters; without flags everything runs.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--only='));
const runs = (part: 'checks' | 'vitest' | 'e2e' | 'ops') => !only || only === part;

// Asynchronous, because the mail catcher and the OpenID provider run in this process and
// must keep answering while the tests run.
async function step(title: string, command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  console.log(`\n▶ ${title}`);
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`${title} failed`);
}

const chromium = chromiumPath();
if (!chromium) {
  console.error(
    'Chromium mangler / Chromium is missing: the e2e tests need Debian\'s chromium.\n' +
      '  Install it with:  sudo apt-get install -y chromium\n' +
      '  or point CHROMIUM_PATH at a Chromium/Chrome executable.',
  );
  process.exit(1);
}

// The backup drill restores a pg_dump; Debian's postgresql-client provides pg_dump and pg_restore.
if (spawnSync('pg_dump', ['--version']).status !== 0 || spawnSync('pg_restore', ['--version']).status !== 0) {
  console.error(
    'pg_dump mangler / pg_dump is missing: the backup drill needs PostgreSQL\'s client tools.\n' +
      '  Install them with:  sudo apt-get install -y postgresql-client',
  );
  process.exit(1);
}

// The trusted-proxy integration test puts Debian's nginx in front of a server.
if (!nginxPath()) {
  console.error(
    'nginx mangler / nginx is missing: the trusted-proxy integration test runs behind Debian\'s nginx.\n' +
      '  Install it with:  sudo apt-get install -y nginx\n' +
      '  or point NGINX_PATH at an nginx executable.',
  );
  process.exit(1);
}

const runId = `${Date.now().toString(36)}_${process.pid}`;
const external = process.env.DATABASE_URL;
// With DATABASE_URL set, its server hosts the run's throw-away databases.
function serverUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}`;
}
const server = external
  ? { serverUrl: serverUrlOf(external), stop: async () => {} }
  : await startEmbeddedDatabase({ dataDir: path.join(projectRoot, '.data', `test-postgres-${runId}`), persistent: false });
const databases = [`bh_it_${runId}`, `bh_e2e_${runId}`];

let failed = false;
const cleanups: (() => Promise<void>)[] = [];
try {
  // Route types first: stale ones from an earlier build would fail the check.
  if (runs('checks')) {
    await step('Route types', bin('next'), ['typegen']);
    await step('Type-check', bin('tsc'), ['--noEmit']);
    await step('Lint', bin('eslint'), ['.', '--max-warnings=0']);
  }

  const [integrationUrl, e2eUrl] = (await Promise.all(databases.map((name) => ensureDatabase(server.serverUrl, name)))) as [string, string];
  console.log('\n▶ Migrations: reset the test databases and apply every migration');
  for (const url of [integrationUrl, e2eUrl]) prisma(['migrate', 'reset', '--force', '--skip-seed', '--skip-generate'], url, { quiet: true });

  // The app's mail goes to a real local SMTP server that the tests read (it refuses recipients
  // at REFUSED_DOMAIN, for the tests of failed delivery); staff sign in at a real OpenID provider on loopback.
  const mailCatcher = await startMailCatcher({ refuseDomain: REFUSED_DOMAIN });
  const port = await freePort();
  // localhost, not 127.0.0.1: Next.js reports loopback addresses as localhost to route handlers,
  // so sign-in cookies and redirects must live on that name.
  const appUrl = `http://localhost:${port}`;
  const oidc = await startOidcServer({ redirectUris: [`${appUrl}/api/auth/callback/entra`] });
  cleanups.push(() => mailCatcher.stop(), () => oidc.stop());
  const appEnv = {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    SMTP_URL: mailCatcher.smtpUrl,
    MAIL_CATCHER_URL: mailCatcher.httpUrl,
  };

  if (runs('vitest')) await step('Unit and integration tests', bin('vitest'), ['run', ...(only ? filters : [])], { DATABASE_URL: integrationUrl, ...appEnv });

  if (runs('e2e') || runs('ops')) await step('Demo data for the e2e tests', bin('tsx'), ['--tsconfig', 'tsconfig.cli.json', 'prisma/seed.ts'], { DATABASE_URL: e2eUrl });
  if (runs('e2e')) await step('E2E tests (Playwright, chromium)', bin('playwright'), ['test', ...(only ? filters : [])], {
    ...appEnv,
    DATABASE_URL: e2eUrl,
    APP_URL: appUrl,
    E2E_PORT: String(port),
    CHROMIUM_PATH: chromium,
    AUTH_OIDC_ISSUER: oidc.issuer,
    AUTH_OIDC_ID: oidc.clientId,
    AUTH_OIDC_SECRET: oidc.clientSecret,
    AUTH_OIDC_NAME: 'Test-OIDC',
    // Loopback stands in for the proxy in front of the app, so a journey can be a client of its
    // own address (X-Forwarded-For) and not use up the rate limits the others share.
    TRUSTED_PROXIES: '127.0.0.1, ::1',
    // A refused mail fails within seconds, for the staff's list of failed mail.
    MAIL_RETRY_LIMIT: '1',
    MAIL_RETRY_DELAY_SECONDS: '1',
  });

  // Operations, on the e2e database as the tests left it and on the production build they used.
  const cli = (script: string, ...args: string[]) => ['--tsconfig', 'tsconfig.cli.json', script, ...args];
  if (runs('ops')) {
    await step('Backup and restore drill', bin('tsx'), cli('scripts/backup-drill.ts'), { DATABASE_URL: e2eUrl });
    // Each fault script runs its own PostgreSQL and app instance; --short is their small form.
    await step('Fault: PostgreSQL stopped hard during a burst (short)', bin('tsx'), cli('bench/fault-db-restart.ts', '--short'), appEnv);
    await step('Fault: connection pool exhausted (short)', bin('tsx'), cli('bench/fault-pool.ts', '--short'), appEnv);
    // npm start under a process manager: SIGTERM to npm stops the web server, mail catcher and PostgreSQL.
    await step('Shutdown drill: SIGTERM to npm start (short)', bin('tsx'), cli('scripts/shutdown-drill.ts', '--short'));
  }
} catch (error) {
  failed = true;
  console.error(`\n✖ ${(error as Error).message}`);
} finally {
  for (const cleanup of cleanups) await cleanup();
  if (external) {
    const admin = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  await server.stop();
}
console.log(failed ? '\nnpm test: FAILED' : '\nnpm test: all checks passed');
process.exit(failed ? 1 : 0);
