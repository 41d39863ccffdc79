// npm run bench:read: the read path under concurrent readers. Seeds a published consultation of
// the demo budget with 200 organisations' responses (seedResponseVolume, about 31 answers each),
// then READERS (default 50) loops request, for READ_SECONDS each, two trivial routes and the
// pages readers come for: the public catalogue, a public proposal page, the public consultation
// page and the politicians' overview (signed in as a POLITICIAN). Prints each page's rate and its
// ratio to the trivial routes of the same run; asserts nothing. DATABASE_URL: a scratch
// database, migrated and seeded.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { ensureBuild, startApp } from './lib/app';
import { get } from './lib/client';
import { createUserSession } from './lib/fixtures';
import { formatSummary, hammer, type Summary } from './lib/stats';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a scratch database, migrated and seeded (see bench/README.md).');
const READERS = Number(process.env.READERS ?? 50);
const SECONDS = Number(process.env.READ_SECONDS ?? 20);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 200);

const { system } = await import('@/lib/server/actor');
const { db: prisma } = await import('@/lib/server/db');
const { seedResponseVolume } = await import('@/lib/server/demo-volume');

ensureBuild();
const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const prefix = `bench-${randomUUID().slice(0, 8)}-`;
const budget = await prisma.budget.findFirst({ orderBy: { proposals: { _count: 'desc' } } });
if (!budget) throw new Error('No budget in the database; run `npm run db:seed` first.');
const proposal = await prisma.proposal.findFirstOrThrow({ where: { budgetId: budget.id }, orderBy: { code: 'asc' } });
const consultation = await prisma.consultation.create({
  data: { budgetId: budget.id, title: `${prefix}read path`, status: 'PUBLISHED', publishedAt: new Date(), deadline: new Date() },
});
const app = await startApp({ databaseUrl });
try {
  const seeded = await seedResponseVolume(system, { consultationId: consultation.id, organisations: ORGANISATIONS, prefix });
  const { server_version: version } = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0]!;
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, PostgreSQL ${version.split(' ')[0]}; load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`${seeded.organisations} organisations, ${seeded.answers} answers; ${READERS} concurrent readers, ${SECONDS} s per page\n`);
  const politician = { token: await createUserSession(db, prefix, 'POLITICIAN') };
  // Two yardsticks: a route handler that reads nothing (the "trivial dynamic route") and
  // a page of static text, which pays for the layout (header, footer, session) and nothing else.
  const baselines = [
    { label: 'trivial route GET /api/auth/csrf', path: '/api/auth/csrf', caller: {} },
    { label: 'trivial page /cookies (layout only)', path: '/cookies', caller: {} },
  ];
  const pages = [
    { label: 'public catalogue /', path: '/', caller: {}, goal: 0.8 },
    { label: 'public proposal /proposals/<id>', path: `/proposals/${proposal.id}`, caller: {}, goal: 0.8 },
    { label: 'public consultation /consultations/<id>', path: `/consultations/${consultation.id}`, caller: {}, goal: 0.5 },
    { label: `politicians' overview /insight/<id>`, path: `/insight/${consultation.id}`, caller: politician, goal: 0.5 },
  ];
  const measure = async (page: { label: string; path: string; caller: { token?: string } }): Promise<Summary> => {
    // Warm-up: the first requests compile routes and fill caches; not counted.
    for (let i = 0; i < 3; i++) {
      const first = await get(app.url, page.path, page.caller);
      if (first.status !== 200) throw new Error(`${page.path} answered ${first.status}`);
    }
    const size = (await get(app.url, page.path, page.caller)).body.length;
    const summary = await hammer(READERS, SECONDS, async () => (await get(app.url, page.path, page.caller)).status === 200);
    console.log(formatSummary(`  ${page.label} (${(size / 1024).toFixed(0)} kB)`, summary));
    return summary;
  };
  const [route, layoutOnly] = [await measure(baselines[0]!), await measure(baselines[1]!)];
  const results = [];
  for (const page of pages) results.push({ page, summary: await measure(page) });

  console.log('\nRatios to the trivial route (goal) and to the layout-only page:');
  for (const { page, summary } of results) {
    const ratio = summary.rate / route.rate;
    console.log(`  ${page.label}: ${ratio.toFixed(2)} of the route (goal ${page.goal}: ${ratio >= page.goal ? 'met' : 'not met'}), ${(summary.rate / layoutOnly.rate).toFixed(2)} of the layout-only page`);
  }
} finally {
  // Submitted responses are never deleted by cascade: the bench's own go first.
  await prisma.submission.deleteMany({ where: { response: { consultationId: consultation.id } } });
  await prisma.response.deleteMany({ where: { consultationId: consultation.id } });
  await prisma.consultation.delete({ where: { id: consultation.id } });
  await prisma.organisation.deleteMany({ where: { name: { startsWith: prefix } } });
  await db.query(`DELETE FROM "User" WHERE name LIKE $1 || '%'`, [prefix]);
  await app.stop();
  await prisma.$disconnect();
  await db.end();
}
