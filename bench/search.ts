// npm run bench:search: times search() on realistic volume: the demo budget's proposals and a
// published consultation with 200 organisations answering most of them (seedResponseVolume).
// Writes test data, so it runs on DATABASE_URL only when that is a scratch database; without it
// on a database of its own (`budgethoering_bench`) on the embedded server.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prisma, projectRoot } from '../scripts/lib/database';
import { ensureDatabase, startEmbeddedDatabase } from '../scripts/lib/embedded-db';

const ORGANISATIONS = 200;
const RUNS = 10;
const TITLE = 'Benchmark: søgning';

const server = process.env.DATABASE_URL ? null : await startEmbeddedDatabase({ dataDir: path.join(projectRoot, '.data', 'postgres'), port: 54329, persistent: true });
try {
  const url = process.env.DATABASE_URL ?? (await ensureDatabase(server!.serverUrl, 'budgethoering_bench'));
  prisma(['migrate', 'deploy'], url, { quiet: true });
  process.env.DATABASE_URL = url;
  const { parseBudgetDocument } = await import('@/lib/budget-document/parse');
  const { anonymous, system } = await import('@/lib/server/actor');
  const { documentHash, importBudgetDocument } = await import('@/lib/server/budget-import');
  const { db } = await import('@/lib/server/db');
  const { DEMO_DOCUMENT } = await import('@/lib/server/demo-data');
  const { seedResponseVolume } = await import('@/lib/server/demo-volume');
  const { search } = await import('@/lib/server/search');

  const text = readFileSync(DEMO_DOCUMENT, 'utf8');
  const { budgetId } = await importBudgetDocument(system, parseBudgetDocument(text), documentHash(text));
  const consultation =
    (await db.consultation.findFirst({ where: { budgetId, title: TITLE } })) ??
    (await db.consultation.create({ data: { budgetId, title: TITLE, deadline: new Date(), status: 'PUBLISHED', publishedAt: new Date() } }));
  if ((await db.response.count({ where: { consultationId: consultation.id } })) === 0) {
    await seedResponseVolume(system, { consultationId: consultation.id, organisations: ORGANISATIONS, prefix: 'Bench ' });
  }
  const proposals = await db.proposal.count({ where: { budgetId } });
  const answers = await db.answer.count({ where: { response: { consultationId: consultation.id } } });
  console.log(`${ORGANISATIONS} organisations × ${proposals} proposals (${answers} answers); ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, PostgreSQL ${(await db.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version') AS v`)[0]?.v}`);

  const politician = { kind: 'user', userId: 'bench', role: 'POLITICIAN' } as const;
  for (const [audience, actor] of [['public', anonymous], ['politician', politician], ['staff', system]] as const) {
    for (const query of ['plejehjem', 'besparelse ventetider', 'xylofon', 'ISU20', 'ældrerådet', 'skole']) {
      const run = () => search(actor, query, { budgetId, marker: '[udeladt]' });
      const { proposals: p, responses: r, organisations: o } = await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const median = (times[RUNS / 2 - 1]! + times[RUNS / 2]!) / 2;
      console.log(`${audience.padEnd(10)} ${JSON.stringify(query).padEnd(24)} ${String(p.total).padStart(3)} proposals ${String(r.total).padStart(5)} response texts ${String(o.total).padStart(3)} organisations   median ${median.toFixed(0).padStart(4)} ms   max ${times.at(-1)!.toFixed(0).padStart(4)} ms`);
    }
  }
  await db.$disconnect();
} finally {
  await server?.stop();
}
