import 'server-only';
import { EXPENDITURE_KINDS } from '@/lib/budget/vocabulary';
import type { ParsedBudgetDocument, ParsedProposal } from '@/lib/budget-document/parse';
import { readBudgetCsv, writeBudgetCsv } from '@/lib/budget-spreadsheet/csv';
import { computedTotals, templateDocument } from '@/lib/budget-spreadsheet/sheet';
import { readBudgetXlsx, writeBudgetXlsx, XLSX_CONTENT_TYPE } from '@/lib/budget-spreadsheet/xlsx';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { flatLines, LINES_WITH_TYPES } from '@/lib/server/budget-lines';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

export type SpreadsheetFormat = 'csv' | 'xlsx';
export type SpreadsheetInput = { format: 'csv'; text: string } | { format: 'xlsx'; bytes: Uint8Array };
export interface SpreadsheetFile { fileName: string; contentType: string; bytes: Uint8Array }

/**
 * Reads an uploaded CSV or XLSX file for staff to review before anything is written; throws
 * SpreadsheetError with every problem. `csv` is the same document in the CSV layout: what the
 * confirmation sends back and imports, so that what is written is exactly what was checked.
 */
export async function previewBudgetSpreadsheet(actor: Actor, input: SpreadsheetInput): Promise<{ document: ParsedBudgetDocument; csv: string }> {
  await authorize(actor, 'budget.import');
  const document = input.format === 'csv' ? readBudgetCsv(input.text) : await readBudgetXlsx(input.bytes);
  return { document, csv: writeBudgetCsv(document) };
}

async function fileOf(document: ParsedBudgetDocument, baseName: string, format: SpreadsheetFormat): Promise<SpreadsheetFile> {
  if (format === 'csv') return { fileName: `${baseName}.csv`, contentType: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(writeBudgetCsv(document)) };
  return { fileName: `${baseName}.xlsx`, contentType: XLSX_CONTENT_TYPE, bytes: await writeBudgetXlsx(document) };
}

/** The import template: the header and one example row, for the budget's years (without one, the next four). */
export async function budgetSpreadsheetTemplate(actor: Actor, format: SpreadsheetFormat, budgetId: string | null): Promise<SpreadsheetFile> {
  await authorize(actor, 'budget.template');
  const next = new Date().getFullYear() + 1;
  const budget = budgetId ? await db.budget.findUnique({ where: { id: budgetId }, select: { years: true } }) : null;
  const years = budget?.years ?? [next, next + 1, next + 2, next + 3];
  return fileOf(templateDocument(years), 'forslag-skabelon', format);
}

/**
 * A budget's proposals as XLSX in the import layout, with "I alt" rows holding the lists' sums,
 * so that an export imports again unchanged. Null when there is no such budget.
 */
export async function exportBudgetSpreadsheet(actor: Actor, budgetId: string): Promise<SpreadsheetFile | null> {
  await authorize(actor, 'budget.export', { object: { type: 'Budget', id: budgetId } });
  const budget = await db.budget.findUnique({ where: { id: budgetId } });
  if (!budget) return null;
  const lists = await db.budgetList.findMany({
    where: { budgetId: budget.id },
    orderBy: { position: 'asc' },
    include: { proposals: { orderBy: { position: 'asc' }, include: LINES_WITH_TYPES } },
  });
  const document: ParsedBudgetDocument = {
    years: budget.years,
    lists: lists.map((list, position) => {
      const proposals = list.proposals.map((proposal): ParsedProposal => ({
        code: proposal.code,
        committeeCode: proposal.committeeCode,
        title: proposal.title,
        summary: proposal.summary,
        lines: EXPENDITURE_KINDS.flatMap((kind) => {
          const lines = flatLines(proposal).filter((line) => line.kind === kind);
          if (!lines.length) return [];
          return [{ kind, type: lines[0]!.type, amounts: budget.years.map((year) => ({ year, amount: lines.find((line) => line.year === year)?.amount ?? 0 })) }];
        }),
      }));
      const totals = computedTotals(proposals, budget.years);
      return { heading: list.name, position, incorporated: list.incorporated, proposals, printedTotals: totals, computedTotals: totals };
    }),
  };
  await audit(actor, { action: 'budget.export', objectType: 'Budget', objectId: budget.id, details: { format: 'xlsx', proposals: lists.reduce((n, l) => n + l.proposals.length, 0) } });
  return fileOf(document, budget.name.toLowerCase().replace(/\s+/g, '-'), 'xlsx');
}
