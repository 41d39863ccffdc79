// npm run import -- <file> [--dry-run] [--json]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BudgetDocumentError, formatIssue, parseBudgetDocument } from '@/lib/budget-document/parse';
import { prisma, resolveDatabase } from './lib/database';

const usage = 'Brug / usage: npm run import -- <fil> [--dry-run] [--json]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`Kan ikke læse filen ${file}: ${(error as Error).message}`);
    return 2;
  }

  let document;
  try {
    document = parseBudgetDocument(text);
  } catch (error) {
    if (!(error instanceof BudgetDocumentError)) throw error;
    console.error('Dokumentet kan ikke indlæses; intet er gemt:');
    for (const issue of error.issues) console.error(`  - ${formatIssue(issue)}`);
    return 1;
  }

  // Messages go to stderr so that --json output stays machine-readable.
  if (values.json) console.log(JSON.stringify(document, null, 2));
  const proposals = document.lists.reduce((n, list) => n + list.proposals.length, 0);
  console.error(`Indlæst: ${document.lists.length} lister, ${proposals} forslag, år ${document.years.join(', ')}. Summerne stemmer med dokumentets "I alt".`);
  if (values['dry-run']) {
    console.error('--dry-run: intet er gemt.');
    return 0;
  }

  const database = await resolveDatabase();
  try {
    prisma(['migrate', 'deploy'], database.url, { quiet: true });
    process.env.DATABASE_URL = database.url;
    // Imported late: the database client reads DATABASE_URL when it loads.
    const { documentHash, importBudgetDocument } = await import('@/lib/server/budget-import');
    const { system } = await import('@/lib/server/actor');
    const { db } = await import('@/lib/server/db');
    const result = await importBudgetDocument(system, document, documentHash(text)).finally(() => db.$disconnect());
    console.error(
      result.changes === 0
        ? `${result.budgetName}: uændret (dokumentet var allerede indlæst).`
        : `${result.budgetName}: ${result.proposals} forslag gemt (${result.changes} ændringer).`,
    );
    if (result.notInDocument.length) console.error(`Findes i databasen men ikke i dokumentet (bevaret): ${result.notInDocument.join(', ')}`);
    if (result.keptMoves.length) console.error(`Flyttet af administrationen, bliver på deres liste: ${result.keptMoves.join(', ')}`);
    if (result.keptEdits.length) console.error(`Redigeret af administrationen, tekst og beløb bevaret: ${result.keptEdits.join(', ')}`);
    return 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
