// npm run bench:analysis: the server time of the budget office's analysis view of one proposal
// (analysisView, with each filter) and of the suggested tags of a theme across the consultation
// (themeSuggestions), on a throw-away closed consultation of 200 organisations answering the demo
// budget's proposals, with a share of the answers already tagged. Prints figures; asserts nothing.
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
const { analysisView } = await import('@/lib/server/analysis-view');
const { themeSuggestions } = await import('@/lib/server/themes');

async function time<T>(run: () => Promise<T>): Promise<{ times: number[]; result: T }> {
  await run(); // warm-up
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  return { times, result };
}

const line = (name: string, times: number[], extra: string) =>
  console.log([name.padEnd(34), median(times).toFixed(0).padStart(9), Math.min(...times).toFixed(0).padStart(6), Math.max(...times).toFixed(0).padStart(6), extra].join('  '));

const budget = await db.budget.findFirst({ orderBy: { proposals: { _count: 'desc' } }, include: { _count: { select: { proposals: true } } } });
if (!budget) throw new Error('No budget in the database; run `npm run db:seed` first.');
const prefix = `Bench ${randomUUID().slice(0, 8)} `;
const consultation = await db.consultation.create({ data: { budgetId: budget.id, title: `${prefix}høring`, status: 'CLOSED', deadline: new Date() } });

try {
  const seeded = await seedResponseVolume(system, { consultationId: consultation.id, organisations: ORGANISATIONS, prefix });
  const themes = await Promise.all(
    [
      ['Brugerbetaling', ['brugerbetaling', 'egenbetaling', 'takst']],
      ['Konsekvenser for ældre', ['plejehjem', 'hjemmepleje', 'ældre']],
      ['Flytter udgiften', ['udgift', 'merudgift']],
    ].map(([name, keywords]) => db.theme.create({ data: { consultationId: consultation.id, name: `${prefix}${name as string}`, keywords: keywords as string[] } })),
  );
  // Every third answer to every proposal tagged with one of the themes, as halfway through the analysis.
  const answers = await db.answer.findMany({ where: { response: { consultationId: consultation.id } }, select: { responseId: true, proposalId: true }, orderBy: [{ proposalId: 'asc' }, { responseId: 'asc' }] });
  await db.themeTag.createMany({
    data: answers.filter((_, i) => i % 3 === 0).map((a, i) => ({ themeId: themes[i % themes.length]!.id, responseId: a.responseId, target: 'ANSWER' as const, proposalId: a.proposalId, submissionVersion: 1 })),
  });
  const busiest = await db.answer.groupBy({ by: ['proposalId'], where: { response: { consultationId: consultation.id } }, _count: { _all: true }, orderBy: { _count: { proposalId: 'desc' } }, take: 1 });
  const proposalId = busiest[0]!.proposalId;
  console.log(`${budget.name}: ${budget._count.proposals} proposals, ${seeded.organisations} organisations, ${seeded.answers} answers, ${Math.ceil(answers.length / 3)} tagged`);
  console.log(`${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${RUNS} runs each after a warm-up, median\n`);

  console.log(`${'analysis view of the busiest proposal'.padEnd(34)}  median ms  min ms  max ms  answers shown`);
  const filters = [
    ['no filter', {}],
    ['stance OPPOSE', { stance: 'OPPOSE' as const }],
    ['organisation type SENIOR_COUNCIL', { organisationType: 'SENIOR_COUNCIL' as const }],
    ['statutory bodies', { statutory: true }],
    ['theme', { theme: themes[0]!.id }],
    ['untagged', { theme: 'none' }],
    ['unread', { unread: true }],
    ['stance + theme + unread', { stance: 'OPPOSE' as const, theme: themes[1]!.id, unread: true }],
  ] as const;
  for (const [name, filter] of filters) {
    const { times, result } = await time(() => analysisView(system, consultation.id, proposalId, filter));
    line(name, times, `${result!.answers.length} of ${result!.total}`);
  }

  console.log(`\n${'suggested tags, whole consultation'.padEnd(34)}  median ms  min ms  max ms  suggestions`);
  for (const theme of themes) {
    const { times, result } = await time(() => themeSuggestions(system, { consultationId: consultation.id, themeId: theme.id }));
    line(theme.name.slice(prefix.length), times, String(result.length));
  }
} finally {
  // Submitted responses are never deleted by cascade: the bench's own go first.
  await db.theme.deleteMany({ where: { consultationId: consultation.id } });
  await db.submission.deleteMany({ where: { response: { consultationId: consultation.id } } });
  await db.response.deleteMany({ where: { consultationId: consultation.id } });
  await db.consultation.delete({ where: { id: consultation.id } });
  await db.organisation.deleteMany({ where: { name: { startsWith: prefix } } });
  await db.$disconnect();
}
