import 'server-only';
// The proposal catalogue is public by design: anyone, signed in or not, may read every
// imported proposal, so these reads take no actor. Writes live in budget-import.ts.
import { flatLines, LINES_WITH_TYPES } from '@/lib/server/budget-lines';
import { db } from '@/lib/server/db';
import { cachedRead } from '@/lib/server/read-cache';
import { sumByKindAndYear, type TotalsByKind } from '@/lib/budget/totals';
import type { ExpenditureKind, ProposalType } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';

export interface CatalogueFilters {
  committee?: string;
  type?: ProposalType;
  /** Matches code or title, case-insensitively. */
  query?: string;
}

export interface CommitteeLabel {
  code: string;
  name: string | null;
}

export interface CatalogueLine {
  kind: ExpenditureKind;
  type: ProposalType;
  amounts: Record<number, number>;
}

export interface CatalogueProposal {
  id: string;
  code: string;
  title: string;
  committee: CommitteeLabel;
  lines: CatalogueLine[];
}

export interface CatalogueList {
  id: string;
  name: string;
  incorporated: boolean;
  proposalCount: number;
  /** Totals of the whole list, whatever the filter shows. */
  totals: TotalsByKind;
  proposals: CatalogueProposal[];
}

export interface Catalogue {
  budget: { id: string; name: string; years: number[] };
  committees: CommitteeLabel[];
  lists: CatalogueList[];
}

const KIND_ORDER: Record<ExpenditureKind, number> = { SERVICE: 0, TRANSFER: 1 };

/** A proposal's lines grouped per expenditure kind, service before transfers. */
export function groupLines(lines: { kind: ExpenditureKind; type: ProposalType; year: number; amount: number }[]): CatalogueLine[] {
  const byKind = new Map<ExpenditureKind, CatalogueLine>();
  for (const line of lines) {
    const group = byKind.get(line.kind) ?? { kind: line.kind, type: line.type, amounts: {} };
    group.amounts[line.year] = line.amount;
    byKind.set(line.kind, group);
  }
  return [...byKind.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

// Every read here is cached (read-cache.ts): the catalogue changes with imports, moves and edits,
// a few times a year, and is read by everyone.

/** The newest budget, or null before anything has been imported. */
export const getCurrentBudgetId = cachedRead('currentBudgetId', ['budget'], async (): Promise<string | null> => {
  const budget = await db.budget.findFirst({ orderBy: [{ createdAt: 'desc' }], select: { id: true } });
  return budget?.id ?? null;
});

export const getCatalogue = cachedRead('catalogue', ['budget'], async (budgetId: string, filters: CatalogueFilters = {}): Promise<Catalogue | null> => {
  const budget = await db.budget.findUnique({ where: { id: budgetId }, select: { id: true, name: true, years: true } });
  if (!budget) return null;

  const query = filters.query?.trim();
  const proposalFilter: Prisma.ProposalWhereInput = {
    ...(filters.committee ? { committeeCode: filters.committee } : {}),
    ...(filters.type ? { kinds: { some: { type: filters.type } } } : {}),
    ...(query
      ? { OR: [{ code: { contains: query, mode: 'insensitive' } }, { title: { contains: query, mode: 'insensitive' } }] }
      : {}),
  };

  const [lists, allLines, committees] = await Promise.all([
    db.budgetList.findMany({
      where: { budgetId },
      orderBy: { position: 'asc' },
      include: {
        _count: { select: { proposals: true } },
        proposals: {
          where: proposalFilter,
          orderBy: { position: 'asc' },
          include: { committee: true, ...LINES_WITH_TYPES },
        },
      },
    }),
    db.budgetLine.findMany({
      where: { proposal: { budgetId } },
      select: { kind: true, year: true, amount: true, proposal: { select: { listId: true } } },
    }),
    db.committee.findMany({ where: { proposals: { some: { budgetId } } }, orderBy: { code: 'asc' } }),
  ]);

  return {
    budget,
    committees: committees.map(({ code, name }) => ({ code, name })),
    lists: lists.map((list) => ({
      id: list.id,
      name: list.name,
      incorporated: list.incorporated,
      proposalCount: list._count.proposals,
      totals: sumByKindAndYear(
        allLines.filter((line) => line.proposal.listId === list.id),
        budget.years,
      ),
      proposals: list.proposals.map((proposal) => ({
        id: proposal.id,
        code: proposal.code,
        title: proposal.title,
        committee: { code: proposal.committee.code, name: proposal.committee.name },
        lines: groupLines(flatLines(proposal)),
      })),
    })),
  };
});

export const getProposal = cachedRead('proposal', ['budget'], async (proposalId: string) => {
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: {
      committee: true,
      list: { select: { name: true, incorporated: true } },
      budget: { select: { id: true, name: true, years: true } },
      ...LINES_WITH_TYPES,
    },
  });
  if (!proposal) return null;
  return {
    id: proposal.id,
    code: proposal.code,
    title: proposal.title,
    summary: proposal.summary,
    version: proposal.version,
    committee: { code: proposal.committee.code, name: proposal.committee.name } satisfies CommitteeLabel,
    list: proposal.list,
    budget: proposal.budget,
    lines: groupLines(flatLines(proposal)),
  };
});

/**
 * The proposal's latest move after a consultation of its budget was opened, for the public to
 * see that the list it was consulted in changed; null when it has not moved since.
 */
export const movedSinceOpened = cachedRead('movedSinceOpened', ['budget', 'consultation'], async (proposalId: string) => {
  const opened = await db.consultation.findFirst({
    where: { budget: { proposals: { some: { id: proposalId } } }, status: { in: ['OPEN', 'CLOSED', 'PUBLISHED'] }, openedAt: { not: null } },
    orderBy: { openedAt: 'asc' },
    select: { openedAt: true },
  });
  if (!opened) return null;
  const move = await db.proposalMove.findFirst({
    where: { proposalId, movedAt: { gt: opened.openedAt! } },
    orderBy: { movedAt: 'desc' },
    include: { toList: { select: { name: true } } },
  });
  return move ? { to: move.toList.name, movedAt: move.movedAt, reason: move.reason } : null;
});
