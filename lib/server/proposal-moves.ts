import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import { cachedRead } from '@/lib/server/read-cache';
import { sumByKindAndYear, type TotalsByKind } from '@/lib/budget/totals';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** Each list of the budget with its totals, computed from the lines as the catalogue does. */
async function listTotals(tx: Tx, budgetId: string, years: number[]) {
  const [lists, lines] = await Promise.all([
    tx.budgetList.findMany({ where: { budgetId }, orderBy: { position: 'asc' }, select: { id: true, name: true } }),
    tx.budgetLine.findMany({ where: { proposal: { budgetId } }, select: { kind: true, year: true, amount: true, proposal: { select: { listId: true } } } }),
  ]);
  return lists.map((list) => ({ ...list, totals: sumByKindAndYear(lines.filter((line) => line.proposal.listId === list.id), years) }));
}

export interface MoveResult {
  moved: number;
  /** The codes of chosen proposals that were on the target list already; they are left as they are. */
  alreadyOnList: string[];
  /** The target list's name. */
  toList: string;
  years: number[];
  /** Every list of the budget with its totals just before and just after the move. */
  lists: { id: string; name: string; before: TotalsByKind; after: TotalsByKind }[];
}

export interface MoveRequest {
  /** Each proposal with the list the mover saw it in; a proposal elsewhere by now is a conflict. */
  proposals: { proposalId: string; fromListId: string }[];
  toListId: string;
  reason: string;
}

/**
 * Moves proposals to the other list in one transaction, recording each move with its reason.
 * The list totals follow, as they are always computed from the lines. A proposal the mover saw
 * on the target list already stays and is reported. If another staff member moved one of them
 * since the mover looked, nothing is moved and the conflict names them.
 */
export async function moveProposals(actor: Actor, request: MoveRequest): Promise<MoveResult> {
  await authorize(actor, 'proposal.move', { object: { type: 'BudgetList', id: request.toListId } });
  const movedById = actor.kind === 'user' ? actor.userId : null;
  return db.$transaction(async (tx) => {
    const target = await tx.budgetList.findUniqueOrThrow({ where: { id: request.toListId }, include: { budget: { select: { years: true } } } });
    const before = await listTotals(tx, target.budgetId, target.budget.years);
    const conflicts: string[] = [];
    const alreadyOnList: string[] = [];
    for (const { proposalId, fromListId } of request.proposals) {
      const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
      if (proposal.budgetId !== target.budgetId) throw new DomainError('proposal.wrongBudget', { detail: proposal.code });
      if (fromListId === request.toListId) {
        alreadyOnList.push(proposal.code);
        continue;
      }
      // Conditional on the list the mover saw: of two concurrent moves, the second changes nothing.
      const updated = await tx.proposal.updateMany({ where: { id: proposalId, listId: fromListId }, data: { listId: request.toListId } });
      if (updated.count === 0) {
        conflicts.push(proposal.code);
        continue;
      }
      await tx.proposalMove.create({ data: { proposalId, fromListId, toListId: request.toListId, reason: request.reason, movedById } });
      await audit(actor, { action: 'proposal.move', objectType: 'Proposal', objectId: proposalId, before: { listId: fromListId }, after: { listId: request.toListId }, details: { reason: request.reason } }, tx);
    }
    if (conflicts.length) throw new DomainError('proposal.moveConflict', { detail: `moved by someone else meanwhile: ${conflicts.join(', ')}` });
    const after = await listTotals(tx, target.budgetId, target.budget.years);
    return {
      moved: request.proposals.length - alreadyOnList.length,
      alreadyOnList,
      toList: target.name,
      years: target.budget.years,
      lists: after.map((list) => ({ id: list.id, name: list.name, before: before.find((b) => b.id === list.id)!.totals, after: list.totals })),
    };
  });
}

/** A proposal's moves, newest first. Public, like the catalogue it belongs to. */
export const proposalMoveHistory = cachedRead('proposalMoveHistory', ['budget'], async (proposalId: string) => {
  const moves = await db.proposalMove.findMany({
    where: { proposalId },
    orderBy: { movedAt: 'desc' },
    include: { fromList: { select: { name: true } }, toList: { select: { name: true } } },
  });
  return moves.map((move) => ({ id: move.id, from: move.fromList.name, to: move.toList.name, reason: move.reason, movedAt: move.movedAt }));
});
