// npm test: type-check, lint, unit and integration tests (the drift check is one of them) against a real
// PostgreSQL, then Playwright e2e tests in Debian's chromium against a production build.
// Without DATABASE_URL an embedded PostgreSQL is started for the run and removed after.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { chromiumPath } from './lib/chromium';
import { projectRoot, prisma } from './lib/database';
import { ensureDatabase, freePort, startEmbeddedDatabase } from './lib/embedded-db';

const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${title} failed`);
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
try {
  step('Type-check', bin('tsc'), ['--noEmit']);
  step('Lint', bin('eslint'), ['.', '--max-warnings=0']);

  const [integrationUrl, e2eUrl] = (await Promise.all(databases.map((name) => ensureDatabase(server.serverUrl, name)))) as [string, string];
  console.log('\n▶ Migrations: reset the test databases and apply every migration');
  for (const url of [integrationUrl, e2eUrl]) prisma(['migrate', 'reset', '--force', '--skip-seed', '--skip-generate'], url, { quiet: true });

  step('Unit and integration tests', bin('vitest'), ['run'], { DATABASE_URL: integrationUrl });

  step('Demo data for the e2e tests', bin('tsx'), ['--conditions=react-server', 'prisma/seed.ts'], { DATABASE_URL: e2eUrl });
  const port = await freePort();
  step('E2E tests (Playwright, chromium)', bin('playwright'), ['test'], {
    DATABASE_URL: e2eUrl,
    E2E_PORT: String(port),
    CHROMIUM_PATH: chromium,
  });
} catch (error) {
  failed = true;
  console.error(`\n✖ ${(error as Error).message}`);
} finally {
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
