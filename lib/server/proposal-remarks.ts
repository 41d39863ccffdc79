import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';

// The administration's remark per proposal of a consultation: the høringsnotat's comment column.

/** The consultation's proposals in the budget's order, each with its remark (empty when none). Null for an unknown consultation. */
export async function listProposalRemarks(actor: Actor, consultationId: string) {
  await authorize(actor, 'proposalRemark.read', { object: { type: 'Consultation', id: consultationId } });
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, title: true, budgetId: true } });
  if (!consultation) return null;
  const [proposals, remarks] = await Promise.all([
    db.proposal.findMany({ where: { budgetId: consultation.budgetId }, orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }], select: { id: true, code: true, title: true } }),
    db.proposalRemark.findMany({ where: { consultationId }, select: { proposalId: true, text: true } }),
  ]);
  const remarkOf = new Map(remarks.map((r) => [r.proposalId, r.text]));
  return { id: consultation.id, title: consultation.title, proposals: proposals.map((p) => ({ ...p, remark: remarkOf.get(p.id) ?? '' })) };
}

/** Writes the remark; an empty text removes it. The audit keeps the text before and after. */
export async function saveProposalRemark(actor: Actor, input: { consultationId: string; proposalId: string; text: string }): Promise<void> {
  await authorize(actor, 'proposalRemark.save', { object: { type: 'Consultation', id: input.consultationId } });
  const { consultationId, proposalId, text } = input;
  await db.$transaction(async (tx) => {
    const proposal = await tx.proposal.findFirst({ where: { id: proposalId, budget: { consultations: { some: { id: consultationId } } } }, select: { id: true } });
    if (!proposal) throw new DomainError('remark.unknownProposal');
    const key = { consultationId_proposalId: { consultationId, proposalId } };
    const before = await tx.proposalRemark.findUnique({ where: key, select: { text: true } });
    if ((before?.text ?? '') === text) return;
    if (text === '') await tx.proposalRemark.delete({ where: key });
    else {
      const updatedById = actor.kind === 'user' ? actor.userId : null;
      await tx.proposalRemark.upsert({ where: key, create: { consultationId, proposalId, text, updatedById }, update: { text, updatedById } });
    }
    await audit(actor, { action: 'proposalRemark.save', objectType: 'Proposal', objectId: proposalId, before: { consultationId, text: before?.text ?? '' }, after: { consultationId, text } }, tx);
  });
}
