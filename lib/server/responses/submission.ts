import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { DomainError } from '@/lib/server/errors';
import { notifyLive } from '@/lib/server/live/notify';
import { displayName } from '@/lib/server/personal-data';
import { assertMayChange, editor, lockDraftForSubmission, responseFor, type ResponseKey } from '@/lib/server/responses/access';
import { deliverReceipt, receiptNumber } from '@/lib/server/responses/receipt';
import { followThemeTags } from '@/lib/server/themes';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseSnapshot, type SubmissionSnapshot } from '@/lib/submission-snapshot';

// A response is submitted as a frozen, numbered version, and reopened by a submitter to change it.

type Tx = Prisma.TransactionClient;

/**
 * Freezes the response as its next numbered submission, marks it submitted and audits it.
 * The caller holds the response row's lock.
 */
export async function freezeSubmission(actor: Actor, responseId: string, user: { id: string; name: string | null; email: string } | null, tx: Tx) {
  const full = await tx.response.findUniqueOrThrow({
    where: { id: responseId },
    include: {
      answers: { include: { proposal: { select: { code: true, title: true, list: { select: { position: true } }, position: true } } } },
      minorityStatements: { include: { author: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
      attachments: { select: { fileName: true } },
    },
  });
  const last = await tx.submission.findFirst({ where: { responseId }, orderBy: { version: 'desc' } });
  const snapshot: SubmissionSnapshot = {
    generalRemarks: full.generalRemarks,
    publicationConsent: full.publicationConsent,
    namesConsent: full.namesConsent,
    answers: full.answers
      .filter((a) => a.stance || a.comment.trim())
      .sort((a, b) => a.proposal.list.position - b.proposal.list.position || a.proposal.position - b.proposal.position)
      .map((a) => ({ proposalId: a.proposalId, code: a.proposal.code, title: a.proposal.title, stance: a.stance, comment: a.comment, confidential: a.confidential, version: a.version, proposalVersion: a.proposalVersion })),
    // Names only, never an address in place of a missing name: the snapshot is read by the council
    // and, with consent, the public. The author's id lets erasure find them (personal-data.ts).
    minorityStatements: full.minorityStatements.map((m) => ({ id: m.id, authorId: m.authorId, author: m.author?.name ?? null, text: m.text })),
    attachments: full.attachments.map((a) => a.fileName),
    submittedBy: user?.name ?? null,
    channel: full.channel,
  };
  const created = await tx.submission.create({ data: { responseId, version: (last?.version ?? 0) + 1, submittedById: user?.id, snapshot } });
  await followThemeTags(tx, responseId, last && parseSnapshot(last.snapshot), snapshot, created.version);
  await tx.response.update({ where: { id: responseId }, data: { status: 'SUBMITTED' } });
  await notifyLive(tx, { kind: 'submitted', consultationId: full.consultationId, organisationId: full.organisationId, by: user?.id ?? null, name: displayName(user) });
  await audit(actor, { action: 'response.submit', objectType: 'Response', objectId: responseId, after: { version: created.version, receipt: receiptNumber(created.id), channel: full.channel } }, tx);
  // The receipt to the organisation's members names the submitter even without a name; it is mailed, not kept.
  return { ...created, snapshot, submitter: user ? (user.name ?? user.email) : null };
}

/**
 * Submits the response in one transaction: a frozen, numbered version with a receipt number.
 * The receipt mail with a PDF copy goes to the organisation's members after the commit.
 */
export async function submitResponse(actor: Actor, key: ResponseKey): Promise<{ receiptNumber: string; version: number }> {
  const frozen = await db.$transaction(async (tx) => {
    const { party } = await assertMayChange(actor, key, 'response.submit', tx);
    const response = await lockDraftForSubmission(key, tx);
    const submission = await freezeSubmission(actor, response.id, await editor(actor, tx), tx);
    return { submission, organisationName: party.organisation.name, consultationTitle: party.consultation.title };
  });
  return deliverReceipt(key.organisationId, frozen);
}

/** A submitter reopens a submitted response to change it; it must be submitted again before the deadline. */
export async function reopenResponse(actor: Actor, key: ResponseKey): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertMayChange(actor, key, 'response.reopen', tx);
    const response = await responseFor(key, tx);
    const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Response" WHERE id = ${response.id} FOR UPDATE`;
    if (row?.status !== 'SUBMITTED') throw new DomainError('response.notSubmitted');
    await tx.response.update({ where: { id: response.id }, data: { status: 'DRAFT' } });
    const user = await editor(actor, tx);
    await notifyLive(tx, { kind: 'reopened', ...key, by: user?.id ?? null, name: displayName(user) });
    await audit(actor, { action: 'response.reopen', objectType: 'Response', objectId: response.id }, tx);
  });
}

