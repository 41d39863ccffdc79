import 'server-only';
import { calendarDaysUntil } from '@/lib/deadline';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { displayName } from '@/lib/server/personal-data';
import { listMyConsultations } from '@/lib/server/responses/workspace';

/**
 * A party member's start page: each of their organisations' consultations with its deadline and
 * days left, status, how many proposals are answered, and who worked on the response last.
 * Open ones first, nearest deadline first. listMyConsultations authorizes and decides the status.
 */
export async function memberHome(actor: Actor, now = new Date()) {
  const consultations = await listMyConsultations(actor);
  if (consultations.length === 0) return [];
  const keys = consultations.map(({ consultationId, organisationId }) => ({ consultationId, organisationId }));
  const [budgets, responses] = await Promise.all([
    db.consultation.findMany({ where: { id: { in: [...new Set(keys.map((k) => k.consultationId))] } }, select: { id: true, budgetId: true } }),
    db.response.findMany({
      where: { OR: keys },
      select: {
        consultationId: true,
        organisationId: true,
        updatedAt: true,
        updatedBy: { select: { name: true, email: true, erasedAt: true } },
        // Answered as the submission counts it: a stance or a comment.
        _count: { select: { answers: { where: { OR: [{ stance: { not: null } }, { comment: { not: '' } }] } } } },
      },
    }),
  ]);
  const budgetOf = new Map(budgets.map((c) => [c.id, c.budgetId]));
  const proposalCounts = await db.proposal.groupBy({ by: ['budgetId'], where: { budgetId: { in: [...new Set(budgetOf.values())] } }, _count: { _all: true } });
  const totalOf = new Map(proposalCounts.map((p) => [p.budgetId, p._count._all]));
  const responseOf = new Map(responses.map((r) => [`${r.consultationId}:${r.organisationId}`, r]));
  return consultations
    .map((consultation) => {
      const response = responseOf.get(`${consultation.consultationId}:${consultation.organisationId}`);
      return {
        ...consultation,
        daysLeft: calendarDaysUntil(now, consultation.deadline),
        answered: response?._count.answers ?? 0,
        proposals: totalOf.get(budgetOf.get(consultation.consultationId) ?? '') ?? 0,
        lastEdit: response ? { by: displayName(response.updatedBy), at: response.updatedAt } : null,
      };
    })
    .sort((a, b) => Number(a.status === 'LATE' || a.status === 'SUBMITTED') - Number(b.status === 'LATE' || b.status === 'SUBMITTED') || a.deadline.getTime() - b.deadline.getTime());
}

export type MemberHomeEntry = Awaited<ReturnType<typeof memberHome>>[number];

/** The start page of a role after signing in: a party member's consultations, everyone else the catalogue. */
export function landingPath(actor: Actor): string {
  return actor.kind === 'user' && actor.role === 'PARTY_MEMBER' ? '/responses' : '/';
}
