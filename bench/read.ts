// npm run bench:read: the read path under concurrent readers. Seeds a published consultation of
// the demo budget with 200 organisations' responses (seedResponseVolume, about 31 answers each),
// then READERS (default 50) loops request, for READ_SECONDS each, the politicians' overview
// /insight/<id> signed in as a POLITICIAN, and the public catalogue /. Prints figures; asserts
// nothing. DATABASE_URL: a scratch database, migrated and seeded.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ensureBuild, startApp } from './lib/app';
import { get } from './lib/client';
import { createUserSession } from './lib/fixtures';
import { formatSummary, hammer } from './lib/stats';

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
const consultation = await prisma.consultation.create({
  data: { budgetId: budget.id, title: `${prefix}read path`, status: 'PUBLISHED', publishedAt: new Date(), deadline: new Date() },
});
const app = await startApp({ databaseUrl });
try {
  const seeded = await seedResponseVolume(system, { consultationId: consultation.id, organisations: ORGANISATIONS, prefix });
  console.log(`${seeded.organisations} organisations, ${seeded.answers} answers; ${READERS} concurrent readers, ${SECONDS} s per page`);
  const politician = { token: await createUserSession(db, prefix, 'POLITICIAN') };
  const pages = [
    { label: `politicians' overview /insight/<id>`, path: `/insight/${consultation.id}`, caller: politician },
    { label: 'public catalogue /', path: '/', caller: {} },
  ];
  for (const page of pages) {
    const first = await get(app.url, page.path, page.caller);
    if (first.status !== 200) throw new Error(`${page.path} answered ${first.status}`);
    console.log(formatSummary(`  ${page.label} (${(first.body.length / 1024).toFixed(0)} kB)`, await hammer(READERS, SECONDS, async () => (await get(app.url, page.path, page.caller)).status === 200)));
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
