import 'server-only';
import { isStaff, type Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

export class MoveConflictError extends Error {
  constructor(readonly codes: string[]) {
    super(`Moved by someone else meanwhile: ${codes.join(', ')}`);
    this.name = 'MoveConflictError';
  }
}

export interface MoveRequest {
  /** Each proposal with the list the mover saw it in; a proposal elsewhere by now is a conflict. */
  proposals: { proposalId: string; fromListId: string }[];
  toListId: string;
  reason: string;
}

/**
 * Moves proposals to the other list in one transaction, recording each move with its reason.
 * The list totals follow, as they are always computed from the lines. If another staff member
 * moved one of them since the mover looked, nothing is moved and the conflict names them.
 */
export async function moveProposals(actor: Actor, request: MoveRequest): Promise<{ moved: number }> {
  await authorize(actor, 'proposal.move', isStaff(actor), { type: 'BudgetList', id: request.toListId });
  const movedById = actor.kind === 'user' ? actor.userId : null;
  return db.$transaction(async (tx) => {
    const target = await tx.budgetList.findUniqueOrThrow({ where: { id: request.toListId } });
    const conflicts: string[] = [];
    for (const { proposalId, fromListId } of request.proposals) {
      const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: proposalId } });
      if (proposal.budgetId !== target.budgetId || fromListId === request.toListId) {
        throw new RangeError(`Proposal ${proposal.code} cannot move to that list`);
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
    if (conflicts.length) throw new MoveConflictError(conflicts);
    return { moved: request.proposals.length };
  });
}

/** A proposal's moves, newest first. Public, like the catalogue it belongs to. */
export async function proposalMoveHistory(proposalId: string) {
  const moves = await db.proposalMove.findMany({
    where: { proposalId },
    orderBy: { movedAt: 'desc' },
    include: { fromList: { select: { name: true } }, toList: { select: { name: true } } },
  });
  return moves.map((move) => ({ id: move.id, from: move.fromList.name, to: move.toList.name, reason: move.reason, movedAt: move.movedAt }));
}
