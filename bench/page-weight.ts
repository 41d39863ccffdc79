// npm run bench:page-weight: what each main page costs a reader, from the production build.
// For every page it prints the HTML size (as sent, and gzipped), the JavaScript the browser
// loads for it (gzipped, summed over every script response) and, from Debian's chromium on
// loopback, when the page had loaded and run its scripts (the load event, median of RUNS).
// Seeds a published consultation of the demo budget with ORGANISATIONS (default 60) responses
// and one party member of an open consultation; compares the figures with the goals and says
// which are met. Asserts nothing. DATABASE_URL: a scratch database, migrated and seeded.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import pg from 'pg';
import { chromiumPath } from '../scripts/lib/chromium';
import { ensureBuild, startApp } from './lib/app';
import { get } from './lib/client';
import { createBurstFixture, createUserSession, dropFixture, SESSION_COOKIE } from './lib/fixtures';
import { percentile } from './lib/stats';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('Set DATABASE_URL to a scratch database, migrated and seeded (see bench/README.md).');
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 60);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const executablePath = chromiumPath();
if (!executablePath) throw new Error('Debian chromium is needed: apt-get install -y chromium (or set CHROMIUM_PATH).');

const { system } = await import('@/lib/server/actor');
const { db: prisma } = await import('@/lib/server/db');
const { seedResponseVolume } = await import('@/lib/server/demo-volume');

interface PageCase {
  label: string;
  path: string;
  token?: string;
  /** Goals from the issues, in KB; null where none is set. */
  htmlGoalKb: number | null;
}

const JS_GOAL_KB = 150;
const kb = (bytes: number) => bytes / 1024;

async function measure(browser: Browser, baseUrl: string, page: PageCase) {
  const context = await browser.newContext();
  if (page.token) await context.addCookies([{ name: SESSION_COOKIE, value: page.token, url: baseUrl }]);
  const loads: number[] = [];
  let chunks = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    const tab = await context.newPage();
    const bodies: Promise<[string, number]>[] = [];
    // Each run starts cold for scripts, so that the first-visit cost is what is counted.
    await tab.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
    tab.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body().then((body): [string, number] => [new URL(response.url()).pathname, gzipSync(body).length], (): [string, number] => [response.url(), 0]));
    });
    const reply = await tab.goto(`${baseUrl}${page.path}`, { waitUntil: 'load' });
    if (reply?.status() !== 200) throw new Error(`${page.path} answered ${reply?.status()}`);
    loads.push(await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd));
    chunks = new Map(await Promise.all(bodies));
    await tab.close();
  }
  await context.close();
  const html = (await get(baseUrl, page.path, page.token ? { token: page.token } : {})).body;
  const scripts = [...chunks.values()].reduce((sum, size) => sum + size, 0);
  return { html: Buffer.byteLength(html), htmlGzip: gzipSync(html).length, scripts, chunks, loadMs: percentile(loads, 0.5) };
}

ensureBuild();
const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const prefix = `bench-${randomUUID().slice(0, 8)}-`;
const budget = await prisma.budget.findFirst({ orderBy: { proposals: { _count: 'desc' } } });
if (!budget) throw new Error('No budget in the database; run `npm run db:seed` first.');
const published = await prisma.consultation.create({
  data: { budgetId: budget.id, title: `${prefix}page weight`, status: 'PUBLISHED', publishedAt: new Date(), deadline: new Date() },
});
const form = await createBurstFixture(db, 1);
const app = await startApp({ databaseUrl });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
try {
  const seeded = await seedResponseVolume(system, { consultationId: published.id, organisations: ORGANISATIONS, prefix });
  const [staff, politician] = [await createUserSession(db, prefix, 'STAFF'), await createUserSession(db, prefix, 'POLITICIAN')];
  const proposal = await prisma.proposal.findFirstOrThrow({ where: { budgetId: budget.id }, orderBy: { position: 'asc' }, select: { id: true } });
  const party = form.parties[0]!;
  const pages: PageCase[] = [
    { label: 'public catalogue', path: '/', htmlGoalKb: null },
    { label: 'public proposal page', path: `/proposals/${proposal.id}`, htmlGoalKb: null },
    { label: 'public consultation page', path: `/consultations/${published.id}`, htmlGoalKb: 250 },
    { label: "politicians' overview", path: `/insight/${published.id}`, token: politician, htmlGoalKb: null },
    { label: 'matrix', path: `/insight/${published.id}/matrix`, token: politician, htmlGoalKb: null },
    { label: `staff consultation page (${seeded.organisations} parties)`, path: `/staff/consultations/${published.id}`, token: staff, htmlGoalKb: 150 },
    { label: 'response form (31 proposals)', path: `/responses/${form.consultationId}/${party.organisationId}`, token: party.token, htmlGoalKb: 300 },
  ];
  console.log(`${seeded.organisations} organisations, ${seeded.answers} answers; ${RUNS} loads per page in chromium on loopback`);
  console.log('| page | HTML KB | HTML gzip KB | JS gzip KB | load ms (median) | goals |');
  console.log('|---|---:|---:|---:|---:|---|');
  const measured: { label: string; chunks: Map<string, number> }[] = [];
  for (const page of pages) {
    const m = await measure(browser, app.url, page);
    measured.push({ label: page.label, chunks: m.chunks });
    const goals = [
      page.htmlGoalKb === null ? null : `HTML < ${page.htmlGoalKb} KB: ${kb(m.html) < page.htmlGoalKb ? 'met' : 'not met'}`,
      `JS < ${JS_GOAL_KB} KB: ${kb(m.scripts) < JS_GOAL_KB ? 'met' : 'not met'}`,
    ].filter(Boolean);
    console.log(`| ${page.label} | ${kb(m.html).toFixed(0)} | ${kb(m.htmlGzip).toFixed(0)} | ${kb(m.scripts).toFixed(0)} | ${m.loadMs.toFixed(0)} | ${goals.join('; ')} |`);
  }
  // What to look at when a route is over the limit: the scripts every page loads, and each page's own.
  const shared = [...measured[0]!.chunks.keys()].filter((chunk) => measured.every((page) => page.chunks.has(chunk)));
  console.log(`\nScripts every page loads: ${kb(shared.reduce((sum, chunk) => sum + measured[0]!.chunks.get(chunk)!, 0)).toFixed(0)} KB gzipped in ${shared.length} files`);
  for (const page of measured) {
    const own = [...page.chunks].filter(([chunk]) => !shared.includes(chunk)).sort((a, b) => b[1] - a[1]);
    console.log(`  ${page.label}: ${own.map(([chunk, size]) => `${chunk.split('/').pop()} ${kb(size).toFixed(1)}`).join(', ') || 'none'}`);
  }
} finally {
  await browser.close();
  await app.stop();
  await dropFixture(db, form);
  // Submitted responses are never deleted by cascade: the bench's own go first.
  await prisma.submission.deleteMany({ where: { response: { consultationId: published.id } } });
  await prisma.response.deleteMany({ where: { consultationId: published.id } });
  await prisma.consultation.delete({ where: { id: published.id } });
  await prisma.organisation.deleteMany({ where: { name: { startsWith: prefix } } });
  await db.query(`DELETE FROM "User" WHERE name LIKE $1 || '%'`, [prefix]);
  await prisma.$disconnect();
  await db.end();
}
