// npm run bench:scale-out: two `next start` instances on one PostgreSQL behind Debian's nginx on
// loopback (bench/lib/nginx.ts; installed with apt-get when missing and running as root), each
// instance pinned to its own core with taskset when it is available. Shows that a session works
// on both, that server actions work whichever instance answers (one
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY and AUTH_SECRET for both), that rate limits are shared (they
// live in PostgreSQL) and keyed by the address nginx forwarded (TRUSTED_PROXIES), and that the CSV
// export works through either; then runs the deadline burst through nginx against one instance
// and against both, reconciles each, and prints `scale-out-ratio <two ÷ one>` (saves per second)
// as its last line. Exits 1 if a check fails. DATABASE_URL: a scratch database, migrated and seeded.
import os from 'node:os';
import pg from 'pg';
import { actionIds, canPin, ensureBuild, startApp } from './lib/app';
import { printBurst, runBurst, type BurstResult } from './lib/burst';
import { Checks } from './lib/checks';
import { actionResult, callAction, get, responsePage } from './lib/client';
import { createBurstFixture, createUserSession, dropFixture, formatReconciliation, reconcile, reconciled } from './lib/fixtures';
import { ensureNginx, startNginx, type Nginx } from './lib/nginx';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a scratch database, migrated and seeded (see bench/README.md).');
const ORGANISATIONS = Number(process.env.BURST_ORGANISATIONS ?? 200);
const checks = new Checks();

ensureBuild();
ensureNginx();
const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
// nginx reaches the instances from 127.0.0.1. The bench's clients are on loopback as well and send
// their own X-Forwarded-For (one address per organisation), so here they stand in for an outer
// proxy; the integration test test/trusted-proxy-nginx.int.test.ts shows a spoofed header refused.
const appEnv = { TRUSTED_PROXIES: '127.0.0.1, ::1' };
const pinned = canPin && os.cpus().length >= 2;
const instances = await Promise.all([0, 1].map((cpu) => startApp({ databaseUrl, env: appEnv, cpu: pinned ? cpu : undefined })));
const proxies: Nginx[] = [];
const probe = await createBurstFixture(db, 1);
const fixtures: Awaited<ReturnType<typeof createBurstFixture>>[] = [];
const rates: number[] = [];
try {
  const both = await startNginx(instances.map((i) => i.url));
  proxies.push(both);
  const { server_version: version } = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]!;
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, PostgreSQL ${version.split(' ')[0]}`);
  console.log(`instances ${instances.map((i) => i.url).join(' and ')} behind nginx at ${both.url}`);
  console.log(pinned ? 'instances pinned to cores 0 and 1 (taskset); nginx, PostgreSQL, this load generator and anything else on the machine are not pinned and share both cores' : 'taskset missing or one core: instances not pinned');
  const ids = actionIds();
  const party = probe.parties[0]!;
  const key = { consultationId: probe.consultationId, organisationId: party.organisationId };
  const page = responsePage(probe.consultationId, party);

  // One session, both instances: the response form renders for the member on each.
  const pages = await Promise.all(instances.map((i) => get(i.url, page, party)));
  checks.check(pages.every((p) => p.status === 200 && p.body.includes(probe.prefix)), 'one database session is signed in on both instances', pages.map((p) => p.status).join(', '));

  // Server actions through nginx alternate between the instances; each save builds on the version the other one wrote.
  let saved = 0;
  const served: number[] = [];
  for (let n = 0; n < 4; n++) {
    const before = both.counts();
    const reply = actionResult(await callAction(both.url, page, ids.saveAnswerAction!, [{ ...key, proposalId: probe.proposalIds[0], stance: 'SUPPORT', comment: `Gemt ${n + 1}. gang.`, confidential: false, expectedVersion: saved }], party));
    const after = both.counts();
    served.push(after.findIndex((count, i) => count > before[i]!));
    if (reply?.ok === true) saved = Number(reply.version);
  }
  checks.check(saved === 4 && new Set(served).size === 2, 'server actions work across both instances (4 saves, versions 1–4)', `version ${saved}, instances ${served.join(',')}`);

  // 22 submissions from one client address, alternating instances: the 20-per-15-minutes limit must bite once, not per instance,
  // and be counted for the address nginx passed on in X-Forwarded-For (TRUSTED_PROXIES), not for nginx's own.
  const ip = '192.0.2.77';
  await db.query(`DELETE FROM rate_limits WHERE key = ANY($1)`, [[`submissionPerIp:${ip}`, 'submissionPerIp:127.0.0.1']]);
  const outcomes: string[] = [];
  for (let n = 0; n < 22; n++) {
    const result = actionResult(await callAction(both.url, page, ids.submitResponseAction!, { state: { status: 'idle' }, form: { ...key, confirm: 'on' } }, { ...party, ip }));
    outcomes.push(String(result?.formError ?? result?.status));
  }
  const limited = outcomes.filter((o) => o === 'forms.tooManyRequests').length;
  checks.check(limited === 2, 'the submission rate limit is shared: requests 21 and 22 refused', `${limited} refused; ${[...new Set(outcomes)].join(', ')}`);
  const counted = (await db.query<{ key: string; points: number }>(`SELECT key, points FROM rate_limits WHERE key = ANY($1)`, [[`submissionPerIp:${ip}`, 'submissionPerIp:127.0.0.1']])).rows;
  checks.check(counted.length === 1 && counted[0]!.key === `submissionPerIp:${ip}`, 'behind nginx the limit counts the forwarded client address', counted.map((r) => `${r.key} ${r.points}`).join(', '));
  const forwarded = both.accessLog().filter((line) => line.includes(`"${ip}"`)).length;
  checks.check(forwarded >= 22, 'nginx passed X-Forwarded-For on (access log)', `${forwarded} lines`);

  const staff = await createUserSession(db, probe.prefix, 'STAFF');
  const exports = await Promise.all(instances.map((i) => get(i.url, `/api/consultations/${probe.consultationId}/export?format=csv`, { token: staff })));
  checks.check(exports.every((e) => e.status === 200 && e.body === exports[0]!.body), 'the CSV export is the same through either instance', exports.map((e) => `${e.status} ${e.body.length} B`).join(', '));

  // The same burst, back to back (capacity), through nginx: first to instance 1 alone, then to both.
  const one = await startNginx([instances[0]!.url]);
  proxies.push(one);
  const bursts: [string, Nginx][] = [['one instance', one], ['two instances', both]];
  for (const [label, proxy] of bursts) {
    const warmUp = await createBurstFixture(db, 4);
    await runBurst({ base: proxy.url, fixture: warmUp, actions: ids });
    await dropFixture(db, warmUp);
    console.log(`\nDeadline burst through nginx, ${label}: ${ORGANISATIONS} organisations × ${probe.proposalIds.length} proposals, back to back; load average ${os.loadavg()[0]!.toFixed(1)}`);
    const fixture = await createBurstFixture(db, ORGANISATIONS);
    fixtures.push(fixture);
    const before = proxy.counts();
    const result: BurstResult = await runBurst({ base: proxy.url, fixture, actions: ids });
    printBurst(result);
    console.log(`  requests per instance: ${proxy.counts().map((c, i) => c - before[i]!).join(' / ')}`);
    const check = await reconcile(db, fixture.consultationId, result.acknowledged);
    console.log(`  ${formatReconciliation(check)}`);
    checks.check(reconciled(check), `burst through nginx, ${label}: 0 lost, 0 duplicated`);
    rates.push(result.saves.rate);
  }
  console.log(`\nsaves/s: one instance ${rates[0]!.toFixed(1)}, two instances ${rates[1]!.toFixed(1)}`);
} finally {
  await dropFixture(db, probe);
  for (const fixture of fixtures) await dropFixture(db, fixture);
  for (const proxy of proxies) await proxy.close();
  await Promise.all(instances.map((i) => i.stop()));
  await db.end();
}
checks.finish(rates.length === 2 ? `scale-out-ratio ${(rates[1]! / rates[0]!).toFixed(2)}` : undefined);
