// npm run bench:insight: the server time of the politicians' overview (with its matrix) and of
// each export format, on a throw-away consultation of 200 organisations answering the demo
// budget's proposals, and for exports the longest pause of the event loop meanwhile (what another
// request would have waited). Prints figures; asserts nothing.
// DATABASE_URL must point at a migrated database holding the demo budget (npm run db:seed).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { median } from './lib/stats';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a seeded database, see bench/README.md.');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 200);

const { anonymous, system } = await import('@/lib/server/actor');
const { db } = await import('@/lib/server/db');
const { seedResponseVolume } = await import('@/lib/server/demo-volume');
const { exportConsultation } = await import('@/lib/server/exports');
const { EXPORT_FORMATS } = await import('@/lib/exports/formats');
const { getConsultationInsight } = await import('@/lib/server/insight');
const { filterAndSort, overviewRows, parseOverviewFilters, stanceMatrix } = await import('@/lib/insight/aggregate');
const { OrganisationType } = await import('@/lib/generated/prisma/enums');

// The demo budget is the one imported from the seminar document, by far the largest.
const budget = await db.budget.findFirst({ orderBy: { proposals: { _count: 'desc' } }, include: { _count: { select: { proposals: true } } } });
if (!budget) throw new Error('No budget in the database; run `npm run db:seed` first.');
const prefix = `Bench ${randomUUID().slice(0, 8)} `;
const consultation = await db.consultation.create({
  data: { budgetId: budget.id, title: `${prefix}høring`, status: 'PUBLISHED', publishedAt: new Date(), deadline: new Date() },
});

try {
  const seeded = await seedResponseVolume(system, { consultationId: consultation.id, organisations: ORGANISATIONS, prefix });
  console.log(`${budget.name}: ${budget._count.proposals} proposals, ${seeded.organisations} organisations, ${seeded.answers} answers`);
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${RUNS} runs each, median\n`);
  // What the overview and matrix pages compute per request, without rendering.
  console.log('audience  view      median ms  min ms  max ms');
  for (const [audience, actor] of [['full', system], ['public', anonymous]] as const) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const insight = await getConsultationInsight(actor, consultation.id, '[…]');
      const rows = overviewRows(insight!.proposals, insight!.responses, insight!.catalogue.budget.years[0]!, insight!.catalogue.budget.years);
      filterAndSort(rows, parseOverviewFilters({ sort: 'opposition' }));
      stanceMatrix(insight!.proposals, insight!.responses, Object.values(OrganisationType));
      times.push(performance.now() - start);
    }
    console.log([audience.padEnd(8), 'overview'.padEnd(8), median(times).toFixed(0).padStart(9), Math.min(...times).toFixed(0).padStart(6), Math.max(...times).toFixed(0).padStart(6)].join('  '));
  }
  console.log('\naudience  format  median ms  min ms  max ms  size kB  longest event-loop pause ms');
  for (const [audience, actor] of [['full', system], ['public', anonymous]] as const) {
    for (const format of EXPORT_FORMATS) {
      const times: number[] = [];
      const pauses: number[] = [];
      let size = 0;
      for (let run = 0; run < RUNS; run++) {
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        const start = performance.now();
        const file = await exportConsultation(actor, consultation.id, format);
        times.push(performance.now() - start);
        delay.disable();
        pauses.push(delay.max / 1e6);
        size = file!.bytes.length;
      }
      const cells = [audience.padEnd(8), format.padEnd(6), median(times).toFixed(0).padStart(9), Math.min(...times).toFixed(0).padStart(6), Math.max(...times).toFixed(0).padStart(6), (size / 1024).toFixed(0).padStart(7), median(pauses).toFixed(0).padStart(27)];
      console.log(cells.join('  '));
    }
  }
} finally {
  // Submitted responses are never deleted by cascade: the bench's own go first.
  await db.submission.deleteMany({ where: { response: { consultationId: consultation.id } } });
  await db.response.deleteMany({ where: { consultationId: consultation.id } });
  await db.consultation.delete({ where: { id: consultation.id } });
  await db.organisation.deleteMany({ where: { name: { startsWith: prefix } } });
  await db.$disconnect();
}
