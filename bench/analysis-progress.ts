// npm run bench:analysis-progress: the server time of the analysis progress (per proposal, per analyst and
// in all) and of grouping duplicate answers, on a throw-away closed consultation of 200
// organisations answering the demo budget's proposals, with about half the answers read and a
// third tagged. Prints figures; asserts nothing.
// DATABASE_URL must point at a migrated database holding the demo budget (npm run db:seed).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { median } from './lib/stats';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a seeded database, see bench/README.md.');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 200);

const { system } = await import('@/lib/server/actor');
const { db } = await import('@/lib/server/db');
const { seedResponseVolume } = await import('@/lib/server/demo-volume');
const { analysisProgress } = await import('@/lib/server/analysis-progress');
const { duplicateGroups } = await import('@/lib/server/duplicate-answers');

const budget = await db.budget.findFirst({ orderBy: { proposals: { _count: 'desc' } }, include: { _count: { select: { proposals: true } } } });
if (!budget) throw new Error('No budget in the database; run `npm run db:seed` first.');
const prefix = `Bench ${randomUUID().slice(0, 8)} `;
const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `${prefix}høring`, status: 'CLOSED', deadline: new Date() } });
const analysts = await Promise.all([1, 2, 3].map((i) => db.user.create({ data: { email: `${prefix.trim().replace(' ', '-').toLowerCase()}-${i}@bench.example`, name: `${prefix}analytiker ${i}`, role: 'STAFF' } })));

try {
  const seeded = await seedResponseVolume(system, { consultationId: consultation.id, organisations: ORGANISATIONS, prefix });
  const proposals = await db.proposal.findMany({ where: { budgetId: budget.id }, select: { id: true } });
  await db.proposalAnalyst.createMany({ data: proposals.map((p, i) => ({ consultationId: consultation.id, proposalId: p.id, userId: analysts[i % analysts.length]!.id })) });
  const answers = await db.answer.findMany({ where: { response: { consultationId: consultation.id } }, select: { responseId: true, proposalId: true } });
  const theme = await db.theme.create({ data: { consultationId: consultation.id, name: `${prefix}tema` } });
  const analystOf = new Map(proposals.map((p, i) => [p.id, analysts[i % analysts.length]!.id]));
  await db.answerRead.createMany({ data: answers.filter((_, i) => i % 2 === 0).map((a) => ({ ...a, userId: analystOf.get(a.proposalId)! })) });
  await db.themeTag.createMany({ data: answers.filter((_, i) => i % 3 === 0).map((a) => ({ id: randomUUID(), themeId: theme.id, ...a, target: 'ANSWER' as const, submissionVersion: 1 })) });
  console.log(`${budget.name}: ${budget._count.proposals} proposals, ${seeded.organisations} organisations, ${seeded.answers} answers`);
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${RUNS} runs each after a warm-up\n`);
  console.log('what                               median ms  min ms  max ms  result');
  const time = async (label: string, run: () => Promise<string>) => {
    await run();
    const times: number[] = [];
    let result = '';
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      result = await run();
      times.push(performance.now() - start);
    }
    console.log([label.padEnd(33), median(times).toFixed(0).padStart(9), Math.min(...times).toFixed(0).padStart(6), Math.max(...times).toFixed(0).padStart(6), ` ${result}`].join('  '));
  };
  await time('analysisProgress', async () => {
    const progress = (await analysisProgress(system, consultation.id))!;
    return `${progress.total.read} of ${progress.total.answers} read, ${progress.total.tagged} tagged, ${progress.analysts.length} analysts`;
  });
  await time('duplicateGroups (consultation)', async () => {
    const groups = (await duplicateGroups(system, consultation.id))!;
    return `${groups.length} groups of ${groups.reduce((sum, g) => sum + g.count, 0)} answers`;
  });
  await time('duplicateGroups (one proposal)', async () => {
    const groups = (await duplicateGroups(system, consultation.id, proposals[0]!.id))!;
    return `${groups.length} groups of ${groups.reduce((sum, g) => sum + g.count, 0)} answers`;
  });
} finally {
  // Submitted responses are never deleted by cascade: the bench's own go first.
  await db.submission.deleteMany({ where: { response: { consultationId: consultation.id } } });
  await db.themeTag.deleteMany({ where: { response: { consultationId: consultation.id } } });
  await db.answerRead.deleteMany({ where: { response: { consultationId: consultation.id } } });
  await db.response.deleteMany({ where: { consultationId: consultation.id } });
  await db.consultation.delete({ where: { id: consultation.id } });
  await db.user.deleteMany({ where: { id: { in: analysts.map((a) => a.id) } } });
  await db.organisation.deleteMany({ where: { name: { startsWith: prefix } } });
  await db.$disconnect();
}
