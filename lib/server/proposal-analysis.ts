import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { displayName } from '@/lib/server/personal-data';
import { authorize, deny } from '@/lib/server/policy';
import { visibleResponses } from '@/lib/server/response-views';
import type { DecisionOutcome } from '@/lib/generated/prisma/enums';
import { Prisma } from '@/lib/generated/prisma/client';

// The budget office's analysis of one proposal after the deadline: the summary of its answers
// (versioned, each version referring to the responses it summarises) and the council's decision.

const author = { select: { name: true, email: true, erasedAt: true } } as const;

/** The proposal of the consultation's budget, or null for a proposal of another budget. */
async function proposalOf(consultationId: string, proposalId: string, client: Prisma.TransactionClient | typeof db = db) {
  return client.proposal.findFirst({ where: { id: proposalId, budget: { consultations: { some: { id: consultationId } } } }, select: { id: true, code: true, title: true } });
}

/**
 * The consultation's proposals in the budget's order, each with its current summary's version
 * (0 for none) and the decision's outcome; with when the results were published. Null for an
 * unknown consultation.
 */
export async function listProposalAnalyses(actor: Actor, consultationId: string) {
  await authorize(actor, 'proposalSummary.read', { object: { type: 'Consultation', id: consultationId } });
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, title: true, status: true, budgetId: true, resultsPublishedAt: true } });
  if (!consultation) return null;
  const [proposals, summaries, decisions] = await Promise.all([
    db.proposal.findMany({ where: { budgetId: consultation.budgetId }, orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }], select: { id: true, code: true, title: true } }),
    db.proposalSummary.groupBy({ by: ['proposalId'], where: { consultationId }, _max: { version: true } }),
    db.proposalDecision.findMany({ where: { consultationId }, select: { proposalId: true, outcome: true } }),
  ]);
  const versionOf = new Map(summaries.map((s) => [s.proposalId, s._max.version ?? 0]));
  const outcomeOf = new Map(decisions.map((d) => [d.proposalId, d.outcome]));
  return { ...consultation, proposals: proposals.map((p) => ({ ...p, summaryVersion: versionOf.get(p.id) ?? 0, outcome: outcomeOf.get(p.id) ?? null })) };
}

/**
 * A proposal's summary (the current version and the history of all, newest first) and the
 * council's decision, for staff and politicians. Null for a proposal outside the consultation.
 */
export async function getProposalAnalysis(actor: Actor, consultationId: string, proposalId: string) {
  await authorize(actor, 'proposalSummary.read', { object: { type: 'Consultation', id: consultationId } });
  const proposal = await proposalOf(consultationId, proposalId);
  if (!proposal) return null;
  const [versions, decision] = await Promise.all([
    db.proposalSummary.findMany({ where: { consultationId, proposalId }, orderBy: { version: 'desc' }, include: { author } }),
    db.proposalDecision.findUnique({ where: { consultationId_proposalId: { consultationId, proposalId } }, include: { recordedBy: { select: author.select } } }),
  ]);
  const history = versions.map((v) => ({ version: v.version, text: v.text, responseIds: v.responseIds, author: displayName(v.author), createdAt: v.createdAt }));
  return {
    proposal,
    summary: history[0] ?? null,
    history,
    decision: decision && { outcome: decision.outcome, note: decision.note, decidedOn: decision.decidedOn, recordedBy: displayName(decision.recordedBy), updatedAt: decision.updatedAt },
  };
}

/**
 * The submitted answers to the proposal, as staff read them whole: what a summary may refer to.
 * Null when the consultation is unknown.
 */
export async function proposalAnswers(actor: Actor, consultationId: string, proposalId: string) {
  await authorize(actor, 'proposalSummary.save', { object: { type: 'Consultation', id: consultationId } });
  const visible = await visibleResponses(actor, consultationId, '');
  if (!visible) return null;
  return visible.responses.flatMap((response) => {
    const answer = response.answers.find((a) => a.proposalId === proposalId);
    return answer ? [{ responseId: response.responseId, organisation: response.organisation, stance: answer.stance, comment: answer.comment, confidential: answer.confidential }] : [];
  });
}

export interface SummaryInput {
  consultationId: string;
  proposalId: string;
  text: string;
  responseIds: string[];
  /** The version the editor started from, 0 for none: a newer one in between is a conflict. */
  expectedVersion: number;
}

/**
 * Saves a new version of the summary and returns its number. The references must be answers to
 * this proposal in this consultation; a forged one is denied and audited. An unchanged text with
 * unchanged references adds no version.
 */
export async function saveProposalSummary(actor: Actor, input: SummaryInput): Promise<number> {
  const object = { type: 'Proposal', id: input.proposalId };
  await authorize(actor, 'proposalSummary.save', { object });
  const { consultationId, proposalId, text, expectedVersion } = input;
  if (!(await proposalOf(consultationId, proposalId))) throw new DomainError('remark.unknownProposal');
  const answered = new Set((await proposalAnswers(actor, consultationId, proposalId))?.map((a) => a.responseId));
  const responseIds = [...new Set(input.responseIds)];
  if (responseIds.some((id) => !answered.has(id))) await deny(actor, 'proposalSummary.save', object);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.proposalSummary.findFirst({ where: { consultationId, proposalId }, orderBy: { version: 'desc' } });
      if ((current?.version ?? 0) !== expectedVersion) throw new DomainError('summary.versionConflict');
      if (current && current.text === text && sameSet(current.responseIds, responseIds)) return current.version;
      const version = expectedVersion + 1;
      const authorId = actor.kind === 'user' ? actor.userId : null;
      await tx.proposalSummary.create({ data: { consultationId, proposalId, version, text, responseIds, authorId } });
      const before = current ? { version: current.version, text: current.text, responseIds: current.responseIds } : null;
      await audit(
        actor,
        { action: 'proposalSummary.save', objectType: 'Proposal', objectId: proposalId, before: { consultationId, summary: before }, after: { consultationId, summary: { version, text, responseIds } } },
        tx,
      );
      return version;
    });
  } catch (error) {
    // Two saves from the same version: the unique version lets only one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DomainError('summary.versionConflict');
    throw error;
  }
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

export interface DecisionInput {
  consultationId: string;
  proposalId: string;
  outcome: DecisionOutcome;
  note: string;
  /** A calendar day, stored as midnight UTC. */
  decidedOn: Date;
}

/** Records or corrects the council's decision on the proposal; the audit keeps it before and after. */
export async function saveProposalDecision(actor: Actor, input: DecisionInput): Promise<void> {
  await authorize(actor, 'proposalDecision.save', { object: { type: 'Proposal', id: input.proposalId } });
  const { consultationId, proposalId, outcome, note, decidedOn } = input;
  await db.$transaction(async (tx) => {
    if (!(await proposalOf(consultationId, proposalId, tx))) throw new DomainError('remark.unknownProposal');
    const key = { consultationId_proposalId: { consultationId, proposalId } };
    const before = await tx.proposalDecision.findUnique({ where: key, select: { outcome: true, note: true, decidedOn: true } });
    const recordedById = actor.kind === 'user' ? actor.userId : null;
    const data = { outcome, note, decidedOn, recordedById };
    await tx.proposalDecision.upsert({ where: key, create: { consultationId, proposalId, ...data }, update: data });
    await audit(actor, { action: 'proposalDecision.save', objectType: 'Proposal', objectId: proposalId, before: { consultationId, decision: before && { ...before, decidedOn: before.decidedOn.toISOString().slice(0, 10) } }, after: { consultationId, decision: { outcome, note, decidedOn: decidedOn.toISOString().slice(0, 10) } } }, tx);
  });
}
