import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { DomainError } from '@/lib/server/errors';
import { audit } from '@/lib/server/audit';
import { flatLines, LINES_WITH_TYPES, replaceLines } from '@/lib/server/budget-lines';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import { cachedRead } from '@/lib/server/read-cache';
import { orderedLines, versionChanges, type VersionContent, type VersionLine } from '@/lib/budget/versions';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export interface ProposalEdit {
  proposalId: string;
  /** The version the editor saw; the edit becomes the version after it. */
  expectedVersion: number;
  title: string;
  summary: string;
  /** Every line the proposal shall have: a kind and year left out is removed. */
  lines: VersionLine[];
  reason: string;
}

/** Freezes a proposal's text and lines as one version. The import and editing both record versions here. */
export async function recordVersion(
  tx: Tx,
  proposal: { id: string; code: string },
  version: number,
  content: VersionContent,
  origin: { reason: string; imported?: boolean; editedById?: string | null },
): Promise<void> {
  await tx.proposalVersion.create({
    data: {
      proposalId: proposal.id,
      version,
      code: proposal.code,
      title: content.title,
      summary: content.summary,
      lines: orderedLines(content.lines) as unknown as Prisma.InputJsonValue,
      reason: origin.reason,
      imported: origin.imported ?? false,
      editedById: origin.editedById ?? null,
    },
  });
}

// A year outside the budget is a refusal (a stale page); a fraction or a duplicate is a caller's bug:
// the form's grid yields whole amounts, one per kind and year.
function checkLines(lines: VersionLine[], years: number[]): void {
  const seen = new Set<string>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount)) throw new RangeError(`Amount must be an integer number of thousands, got ${line.amount}`);
    if (!years.includes(line.year)) throw new DomainError('proposal.yearOutsideBudget', { params: { year: line.year } });
    const key = `${line.kind}:${line.year}`;
    if (seen.has(key)) throw new RangeError(`Two amounts for ${key}`);
    seen.add(key);
  }
}

/**
 * Saves an edit of a proposal's text and lines as its next version, keeping every earlier one.
 * If someone saved a version after the one the editor saw, nothing is written and the conflict
 * names the current version. Totals follow, as they are always computed from the lines.
 */
export async function editProposal(actor: Actor, edit: ProposalEdit): Promise<{ version: number }> {
  await authorize(actor, 'proposal.edit', { object: { type: 'Proposal', id: edit.proposalId } });
  const editedById = actor.kind === 'user' ? actor.userId : null;
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: edit.proposalId }, include: { ...LINES_WITH_TYPES, budget: { select: { years: true } } } });
    checkLines(edit.lines, proposal.budget.years);
    // Conditional on the version the editor saw: of two concurrent edits, the second changes nothing.
    const updated = await tx.proposal.updateMany({
      where: { id: proposal.id, version: edit.expectedVersion },
      data: { title: edit.title, summary: edit.summary, version: { increment: 1 } },
    });
    if (updated.count === 0) {
      const current = await tx.proposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { version: true } });
      throw new DomainError('proposal.versionConflict', { params: { currentVersion: current.version } });
    }
    const version = edit.expectedVersion + 1;
    await replaceLines(tx, proposal.id, edit.lines);
    const after: VersionContent = { title: edit.title, summary: edit.summary, lines: orderedLines(edit.lines) };
    await recordVersion(tx, proposal, version, after, { reason: edit.reason, editedById });
    const before = { version: proposal.version, title: proposal.title, summary: proposal.summary, lines: orderedLines(flatLines(proposal)) };
    await audit(
      actor,
      {
        action: 'proposal.edit',
        objectType: 'Proposal',
        objectId: proposal.id,
        before: before as unknown as Prisma.InputJsonValue,
        after: { version, ...after } as unknown as Prisma.InputJsonValue,
        details: { reason: edit.reason },
      },
      tx,
    );
    return { version };
  });
}

/** What the edit form starts from: the proposal's current version. */
export async function getProposalForEdit(actor: Actor, proposalId: string) {
  await authorize(actor, 'proposal.edit', { object: { type: 'Proposal', id: proposalId } });
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: { ...LINES_WITH_TYPES, budget: { select: { years: true } }, list: { select: { name: true } } },
  });
  if (!proposal) return null;
  return {
    id: proposal.id,
    code: proposal.code,
    title: proposal.title,
    summary: proposal.summary,
    version: proposal.version,
    list: proposal.list.name,
    years: proposal.budget.years,
    lines: orderedLines(flatLines(proposal)),
  };
}

/** A proposal's versions, newest first, each with what changed from the one before. Public, like the catalogue. */
export const proposalVersionHistory = cachedRead('proposalVersionHistory', ['budget'], async (proposalId: string) => {
  const versions = await db.proposalVersion.findMany({ where: { proposalId }, orderBy: { version: 'asc' } });
  const content = (v: (typeof versions)[number]): VersionContent => ({ title: v.title, summary: v.summary, lines: v.lines as unknown as VersionLine[] });
  return versions
    .map((v, i) => ({
      version: v.version,
      reason: v.reason,
      editedAt: v.editedAt,
      changes: i === 0 ? null : versionChanges(content(versions[i - 1]!), content(v)),
    }))
    .reverse();
});

/**
 * For the response form: each proposal's current version and the version the organisation's
 * answer to it was saved against (null when unanswered). Members and staff, like the form.
 */
export async function answeredVersions(actor: Actor, key: { consultationId: string; organisationId: string }): Promise<Map<string, { current: number; answered: number | null }>> {
  await authorize(actor, 'response.read', { organisationId: key.organisationId, object: { type: 'Organisation', id: key.organisationId } });
  const proposals = await db.proposal.findMany({
    where: { budget: { consultations: { some: { id: key.consultationId } } } },
    select: { id: true, version: true, answers: { where: { response: key }, select: { proposalVersion: true } } },
  });
  return new Map(proposals.map((p) => [p.id, { current: p.version, answered: p.answers[0]?.proposalVersion ?? null }]));
}
