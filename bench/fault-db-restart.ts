// npm run fault:db-restart [-- --short]: PostgreSQL dies (pg_ctl stop -m immediate) in the
// middle of the deadline burst and comes back. Passes when no acknowledged receipt or answer is
// missing, nothing is duplicated or half-written, users got the Danish "try again" message and
// never internal detail, and the same app process serves requests again afterwards, with every
// organisation submitted in the end (the simulated users retry as a person would). Uses a
// PostgreSQL server of its own on a free loopback port; exits 1 on failure.
import pg from 'pg';
import { actionIds, ensureBuild, startApp } from './lib/app';
import { printBurst, runBurst } from './lib/burst';
import { Checks, short } from './lib/checks';
import { get, leak } from './lib/client';
import { createBurstFixture, createUserSession, formatReconciliation, reconcile } from './lib/fixtures';
import { startOwnPostgres } from './lib/postgres';
import { sleep } from './lib/stats';

const ORGANISATIONS = short ? 20 : Number(process.env.BURST_ORGANISATIONS ?? 200);
const DOWN_SECONDS = 5;
const checks = new Checks();

ensureBuild();
const postgres = await startOwnPostgres();
// Short waits: a request during the outage fails within two seconds instead of hanging.
const app = await startApp({ databaseUrl: postgres.url, env: { DATABASE_CONNECT_TIMEOUT_MS: '2000' } });
const db = new pg.Pool({ connectionString: postgres.url, max: 2 });
db.on('error', () => {}); // its idle connections die with the server too
try {
  const fixture = await createBurstFixture(db, ORGANISATIONS);
  const politician = await createUserSession(db, fixture.prefix, 'POLITICIAN');
  const retryUntil = Date.now() + (short ? 90_000 : 240_000);
  const burst = runBurst({ base: app.url, fixture, actions: actionIds(), retryUntil });

  await sleep(short ? 3000 : 8000);
  console.log(`pg_ctl stop -m immediate in the middle of the burst; down for ${DOWN_SECONDS} s`);
  postgres.crash();
  const outage: { path: string; status: number; body: string }[] = [];
  for (const path of ['/', `/insight/${fixture.consultationId}`]) outage.push({ path, ...(await get(app.url, path, { token: politician }, 10_000)) });
  await sleep(DOWN_SECONDS * 1000);
  postgres.start();
  console.log('PostgreSQL started again');

  const result = await burst;
  printBurst(result);
  const check = await reconcile(db, fixture.consultationId, result.acknowledged);
  console.log(formatReconciliation(check));
  for (const page of outage) {
    const shown = page.body.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    console.log(`during the outage GET ${page.path}: ${page.status}${leak(page.body) ? ` (internal detail: ${leak(page.body)})` : ''}; shows: ${shown.slice(0, 300)}`);
  }

  checks.check(check.lost.length === 0, 'every receipt a client got has its committed Submission', `${check.lost.length} lost`);
  checks.check(check.lostAnswers.length === 0, 'every confirmed answer save is in the database', `${check.lostAnswers.length} missing`);
  checks.check(check.duplicated.length === 0, 'no duplicated submission', `${check.duplicated.length}`);
  checks.check(check.halfWritten.length === 0, 'no half-written response (status and submissions agree)', `${check.halfWritten.length}`);
  checks.check((result.failures.get('200 forms.databaseUnavailable') ?? 0) > 0, 'the outage was felt: saves got the Danish "try again, nothing was saved" message (forms.databaseUnavailable)', [...result.failures].map(([k, n]) => `${n} × ${k}`).join(', '));
  checks.check(![...result.failures.keys()].some((key) => key.startsWith('500') || key.startsWith('0')), 'no server action failed with a 500 or a broken connection');
  checks.check(result.leaks.length === 0, 'no action reply showed internal detail', result.leaks[0] ?? '');
  checks.check(outage.every((page) => !leak(page.body) && /Prøv igen/i.test(page.body)), 'pages during the outage: Danish "prøv igen", no internal detail', outage.map((p) => `${p.path} ${p.status}`).join(', '));
  checks.check(result.unsubmitted === 0 && check.submissions === ORGANISATIONS, 'the app recovered without a restart: every organisation submitted in the end', `${check.submissions}/${ORGANISATIONS}`);
  const after = await get(app.url, `/insight/${fixture.consultationId}`, { token: politician });
  checks.check(after.status === 200 && app.process.exitCode === null, 'the same app process serves pages afterwards', `${after.status}`);
} finally {
  await app.stop();
  await db.end().catch(() => {});
  postgres.destroy();
}
checks.finish();
