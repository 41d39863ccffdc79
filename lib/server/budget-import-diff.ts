import 'server-only';
import type { ParsedBudgetDocument } from '@/lib/budget-document/parse';
import { versionChanges, type AmountChange } from '@/lib/budget/versions';
import type { ExpenditureKind, ProposalType } from '@/lib/budget/vocabulary';
import type { Actor } from '@/lib/server/actor';
import { budgetNameFor, compareWithExisting, EXISTING_PROPOSAL } from '@/lib/server/budget-import';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

export type ProposalStatus = 'new' | 'changed' | 'unchanged';

/** What the document changes of one proposal, field by field, old → new. */
export interface ProposalChanges {
  title?: { from: string; to: string };
  summary?: { from: string; to: string };
  list?: { from: string; to: string };
  types: { kind: ExpenditureKind; from: ProposalType; to: ProposalType }[];
  amounts: AmountChange[];
}

export interface ProposalDiff {
  code: string;
  title: string;
  listPosition: number;
  status: ProposalStatus;
  changes?: ProposalChanges;
  /** Staff moved it: it stays in its list, though the document puts it in another. */
  keptMove: boolean;
  /** Staff edited it: it keeps their text and lines, though the document's differ. */
  keptEdit: boolean;
}

export interface DocumentDiff {
  budgetName: string;
  /** False when no budget of these years has been imported: every proposal is new. */
  budgetExists: boolean;
  proposals: ProposalDiff[];
  /** In the database but not in the document: the import keeps them, as responses may refer to them. */
  notInDocument: { code: string; title: string; list: string }[];
}

/** Compares a parsed document with the budget of the same years, as importBudgetDocument would treat it; writes nothing. */
export async function diffBudgetDocument(actor: Actor, document: ParsedBudgetDocument): Promise<DocumentDiff> {
  await authorize(actor, 'budget.import');
  const budgetName = budgetNameFor(document.years);
  const budget = await db.budget.findUnique({
    where: { name: budgetName },
    include: { lists: true, proposals: { include: EXISTING_PROPOSAL, orderBy: { position: 'asc' } } },
  });
  const lists = budget?.lists ?? [];
  const listName = (id: string) => lists.find((l) => l.id === id)?.name ?? '';
  const existingByCode = new Map((budget?.proposals ?? []).map((p) => [p.code, p]));

  const proposals = document.lists.flatMap((list) =>
    list.proposals.map((parsed, position): ProposalDiff => {
      const base = { code: parsed.code, title: parsed.title, listPosition: list.position, keptMove: false, keptEdit: false };
      const existing = existingByCode.get(parsed.code);
      if (!existing) return { ...base, status: 'new' };
      // A list the import has yet to create has no id; '' differs from every existing one.
      const listId = lists.find((l) => l.position === list.position)?.id ?? '';
      const { content, current, contentChanged, keptMove, keptEdit } = compareWithExisting(existing, parsed, listId, position);
      const listChanged = existing.listId !== listId;
      if (!contentChanged && !listChanged) return { ...base, status: 'unchanged', keptMove, keptEdit };
      const changed = versionChanges(current, content);
      const typeOf = (lines: typeof content.lines, kind: ExpenditureKind) => lines.find((line) => line.kind === kind)!.type;
      return {
        ...base,
        status: 'changed',
        keptMove,
        keptEdit,
        changes: {
          ...(changed.title && { title: { from: current.title, to: content.title } }),
          ...(changed.summary && { summary: { from: current.summary, to: content.summary } }),
          ...(listChanged && { list: { from: listName(existing.listId), to: list.heading } }),
          types: changed.types.map((kind) => ({ kind, from: typeOf(current.lines, kind), to: typeOf(content.lines, kind) })),
          amounts: changed.amounts,
        },
      };
    }),
  );

  const inDocument = new Set(proposals.map((p) => p.code));
  return {
    budgetName,
    budgetExists: Boolean(budget),
    proposals,
    notInDocument: (budget?.proposals ?? []).filter((p) => !inDocument.has(p.code)).map((p) => ({ code: p.code, title: p.title, list: listName(p.listId) })),
  };
}
