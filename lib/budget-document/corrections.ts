// Staff's corrections of the rows the parser could not read, and the totals check run again on
// the corrected document: what the import's preview shows and its confirmation requires. Pure.
import { EXPENDITURE_KINDS, type ExpenditureKind } from '../budget/vocabulary';
import { computedTotals } from '../budget-spreadsheet/sheet';
import type { ParsedBudgetDocument, ParsedLine } from './parse';
import type { UnreadRow } from './unread';

/** One unread row as staff filled it in: a whole proposal, replacing the row's raw text. */
export interface RowCorrection {
  /** The unread row's key, which names it by its place. */
  key: string;
  code: string;
  title: string;
  summary: string;
  listPosition: number;
  lines: ParsedLine[];
}

export interface TotalsCheckRow {
  list: string;
  listPosition: number;
  kind: ExpenditureKind;
  year: number;
  /** Null when the document prints no total for the kind: then there is nothing to compare with. */
  printed: number | null;
  computed: number;
  difference: number;
}

/** The committee code is the proposal code's letters, as the parser reads it. */
export const committeeCodeOf = (code: string): string => /^\p{Lu}+/u.exec(code)?.[0] ?? '';

/** The document with each correction's proposal at the end of its list, and the lists' sums computed again. */
export function applyCorrections(document: ParsedBudgetDocument, corrections: RowCorrection[]): ParsedBudgetDocument {
  return {
    years: document.years,
    lists: document.lists.map((list) => {
      const added = corrections
        .filter((c) => c.listPosition === list.position)
        .map((c) => ({ code: c.code, committeeCode: committeeCodeOf(c.code), title: c.title, summary: c.summary, lines: c.lines }));
      const proposals = [...list.proposals, ...added];
      return { ...list, proposals, computedTotals: computedTotals(proposals, document.years) };
    }),
  };
}

/** Printed against computed sums, per list, kind and year. */
export function totalsCheck(document: ParsedBudgetDocument): TotalsCheckRow[] {
  return document.lists.flatMap((list) =>
    EXPENDITURE_KINDS.flatMap((kind) =>
      document.years.map((year) => {
        const printed = list.printedTotals.find((t) => t.kind === kind && t.year === year)?.amount ?? null;
        const computed = list.computedTotals.find((t) => t.kind === kind && t.year === year)?.amount ?? 0;
        return { list: list.heading, listPosition: list.position, kind, year, printed, computed, difference: printed === null ? 0 : computed - printed };
      }),
    ),
  );
}

/** Rows still unread: those staff have not corrected. */
export function remainingRows(unread: UnreadRow[], corrections: RowCorrection[]): UnreadRow[] {
  return unread.filter((row) => !corrections.some((c) => c.key === row.key));
}
