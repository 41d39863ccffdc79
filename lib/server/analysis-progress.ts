import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { displayName } from '@/lib/server/personal-data';
import { authorize } from '@/lib/server/policy';
import { submittedAnswersCte } from '@/lib/server/submitted-answers';

// Sharing out the budget office's reading: each proposal goes to one analyst, and the counts show
// how far the reading and tagging have come, per proposal, per analyst and for the consultation.

export interface ProgressCounts {
  /** Submitted answers with a stance or a comment. */
  answers: number;
  /** Marked as read by anyone. */
  read: number;
  /** Tagged with at least one theme. */
  tagged: number;
}

export interface ProposalProgress extends ProgressCounts {
  proposalId: string;
  code: string;
  title: string;
  analyst: { userId: string; name: string | null } | null;
  /** Marked as read by the proposal's analyst; 0 without one. */
  readByAnalyst: number;
}

export interface AnalystProgress extends ProgressCounts {
  userId: string;
  name: string | null;
  proposals: number;
}

interface CountRow {
  by_proposal: boolean;
  by_analyst: boolean;
  proposalId: string | null;
  analyst: string | null;
  answers: bigint;
  read: bigint;
  read_by_analyst: bigint;
  tagged: bigint;
}

/**
 * The counts in one aggregate query: per proposal, per analyst and in all (grouping sets). A read
 * mark counts for the analyst only when it is their own.
 */
function countProgress(consultationId: string) {
  return db.$queryRaw<CountRow[]>`
    WITH ${submittedAnswersCte(consultationId)},
    marked AS (
      SELECT a."proposalId", pa."userId" AS analyst,
             EXISTS (SELECT 1 FROM "AnswerRead" r WHERE r."responseId" = a."responseId" AND r."proposalId" = a."proposalId") AS read,
             EXISTS (SELECT 1 FROM "AnswerRead" r WHERE r."responseId" = a."responseId" AND r."proposalId" = a."proposalId" AND r."userId" = pa."userId") AS read_by_analyst,
             EXISTS (SELECT 1 FROM "ThemeTag" t WHERE t."responseId" = a."responseId" AND t."proposalId" = a."proposalId" AND t.target = 'ANSWER') AS tagged
      FROM submitted_answers a
      LEFT JOIN "ProposalAnalyst" pa ON pa."consultationId" = ${consultationId} AND pa."proposalId" = a."proposalId"
    )
    SELECT grouping("proposalId") = 0 AS by_proposal, grouping(analyst) = 0 AS by_analyst, "proposalId", analyst,
           count(*) AS answers, count(*) FILTER (WHERE read) AS read,
           count(*) FILTER (WHERE read_by_analyst) AS read_by_analyst, count(*) FILTER (WHERE tagged) AS tagged
    FROM marked
    GROUP BY GROUPING SETS (("proposalId", analyst), (analyst), ())`;
}

const countsOf = (row: CountRow | undefined) => ({ answers: Number(row?.answers ?? 0), read: Number(row?.read ?? 0), tagged: Number(row?.tagged ?? 0) });

/**
 * The consultation's analysis progress: every proposal of its budget in the budget's order with
 * its analyst and counts, every analyst with a proposal, and the totals. Null for an unknown
 * consultation.
 */
export async function analysisProgress(actor: Actor, consultationId: string) {
  await authorize(actor, 'analysis.progress.read', { object: { type: 'Consultation', id: consultationId } });
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { budgetId: true } });
  if (!consultation) return null;
  const [proposals, assignments, rows] = await Promise.all([
    db.proposal.findMany({ where: { budgetId: consultation.budgetId }, orderBy: [{ list: { position: 'asc' } }, { position: 'asc' }], select: { id: true, code: true, title: true } }),
    db.proposalAnalyst.findMany({ where: { consultationId }, select: { proposalId: true, user: { select: { id: true, name: true, email: true, erasedAt: true } } } }),
    countProgress(consultationId),
  ]);
  const analystOf = new Map(assignments.map((a) => [a.proposalId, { userId: a.user.id, name: displayName(a.user) }]));
  const proposalRow = new Map(rows.filter((r) => r.by_proposal).map((r) => [r.proposalId, r]));
  const analystRow = new Map(rows.filter((r) => !r.by_proposal && r.by_analyst).map((r) => [r.analyst, r]));
  const total = rows.find((r) => !r.by_proposal && !r.by_analyst);

  const analysts = new Map<string, AnalystProgress>();
  for (const { userId, name } of analystOf.values()) {
    const entry = analysts.get(userId) ?? { userId, name, proposals: 0, ...countsOf(undefined) };
    entry.proposals++;
    analysts.set(userId, entry);
  }
  for (const entry of analysts.values()) {
    const row = analystRow.get(entry.userId);
    // The analyst's own read marks on their proposals, not anyone's.
    Object.assign(entry, countsOf(row), { read: Number(row?.read_by_analyst ?? 0) });
  }
  return {
    total: countsOf(total),
    proposals: proposals.map((p): ProposalProgress => {
      const row = proposalRow.get(p.id);
      return { proposalId: p.id, code: p.code, title: p.title, analyst: analystOf.get(p.id) ?? null, ...countsOf(row), readByAnalyst: Number(row?.read_by_analyst ?? 0) };
    }),
    analysts: [...analysts.values()].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'da')),
  };
}

/** The members of staff a proposal can go to, by name. */
export async function analystCandidates(actor: Actor) {
  await authorize(actor, 'analysis.assign');
  const users = await db.user.findMany({ where: { role: { in: ['ADMIN', 'STAFF'] }, erasedAt: null }, select: { id: true, name: true, email: true, erasedAt: true } });
  return users.map((u) => ({ userId: u.id, name: displayName(u)! })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

export interface AssignmentInput {
  consultationId: string;
  proposalIds: string[];
  /** Null takes the proposals from whoever has them. */
  userId: string | null;
}

/**
 * Gives the proposals to one analyst (a member of staff), or to none; each change is audited on
 * its proposal with the analyst before and after. Returns how many proposals changed hands.
 */
export async function assignAnalyst(actor: Actor, input: AssignmentInput): Promise<number> {
  await authorize(actor, 'analysis.assign', { object: { type: 'Consultation', id: input.consultationId } });
  const { consultationId, userId } = input;
  const proposalIds = [...new Set(input.proposalIds)];
  return db.$transaction(async (tx) => {
    if (userId !== null) {
      const analyst = await tx.user.findUnique({ where: { id: userId }, select: { role: true, erasedAt: true } });
      if (!analyst || analyst.erasedAt || (analyst.role !== 'ADMIN' && analyst.role !== 'STAFF')) throw new DomainError('analysis.notStaff');
    }
    const known = await tx.proposal.count({ where: { id: { in: proposalIds }, budget: { consultations: { some: { id: consultationId } } } } });
    if (known !== proposalIds.length) throw new DomainError('remark.unknownProposal');
    const before = new Map((await tx.proposalAnalyst.findMany({ where: { consultationId, proposalId: { in: proposalIds } } })).map((a) => [a.proposalId, a.userId]));
    let changed = 0;
    for (const proposalId of proposalIds) {
      const previous = before.get(proposalId) ?? null;
      if (previous === userId) continue;
      const key = { consultationId_proposalId: { consultationId, proposalId } };
      if (userId === null) await tx.proposalAnalyst.delete({ where: key });
      else await tx.proposalAnalyst.upsert({ where: key, create: { consultationId, proposalId, userId }, update: { userId, assignedAt: new Date() } });
      await audit(actor, { action: 'analysis.assign', objectType: 'Proposal', objectId: proposalId, before: { consultationId, analyst: previous }, after: { consultationId, analyst: userId } }, tx);
      changed++;
    }
    return changed;
  });
}
