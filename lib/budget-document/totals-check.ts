// The totals check of the document parser: a list's rows are summed per kind and year
// (lib/budget/totals.ts) and compared with the "I alt" rows the document prints.
import { sumByKindAndYear, type AmountLine } from '../budget/totals';
import { EXPENDITURE_KINDS } from '../budget/vocabulary';
import type { DocumentIssue } from './parse';
import type { DraftLine, PrintedTotals } from './read-lines';

export function checkTotals(list: { heading: string; proposals: { lines: DraftLine[] }[]; printed: PrintedTotals }, years: number[]): { printedTotals: AmountLine[]; computedTotals: AmountLine[]; issues: DocumentIssue[] } {
  const issues: DocumentIssue[] = [];
  const printedTotals: AmountLine[] = [];
  const computedTotals: AmountLine[] = [];
  const rows = list.proposals.flatMap((p) => p.lines);
  // A row whose amounts could not be read counts as zero; its issue is already reported.
  const sums = sumByKindAndYear(rows.flatMap((r) => years.map((year, i) => ({ kind: r.kind, year, amount: r.amounts?.[i] ?? 0 }))), years);
  for (const kind of EXPENDITURE_KINDS) {
    const kindRows = rows.filter((r) => r.kind === kind);
    const printed = list.printed.get(kind);
    years.forEach((year, i) => {
      computedTotals.push({ kind, year, amount: sums[kind][year]! });
      if (printed?.amounts) printedTotals.push({ kind, year, amount: printed.amounts[i] ?? 0 });
    });
    // Comparing after an unreadable row or total would only repeat the issue already reported.
    if (kindRows.some((r) => !r.amounts) || (printed && !printed.amounts)) continue;
    if (!printed) {
      const year = years.find((y) => sums[kind][y] !== 0);
      if (year !== undefined) issues.push({ code: 'MISSING_TOTALS', list: list.heading, kind, year, actual: sums[kind][year] });
      continue;
    }
    years.forEach((year, i) => {
      const expected = printed.amounts?.[i] ?? 0;
      const actual = sums[kind][year]!;
      if (actual !== expected) {
        issues.push({ code: 'TOTALS_MISMATCH', ...printed.at, list: list.heading, kind, year, expected, actual, difference: actual - expected });
      }
    });
  }
  return { printedTotals, computedTotals, issues };
}
