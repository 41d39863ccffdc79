// CSV files in the spreadsheet layout (see sheet.ts): semicolon-separated as Danish Excel writes
// them, comma- or tab-separated also read; UTF-8 with or without a byte order mark.
import { parse } from 'csv-parse/sync';
import { CSV_BOM, csvRecords, unguardedCell } from '../exports/csv';
import { formatAmount } from '../format';
import type { ParsedBudgetDocument } from '../budget-document/parse';
import { budgetRows, readBudgetRows, SpreadsheetError } from './sheet';

/** The separator that splits the header line into the most cells, ignoring quoted text. */
function delimiterOf(text: string): string {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  return [';', ',', '\t'].reduce((best, candidate) => (header.split(candidate).length > header.split(best).length ? candidate : best));
}

export function readBudgetCsv(text: string): ParsedBudgetDocument {
  const input = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  let rows: string[][];
  try {
    rows = parse(input, { delimiter: delimiterOf(input), relax_column_count: true, skip_empty_lines: false, cast: unguardedCell });
  } catch (error) {
    // csv-parse reports the line of, e.g., an unclosed quote.
    const line = error instanceof Error && 'lines' in error && typeof error.lines === 'number' ? error.lines : undefined;
    throw new SpreadsheetError([{ code: 'UNREADABLE', row: line }]);
  }
  return readBudgetRows(rows);
}

/** Danish amounts, so that Danish Excel opens it as it is; texts that look like formulas stay text (see csvRecords). */
export function writeBudgetCsv(document: ParsedBudgetDocument): string {
  const [header = [], ...rows] = budgetRows(document);
  return CSV_BOM + csvRecords([header.map(String), ...rows], formatAmount);
}
