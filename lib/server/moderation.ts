import 'server-only';
import { targetColumns, targetOf, targetText } from '@/lib/moderation';
import { DomainError } from '@/lib/server/errors';
import { parseSnapshot } from '@/lib/submission-snapshot';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { displayName } from '@/lib/server/personal-data';
import { authorize } from '@/lib/server/policy';
import type { ResponseKey } from '@/lib/server/responses/access';
import { receiptNumber } from '@/lib/server/responses/receipt';
import type { ModerationKind } from '@/lib/generated/prisma/enums';

/** The latest submitted version of a response with its moderation, for staff. Null when nothing was submitted. */
export async function getSubmittedResponse(actor: Actor, key: ResponseKey) {
  await authorize(actor, 'response.moderation.read', { object: { type: 'Organisation', id: key.organisationId } });
  const response = await db.response.findUnique({
    where: { consultationId_organisationId: key },
    include: {
      organisation: { select: { name: true } },
      consultation: { select: { id: true, title: true, status: true } },
      registeredBy: { select: { name: true, email: true, erasedAt: true } },
      attachments: { orderBy: { createdAt: 'asc' }, select: { id: true, fileName: true } },
      submissions: { orderBy: { version: 'desc' }, take: 1 },
      moderations: { orderBy: { createdAt: 'asc' }, include: { createdBy: { select: { name: true, email: true, erasedAt: true } } } },
    },
  });
  const submission = response?.submissions[0];
  if (!response || !submission) return null;
  return {
    organisation: response.organisation,
    consultation: response.consultation,
    status: response.status,
    channel: response.channel,
    registeredBy: displayName(response.registeredBy),
    receivedAt: response.receivedAt,
    attachments: response.attachments,
    submission: { version: submission.version, receiptNumber: receiptNumber(submission.id), submittedAt: submission.submittedAt, snapshot: parseSnapshot(submission.snapshot) },
    moderations: response.moderations.map((m) => ({ id: m.id, target: targetOf(m), kind: m.kind, passage: m.passage, reason: m.reason, by: displayName(m.createdBy), at: m.createdAt })),
  };
}

export interface ModerationInput {
  target: string;
  kind: ModerationKind;
  passage?: string | null;
  reason: string;
}

/**
 * Hides an item or redacts a passage of a submitted response in what is published. The response
 * and its submissions stay as they were; the rule and its reason are recorded and audited.
 */
export async function addModeration(actor: Actor, key: ResponseKey, input: ModerationInput): Promise<{ id: string }> {
  await authorize(actor, 'response.moderate', { object: { type: 'Organisation', id: key.organisationId } });
  return db.$transaction(async (tx) => {
    const response = await tx.response.findUnique({ where: { consultationId_organisationId: key }, include: { submissions: { orderBy: { version: 'desc' }, take: 1 } } });
    const submission = response?.submissions[0];
    if (!response || !submission) throw new DomainError('moderation.notSubmitted');
    const text = targetText(parseSnapshot(submission.snapshot), input.target);
    const columns = targetColumns(input.target);
    if (text === null || columns === null) throw new DomainError('moderation.unknownTarget');
    // A statement withdrawn from the reopened draft is still in the latest submission, but gone.
    if (columns.minorityStatementId && !(await tx.minorityStatement.count({ where: { id: columns.minorityStatementId, responseId: response.id } }))) throw new DomainError('moderation.unknownTarget');
    const passage = input.kind === 'REDACT' ? (input.passage ?? null) : null;
    if (input.kind === 'REDACT' && (!passage || !text.includes(passage))) throw new DomainError('moderation.passageNotFound');
    const moderation = await tx.moderation.create({
      data: { responseId: response.id, ...columns, kind: input.kind, passage, reason: input.reason, createdById: actor.kind === 'user' ? actor.userId : null },
    });
    await audit(actor, { action: 'response.moderate', objectType: 'Response', objectId: response.id, after: { moderationId: moderation.id, target: input.target, kind: input.kind, passage, reason: input.reason } }, tx);
    return { id: moderation.id };
  });
}

/** Withdraws a moderation; the audit log keeps that it existed. */
export async function removeModeration(actor: Actor, moderationId: string): Promise<void> {
  await authorize(actor, 'response.moderate.remove', { object: { type: 'Moderation', id: moderationId } });
  await db.$transaction(async (tx) => {
    const removed = await tx.moderation.delete({ where: { id: moderationId } });
    await audit(actor, { action: 'response.moderate.remove', objectType: 'Response', objectId: removed.responseId, before: { moderationId, target: targetOf(removed), kind: removed.kind, passage: removed.passage, reason: removed.reason } }, tx);
  });
}
