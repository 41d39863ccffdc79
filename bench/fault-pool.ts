// npm run fault:pool [-- --short]: more slow requests than database connections. The app runs
// with a pool of 2 and DATABASE_CONNECT_TIMEOUT_MS=1500; a lock held from outside makes every
// answer save hang on the "Answer" table while holding its connection, as slow queries would.
// Passes when the requests that find no free connection get, within a bounded time, a 503 with
// the Danish message (route handler) or the Danish "try again" (server action), never internal
// detail, and everything works again once the lock is gone. Own PostgreSQL; exits 1 on failure.
import pg from 'pg';
import { actionIds, ensureBuild, startApp } from './lib/app';
import { Checks, short } from './lib/checks';
import { actionResult, callAction, get, leak, responsePage, type Reply } from './lib/client';
import { createBurstFixture, createUserSession } from './lib/fixtures';
import { startOwnPostgres } from './lib/postgres';
import { mapConcurrent, percentile, sleep } from './lib/stats';

const REQUESTS = short ? 12 : 60;
const POOL_SIZE = 2;
const TIMEOUT_MS = 1500;
// The bound a refused request must meet: the pool's wait plus generous time for the rest.
const BOUND_MS = TIMEOUT_MS + 3000;
const checks = new Checks();

ensureBuild();
const postgres = await startOwnPostgres();
const app = await startApp({ databaseUrl: postgres.url, env: { DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_CONNECT_TIMEOUT_MS: String(TIMEOUT_MS) } });
const db = new pg.Pool({ connectionString: postgres.url, max: 3 });
try {
  const fixture = await createBurstFixture(db, REQUESTS);
  const politician = await createUserSession(db, fixture.prefix, 'POLITICIAN');
  const ids = actionIds();
  const save = (index: number) => {
    const party = fixture.parties[index]!;
    const answer = { consultationId: fixture.consultationId, organisationId: party.organisationId, proposalId: fixture.proposalIds[0], stance: 'OPPOSE', comment: 'Travlt.', confidential: false, expectedVersion: 0 };
    return callAction(app.url, responsePage(fixture.consultationId, party), ids.saveAnswerAction!, [answer], party, 30_000);
  };
  const exportCsv = () => get(app.url, `/api/consultations/${fixture.consultationId}/export?format=csv`, { token: politician }, 30_000);

  // Warm the routes so that compiling them is not part of the timing.
  await exportCsv();
  await get(app.url, '/');

  const lock = await db.connect();
  await lock.query('BEGIN');
  await lock.query('LOCK TABLE "Answer" IN ACCESS EXCLUSIVE MODE');
  console.log(`"Answer" locked; ${REQUESTS} saves and ${REQUESTS / 2} CSV exports at once against a pool of 2`);
  const started = performance.now();
  const during = mapConcurrent(
    [...Array.from({ length: REQUESTS }, (_, i) => () => save(i)), ...Array.from({ length: REQUESTS / 2 }, () => exportCsv)],
    REQUESTS * 2,
    (send) => send(),
  );
  // Hold the lock well past the pool timeout, then let go, as a slow query finally ends.
  await sleep(TIMEOUT_MS + 5000);
  await lock.query('ROLLBACK');
  lock.release();
  const replies = await during;
  console.log(`lock released after ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const saves = replies.slice(0, REQUESTS);
  const exports = replies.slice(REQUESTS);
  const refusedSaves = saves.filter((r) => actionResult(r)?.error === 'forms.databaseUnavailable');
  const refusedExports = exports.filter((r) => r.status === 503);
  const describe = (list: Reply[]) => [...new Set(list.map((r) => `${r.status} ${JSON.stringify(actionResult(r) ?? r.body.slice(0, 60))}`))].join(' | ');
  console.log(`saves: ${describe(saves)}`);
  console.log(`exports: ${describe(exports)}`);
  const refused = [...refusedSaves, ...refusedExports];
  console.log(`refused requests answered in p50 ${percentile(refused.map((r) => r.ms), 0.5).toFixed(0)} ms, max ${Math.max(...refused.map((r) => r.ms)).toFixed(0)} ms`);

  checks.check(refusedSaves.length > 0 && refusedExports.length > 0, 'saves and exports beyond the pool were refused', `${refusedSaves.length}/${REQUESTS} saves, ${refusedExports.length}/${REQUESTS / 2} exports`);
  // The requests that hold the pool's connections are the slow ones: they end when the lock does
  // (with "try again": their transaction ran out of time). Every other request must be refused in time.
  const late = refused.filter((r) => r.ms >= BOUND_MS);
  checks.check(late.length <= POOL_SIZE, `every refusal but those holding the ${POOL_SIZE} connections came within ${BOUND_MS} ms`, `${late.length} later, max ${Math.max(...refused.map((r) => r.ms)).toFixed(0)} ms`);
  checks.check(refusedExports.every((r) => /Prøv igen om lidt/.test(r.body) && r.headers.get('retry-after') !== null), 'the 503s carry the Danish message and Retry-After', refusedExports[0]?.body);
  checks.check(replies.every((r) => [200, 403, 503].includes(r.status) && !leak(r.body)), 'no 500, no broken connection, no internal detail', describe(replies.filter((r) => ![200, 403, 503].includes(r.status) || leak(r.body))));

  const again = await mapConcurrent(fixture.parties.map((_, i) => i), 4, async (i) => actionResult(await save(i)));
  checks.check(again.every((r) => r?.ok === true || Boolean(r?.conflict)), 'after the lock: every organisation saves again', `${again.filter((r) => r?.ok === true || r?.conflict).length}/${REQUESTS}`);
  const exportAfter = await exportCsv();
  checks.check(exportAfter.status !== 503 && exportAfter.status < 500, 'after the lock: the export answers again', `${exportAfter.status}`);
} finally {
  await app.stop();
  await db.end();
  postgres.destroy();
}
checks.finish();
