// npm run bench:scale-out: two `next start` instances on one PostgreSQL behind a loopback
// round-robin proxy (bench/lib/proxy.ts). Shows that a session works on both, that server
// actions work whichever instance answers (one NEXT_SERVER_ACTIONS_ENCRYPTION_KEY and
// AUTH_SECRET for both), that rate limits are shared (they live in PostgreSQL), and that the
// CSV export works through either; then runs the deadline burst against the proxy and
// reconciles it. Exits 1 if a cross-instance check fails. DATABASE_URL: a scratch database,
// migrated and seeded.
import pg from 'pg';
import { actionIds, ensureBuild, startApp } from './lib/app';
import { printBurst, runBurst } from './lib/burst';
import { Checks } from './lib/checks';
import { actionResult, callAction, get, responsePage } from './lib/client';
import { createBurstFixture, createUserSession, dropFixture, formatReconciliation, reconcile, reconciled } from './lib/fixtures';
import { startRoundRobinProxy } from './lib/proxy';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a scratch database, migrated and seeded (see bench/README.md).');
const ORGANISATIONS = Number(process.env.BURST_ORGANISATIONS ?? 200);
const checks = new Checks();

ensureBuild();
const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const instances = await Promise.all([startApp({ databaseUrl }), startApp({ databaseUrl })]);
const proxy = await startRoundRobinProxy(instances.map((i) => i.url));
const probe = await createBurstFixture(db, 1);
let fixture: Awaited<ReturnType<typeof createBurstFixture>> | undefined;
try {
  console.log(`instances ${instances.map((i) => i.url).join(' and ')} behind ${proxy.url}`);
  const ids = actionIds();
  const party = probe.parties[0]!;
  const key = { consultationId: probe.consultationId, organisationId: party.organisationId };
  const page = responsePage(probe.consultationId, party);

  // One session, both instances: the response form renders for the member on each.
  const pages = await Promise.all(instances.map((i) => get(i.url, page, party)));
  checks.check(pages.every((p) => p.status === 200 && p.body.includes(probe.prefix)), 'one database session is signed in on both instances', pages.map((p) => p.status).join(', '));

  // Server actions through the proxy alternate between the instances; each save builds on the version the other one wrote.
  let version = 0;
  const served: number[] = [];
  for (let n = 0; n < 4; n++) {
    const before = [...proxy.counts];
    const reply = actionResult(await callAction(proxy.url, page, ids.saveAnswerAction!, [{ ...key, proposalId: probe.proposalIds[0], stance: 'SUPPORT', comment: `Gemt ${n + 1}. gang.`, confidential: false, expectedVersion: version }], party));
    served.push(proxy.counts.findIndex((count, i) => count > before[i]!));
    if (reply?.ok === true) version = Number(reply.version);
  }
  checks.check(version === 4 && new Set(served).size === 2, 'server actions work across both instances (4 saves, versions 1–4)', `version ${version}, instances ${served.join(',')}`);

  // 22 submissions from one address, alternating instances: the 20-per-15-minutes limit must bite once, not per instance.
  const ip = '192.0.2.77';
  await db.query(`DELETE FROM rate_limits WHERE key = $1`, [`submissionPerIp:${ip}`]);
  const outcomes: string[] = [];
  for (let n = 0; n < 22; n++) {
    const result = actionResult(await callAction(proxy.url, page, ids.submitResponseAction!, { state: { status: 'idle' }, form: key }, { ...party, ip }));
    outcomes.push(String(result?.formError ?? result?.status));
  }
  const limited = outcomes.filter((o) => o === 'forms.tooManyRequests').length;
  checks.check(limited === 2, 'the submission rate limit is shared: requests 21 and 22 refused', `${limited} refused`);

  const staff = await createUserSession(db, probe.prefix, 'STAFF');
  const exports = await Promise.all(instances.map((i) => get(i.url, `/api/consultations/${probe.consultationId}/export?format=csv`, { token: staff })));
  checks.check(exports.every((e) => e.status === 200 && e.body === exports[0]!.body), 'the CSV export is the same through either instance', exports.map((e) => `${e.status} ${e.body.length} B`).join(', '));

  console.log(`\nDeadline burst through the proxy: ${ORGANISATIONS} organisations`);
  fixture = await createBurstFixture(db, ORGANISATIONS);
  const before = [...proxy.counts];
  const result = await runBurst({ base: proxy.url, fixture, actions: ids });
  printBurst(result);
  console.log(`  requests per instance: ${proxy.counts.map((c, i) => c - before[i]!).join(' / ')}`);
  const check = await reconcile(db, fixture.consultationId, result.acknowledged);
  console.log(`  ${formatReconciliation(check)}`);
  checks.check(reconciled(check), 'burst through both instances: 0 lost, 0 duplicated');
} finally {
  await dropFixture(db, probe);
  if (fixture) await dropFixture(db, fixture);
  await proxy.close();
  await Promise.all(instances.map((i) => i.stop()));
  await db.end();
}
checks.finish();
