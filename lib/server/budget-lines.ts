import 'server-only';
import type { VersionLine } from '@/lib/budget/versions';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ExpenditureKind, ProposalType } from '@/lib/generated/prisma/enums';

type Tx = Prisma.TransactionClient;

// A proposal's type is stored once per expenditure kind (ProposalKind), its amounts per kind and
// year (BudgetLine). Readers and writers that work with flat lines go through here.

/** Include this on a proposal to read its lines with flatLines. */
export const LINES_WITH_TYPES = { kinds: { select: { kind: true, type: true } }, lines: { orderBy: { year: 'asc' } } } as const;

export function flatLines(proposal: { kinds: { kind: ExpenditureKind; type: ProposalType }[]; lines: { kind: ExpenditureKind; year: number; amount: number }[] }): VersionLine[] {
  const typeOf = new Map(proposal.kinds.map((k) => [k.kind, k.type]));
  return proposal.lines.map(({ kind, year, amount }) => ({ kind, type: typeOf.get(kind)!, year, amount }));
}

/** Replaces a proposal's lines; every line of a kind must name the kind's one type. */
export async function replaceLines(tx: Tx, proposalId: string, lines: readonly VersionLine[]): Promise<void> {
  const kinds = new Map<ExpenditureKind, ProposalType>();
  for (const line of lines) {
    if ((kinds.get(line.kind) ?? line.type) !== line.type) throw new RangeError(`Two types for ${line.kind}`);
    kinds.set(line.kind, line.type);
  }
  // Deleting the kinds deletes their amounts (ON DELETE CASCADE).
  await tx.proposalKind.deleteMany({ where: { proposalId } });
  await tx.proposalKind.createMany({ data: [...kinds].map(([kind, type]) => ({ proposalId, kind, type })) });
  await tx.budgetLine.createMany({ data: lines.map(({ kind, year, amount }) => ({ proposalId, kind, year, amount })) });
}
