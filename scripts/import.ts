// npm run import -- <file.pdf|.docx|.txt|.csv|.xlsx> [--dry-run] [--json]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTranslator } from 'next-intl';
import { parseBudgetFile } from '@/lib/budget-document/file';
import { BudgetDocumentError, formatIssue } from '@/lib/budget-document/parse';
import { SpreadsheetError, type SheetIssue } from '@/lib/budget-spreadsheet/sheet';
import { formatAmount } from '@/lib/format';
import da from '@/lib/i18n/messages/da.json';
import { prisma, resolveDatabase } from './lib/database';

const usage = 'Brug / usage: npm run import -- <fil.pdf|.docx|.txt|.csv|.xlsx> [--dry-run] [--json]';

/** A spreadsheet problem in the Danish of the import page, with its row and column. */
function sheetProblem(issue: SheetIssue): string {
  const t = createTranslator({ locale: 'da', messages: da });
  const problem = t(`spreadsheet.issues.${issue.code}`, {
    header: issue.header ?? '', text: issue.text ?? '', list: issue.list ?? '', proposal: issue.proposal ?? '',
    kind: issue.kind ? t(`kinds.${issue.kind}`) : '', year: String(issue.year ?? ''),
    expected: formatAmount(issue.expected ?? 0), actual: formatAmount(issue.actual ?? 0), difference: formatAmount(issue.difference ?? 0),
  });
  if (issue.row && issue.column) return t('spreadsheet.cell', { row: issue.row, column: issue.column, header: issue.header ?? '', problem });
  return issue.row ? t('spreadsheet.row', { row: issue.row, problem }) : problem;
}

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
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    console.error(`Kan ikke læse filen ${file}: ${(error as Error).message}`);
    return 2;
  }

  let document;
  try {
    ({ document } = await parseBudgetFile({ name: file, bytes }));
  } catch (error) {
    const problems = error instanceof BudgetDocumentError ? error.issues.map(formatIssue) : error instanceof SpreadsheetError ? error.issues.map(sheetProblem) : undefined;
    if (!problems) throw error;
    console.error('Dokumentet kan ikke indlæses; intet er gemt:');
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }

  // Messages go to stderr so that --json output stays machine-readable.
  if (values.json) console.log(JSON.stringify(document, null, 2));
  const proposals = document.lists.reduce((n, list) => n + list.proposals.length, 0);
  console.error(`Indlæst: ${document.lists.length} lister, ${proposals} forslag, år ${document.years.join(', ')}.${document.lists.every((list) => list.printedTotals.length) ? ' Summerne stemmer med dokumentets "I alt".' : ''}`);
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
    const result = await importBudgetDocument(system, document, documentHash(bytes)).finally(() => db.$disconnect());
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
