import { EXPENDITURE_KINDS, type ExpenditureKind } from '@/lib/budget/vocabulary';

export interface AmountLine {
  kind: ExpenditureKind;
  year: number;
  amount: number;
}

export type TotalsByKind = Record<ExpenditureKind, Record<number, number>>;

/** Sums integer amounts per expenditure kind and year; every year of the budget gets a value. */
export function sumByKindAndYear(lines: Iterable<AmountLine>, years: readonly number[]): TotalsByKind {
  const totals = Object.fromEntries(
    EXPENDITURE_KINDS.map((kind) => [kind, Object.fromEntries(years.map((year) => [year, 0]))]),
  ) as TotalsByKind;
  for (const { kind, year, amount } of lines) {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount must be an integer number of thousands, got ${amount}`);
    totals[kind][year] = (totals[kind][year] ?? 0) + amount;
  }
  return totals;
}

/** The totals as a list, kind by kind and year by year: the order the documents print them in. */
export function totalsList(lines: Iterable<AmountLine>, years: readonly number[]): AmountLine[] {
  const sums = sumByKindAndYear(lines, years);
  return EXPENDITURE_KINDS.flatMap((kind) => years.map((year) => ({ kind, year, amount: sums[kind][year]! })));
}
