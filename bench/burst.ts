// npm run bench:burst: the hour before the deadline. BURST_ORGANISATIONS (default 200)
// organisations each save their general remarks, answer the demo budget's 31 proposals and
// submit, all at once, through the production build's server actions with real sessions; then
// every acknowledged receipt and answer is reconciled with PostgreSQL. In the same run, the
// baselines: raw PostgreSQL inserts and a trivial Next.js route at the same concurrency.
// Prints figures; asserts nothing. DATABASE_URL: a scratch database, migrated and seeded.
import os from 'node:os';
import pg from 'pg';
import { actionIds, ensureBuild, startApp } from './lib/app';
import { postgresInsertRate, trivialRouteRate } from './lib/baseline';
import { printBurst, runBurst } from './lib/burst';
import { createBurstFixture, dropFixture, formatReconciliation, reconcile } from './lib/fixtures';
import { formatSummary, type Summary } from './lib/stats';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a scratch database, migrated and seeded (see bench/README.md).');
const ORGANISATIONS = Number(process.env.BURST_ORGANISATIONS ?? 200);
const THINK_MS = Number(process.env.BURST_THINK_MS ?? 0);
const BASELINE_SECONDS = Number(process.env.BASELINE_SECONDS ?? 10);
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
// Another address (e.g. the scale-out proxy) instead of starting an instance here.
const TARGET = process.env.BENCH_TARGET;

ensureBuild();
const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
// The clients are on loopback and stand in for the proxy in front of the app: with loopback trusted,
// each organisation's X-Forwarded-For is its address, so the submission limit per address applies
// per organisation, as in reality (without it all 200 share one address and 20 may submit).
const app = TARGET ? null : await startApp({ databaseUrl, env: { DATABASE_POOL_SIZE: String(POOL_SIZE), TRUSTED_PROXIES: '127.0.0.1, ::1' } });
const base = TARGET ?? app!.url;
const fixture = await createBurstFixture(db, ORGANISATIONS);
// Saves per second (not submits) against the trivial route's rate, in the same run: issue 18 asks for ≥ 0.5.
let saveRateRatio: number | undefined;
try {
  const { server_version: version } = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]!;
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, PostgreSQL ${version.split(' ')[0]}; pool ${POOL_SIZE}; ${ORGANISATIONS} organisations × ${fixture.proposalIds.length} proposals; think time ${THINK_MS} ms; ${base}\n`);
  // Warm-up: the first requests compile and cache routes; not counted.
  const warmUp = await createBurstFixture(db, 4);
  await runBurst({ base, fixture: warmUp, actions: actionIds() });
  await dropFixture(db, warmUp);

  console.log('Baselines');
  const insert: Summary = await postgresInsertRate(databaseUrl, { concurrency: ORGANISATIONS, poolSize: POOL_SIZE, seconds: BASELINE_SECONDS });
  console.log(formatSummary('  PostgreSQL single-row INSERT', insert));
  const trivial = await trivialRouteRate(base, { concurrency: ORGANISATIONS, seconds: BASELINE_SECONDS });
  console.log(formatSummary('  GET /api/auth/csrf          ', trivial));

  console.log('\nDeadline burst');
  const result = await runBurst({ base, fixture, actions: actionIds(), thinkMs: THINK_MS });
  printBurst(result);
  const check = await reconcile(db, fixture.consultationId, result.acknowledged);
  console.log(`  ${formatReconciliation(check)}`);
  console.log(`  organisations that did not get to submit: ${result.unsubmitted}`);
  console.log(`\nRatios: burst ${result.all.rate.toFixed(1)} requests/s = ${((100 * result.all.rate) / insert.rate).toFixed(1)} % of raw PostgreSQL inserts, ${((100 * result.all.rate) / trivial.rate).toFixed(1)} % of the trivial route`);
  saveRateRatio = result.saves.rate / trivial.rate;
  for (const lost of check.lost.slice(0, 5)) console.log(`  lost: ${lost}`);
  for (const duplicate of check.duplicated.slice(0, 5)) console.log(`  duplicated: ${duplicate}`);
} finally {
  if (process.env.BENCH_KEEP !== '1') await dropFixture(db, fixture);
  await app?.stop();
  await db.end();
}
// Last, after the app has stopped, so that scripts can read it from the final line.
if (saveRateRatio !== undefined) console.log(`save-rate-ratio ${saveRateRatio.toFixed(3)}`);
