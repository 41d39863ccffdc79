import 'server-only';
import { env } from '@/lib/env';
import type { StanceCounts } from '@/lib/insight/aggregate';
import { system, type Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { getCatalogue } from '@/lib/server/catalogue';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { mailText, memberAddresses, queueMail } from '@/lib/server/mail';
import { authorize, can } from '@/lib/server/policy';
import { visibleResponses } from '@/lib/server/response-views';

// "Vi spurgte – I svarede – byrådet besluttede": per proposal the stance counts, staff's current
// summary and the council's decision, public once staff publish the results.

export const resultsPath = (consultationId: string) => `/consultations/${consultationId}/results`;

/**
 * Publishes the results once (after the consultation has closed) and mails the members of every
 * organisation that responded a link to the public page. Returns the organisations told.
 */
export async function publishResults(actor: Actor, consultationId: string): Promise<{ notified: string[] }> {
  await authorize(actor, 'consultation.results.publish', { object: { type: 'Consultation', id: consultationId } });
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { status: true, title: true } });
  // Closed or published: the answers are all in.
  if (consultation?.status !== 'CLOSED' && consultation?.status !== 'PUBLISHED') throw new DomainError('consultation.wrongPhase');
  const publishedAt = new Date();
  await db.$transaction(async (tx) => {
    // Claimed in one statement, so that two clicks at once mail only once.
    const { count } = await tx.consultation.updateMany({ where: { id: consultationId, resultsPublishedAt: null }, data: { resultsPublishedAt: publishedAt } });
    if (count === 0) throw new DomainError('results.alreadyPublished');
    await audit(actor, { action: 'consultation.results.publish', objectType: 'Consultation', objectId: consultationId, before: { resultsPublishedAt: null }, after: { resultsPublishedAt: publishedAt.toISOString() } }, tx);
  });
  const responding = await db.response.findMany({
    where: { consultationId, status: 'SUBMITTED' },
    select: { organisation: { select: { name: true, memberships: { select: { user: { select: { email: true, erasedAt: true } } } } } } },
    orderBy: { organisation: { name: 'asc' } },
  });
  const url = `${env().APP_URL}${resultsPath(consultationId)}`;
  const notified: string[] = [];
  for (const { organisation } of responding) {
    const values = { organisation: organisation.name, consultation: consultation.title, url };
    const recipients = memberAddresses(organisation.memberships);
    if (recipients.length === 0) continue;
    await queueMail(recipients.map((to) => ({ to, subject: mailText('resultsSubject', values), text: mailText('resultsBody', values) })));
    notified.push(organisation.name);
  }
  return { notified };
}

/**
 * The published results per list and proposal, for everyone; null before publication (and for
 * an unknown consultation). The counts are over every submitted answer: numbers name no one.
 */
export async function getPublishedResults(actor: Actor, consultationId: string) {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, title: true, budgetId: true, resultsPublishedAt: true } });
  // Unpublished results do not exist for the reader: not found, not a refusal to audit.
  if (!consultation || !(await can(actor, 'consultation.results.read', { consultation }))) return null;
  const [catalogue, visible, summaries, decisions] = await Promise.all([
    getCatalogue(consultation.budgetId),
    visibleResponses(system, consultationId, ''),
    db.proposalSummary.findMany({ where: { consultationId }, orderBy: { version: 'desc' }, distinct: ['proposalId'], select: { proposalId: true, text: true } }),
    db.proposalDecision.findMany({ where: { consultationId }, select: { proposalId: true, outcome: true, note: true, decidedOn: true } }),
  ]);
  if (!catalogue || !visible) return null;
  const summaryOf = new Map(summaries.map((s) => [s.proposalId, s.text]));
  const decisionOf = new Map(decisions.map((d) => [d.proposalId, d]));
  const countsOf = (proposalId: string): StanceCounts => {
    const counts: StanceCounts = { SUPPORT: 0, OPPOSE: 0, REMARKS: 0, NO_REMARKS: 0, NONE: 0 };
    for (const response of visible.responses) {
      const answer = response.answers.find((a) => a.proposalId === proposalId);
      if (answer) counts[answer.stance ?? 'NONE'] += 1;
    }
    return counts;
  };
  return {
    id: consultation.id,
    title: consultation.title,
    publishedAt: consultation.resultsPublishedAt!,
    lists: catalogue.lists.map((list) => ({
      id: list.id,
      name: list.name,
      proposals: list.proposals.map((p) => ({ id: p.id, code: p.code, title: p.title, counts: countsOf(p.id), summary: summaryOf.get(p.id) ?? null, decision: decisionOf.get(p.id) ?? null })),
    })),
  };
}
