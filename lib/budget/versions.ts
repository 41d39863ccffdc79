// What a proposal version holds and what changed between two versions. Pure, for the server
// and the pages alike.
import { EXPENDITURE_KINDS, type ExpenditureKind, type ProposalType } from '@/lib/budget/vocabulary';

export interface VersionLine {
  kind: ExpenditureKind;
  type: ProposalType;
  year: number;
  /** Integer thousands of DKK. */
  amount: number;
}

export interface VersionContent {
  title: string;
  summary: string;
  lines: VersionLine[];
}

export interface AmountChange {
  kind: ExpenditureKind;
  year: number;
  /** null when the line did not exist before, or does not exist after. */
  from: number | null;
  to: number | null;
}

export interface VersionChanges {
  title: boolean;
  summary: boolean;
  /** Kinds whose type changed, where the kind has lines both before and after. */
  types: ExpenditureKind[];
  amounts: AmountChange[];
}

/** The lines in the one order versions are stored in (kind as in the budget, then year), with nothing else. */
export function orderedLines(lines: Iterable<VersionLine>): VersionLine[] {
  return [...lines]
    .map(({ kind, type, year, amount }) => ({ kind, type, year, amount }))
    .sort((a, b) => EXPENDITURE_KINDS.indexOf(a.kind) - EXPENDITURE_KINDS.indexOf(b.kind) || a.year - b.year);
}

const key = (line: { kind: string; year: number }) => `${line.kind}:${line.year}`;

export function versionChanges(before: VersionContent, after: VersionContent): VersionChanges {
  const old = new Map(before.lines.map((line) => [key(line), line]));
  const now = new Map(after.lines.map((line) => [key(line), line]));
  const amounts: AmountChange[] = [];
  for (const line of orderedLines([...before.lines, ...after.lines.filter((l) => !old.has(key(l)))])) {
    const from = old.get(key(line))?.amount ?? null;
    const to = now.get(key(line))?.amount ?? null;
    if (from !== to) amounts.push({ kind: line.kind, year: line.year, from, to });
  }
  const typeOf = (content: VersionContent, kind: ExpenditureKind) => content.lines.find((line) => line.kind === kind)?.type;
  return {
    title: before.title !== after.title,
    summary: before.summary !== after.summary,
    types: EXPENDITURE_KINDS.filter((kind) => {
      const [from, to] = [typeOf(before, kind), typeOf(after, kind)];
      return from !== undefined && to !== undefined && from !== to;
    }),
    amounts,
  };
}

/** Whether two contents differ in text, a type or an amount (line types within a kind included). */
export function contentDiffers(before: VersionContent, after: VersionContent): boolean {
  return (
    before.title !== after.title ||
    before.summary !== after.summary ||
    JSON.stringify(orderedLines(before.lines)) !== JSON.stringify(orderedLines(after.lines))
  );
}
