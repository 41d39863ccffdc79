// npm run bench:sign-in-timing: does the time of a sign-in link request tell whether the address
// is known? Creates a database of its own on DATABASE_URL's server (or on the embedded one),
// KNOWN users, a mail catcher and a production app instance, then posts Auth.js's e-mail sign-in
// (POST /api/auth/signin/email, as the form does) ROUNDS times for known and for unknown
// addresses, interleaved, each address once (the per-address limit), with the rate limits reset
// before each request (the per-client limit). Prints both medians and their ratio; exits 1 when
// they differ by more than 20 %.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { ensureBuild, projectRoot, startApp } from './lib/app';
import { request } from './lib/client';
import { percentile } from './lib/stats';
import { prisma } from '../scripts/lib/database';
import { ensureDatabase, startEmbeddedDatabase } from '../scripts/lib/embedded-db';
import { startMailCatcher } from '../scripts/lib/mail-catcher';

const ROUNDS = Number(process.env.ROUNDS ?? 200);
const WARM_UP = Number(process.env.WARM_UP ?? 20);
const TOLERANCE = 0.2;

function serverUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}`;
}

const server = process.env.DATABASE_URL
  ? { serverUrl: serverUrlOf(process.env.DATABASE_URL), stop: async () => {} }
  : await startEmbeddedDatabase({ dataDir: path.join(projectRoot, '.data', `bench-sign-in-${process.pid}`), persistent: false });
const databaseName = `bench_sign_in_${randomUUID().slice(0, 8)}`;
const databaseUrl = await ensureDatabase(server.serverUrl, databaseName);
prisma(['migrate', 'deploy'], databaseUrl, { quiet: true });

ensureBuild();
const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const catcher = await startMailCatcher();
const app = await startApp({ databaseUrl, env: { SMTP_URL: catcher.smtpUrl } });
const address = (kind: 'known' | 'unknown', i: number) => `${kind}-${i}@bench.example`;

/** One timed link request; the CSRF token and its cookie are fetched first and not timed. */
async function requestLink(email: string): Promise<number> {
  const csrf = await request(`${app.url}/api/auth/csrf`, {});
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  // Every limit starts afresh, so that each request does the whole work and none is refused.
  await db.query('DELETE FROM rate_limits');
  const reply = await request(`${app.url}/api/auth/signin/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: '/' }).toString(),
  });
  const location = reply.headers.get('location') ?? '';
  // The same "check your e-mail" redirect for every address (Auth.js's verify-request step).
  if (reply.status !== 302 || !/verify-request|check-email/.test(location)) throw new Error(`${email}: ${reply.status} ${location} ${reply.body.slice(0, 200)}`);
  return reply.ms;
}

try {
  const total = WARM_UP + ROUNDS;
  for (let i = 0; i < total; i++) await db.query(`INSERT INTO "User" (id, email, role) VALUES ($1, $2, 'PARTY_MEMBER')`, [randomUUID(), address('known', i)]);
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < total; i++) {
    // Interleaved, so that a slower stretch of the shared machine affects both alike.
    for (const kind of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
      const ms = await requestLink(address(kind, i));
      if (i >= WARM_UP) times[kind].push(ms);
    }
  }
  const known = percentile(times.known, 0.5);
  const unknown = percentile(times.unknown, 0.5);
  const ratio = known / unknown;
  // Known addresses got their links meanwhile: the mail went out, only later than the answer.
  const delivered = new Set(catcher.messages().flatMap((m) => m.to));
  console.log(`${ROUNDS} requests each (after ${WARM_UP} warm-up), POST /api/auth/signin/email`);
  console.log(`  known addresses:   median ${known.toFixed(1)} ms, p95 ${percentile(times.known, 0.95).toFixed(1)} ms`);
  console.log(`  unknown addresses: median ${unknown.toFixed(1)} ms, p95 ${percentile(times.unknown, 0.95).toFixed(1)} ms`);
  console.log(`  ratio known/unknown: ${ratio.toFixed(3)} (within ${TOLERANCE * 100} %: ${Math.abs(ratio - 1) <= TOLERANCE ? 'yes' : 'NO'})`);
  console.log(`  mail delivered so far: ${delivered.size} known addresses, ${[...delivered].filter((a) => a.startsWith('unknown-')).length} unknown`);
  process.exitCode = Math.abs(ratio - 1) <= TOLERANCE ? 0 : 1;
} finally {
  await app.stop();
  await catcher.stop();
  await db.end();
  const admin = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end();
  await server.stop();
}
