import 'server-only';
import { RULE_COLUMNS, ruleOf } from '@/lib/moderation';
import { DomainError } from '@/lib/server/errors';
import { needsNameReview, nameReviewItems, pendingMarks, type ReviewItem } from '@/lib/name-review';
import { parseSnapshot } from '@/lib/submission-snapshot';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { authorize } from '@/lib/server/policy';
import type { ResponseKey } from '@/lib/server/responses/access';
import { receiptNumber } from '@/lib/server/responses/receipt';
import type { Prisma } from '@/lib/generated/prisma/client';

// Before publication staff review every submitted response that is published without personal
// names: the passages that look like names are redacted (a moderation rule) or confirmed not to
// be names, and then the submission is marked reviewed. A later submission needs a review of its
// own, and so does a reviewed one in which a mark is open again (a redaction withdrawn).

type Reader = Pick<Prisma.TransactionClient, 'response' | 'consultationParty'>;

export interface ResponseNameReview {
  responseId: string;
  organisationId: string;
  organisationName: string;
  submission: { id: bigint; version: number; receiptNumber: string; submittedAt: Date };
  items: ReviewItem[];
  pending: number;
  /** The review of the latest submission, if there is one. */
  review: { by: string | null; at: Date } | null;
  /** Reviewed, and nothing has been opened again since. */
  reviewed: boolean;
}

const person = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : null);

async function reviewsWhere(where: Prisma.ResponseWhereInput, reader: Reader): Promise<ResponseNameReview[]> {
  const rows = await reader.response.findMany({
    where: { ...where, status: 'SUBMITTED' },
    orderBy: { organisation: { name: 'asc' } },
    include: {
      organisation: { select: { name: true, memberships: { select: { user: { select: { name: true, erasedAt: true } } } } } },
      submissions: { orderBy: { version: 'desc' }, take: 1, include: { nameReview: { include: { reviewedBy: { select: { name: true, email: true } } } } } },
      moderations: { select: RULE_COLUMNS },
      nameConfirmations: { select: { target: true, passage: true } },
    },
  });
  const consultationIds = [...new Set(rows.map((row) => row.consultationId))];
  const parties = await reader.consultationParty.findMany({ where: { consultationId: { in: consultationIds } }, select: { consultationId: true, organisation: { select: { name: true } } } });
  return rows.flatMap((row): ResponseNameReview[] => {
    const submission = row.submissions[0];
    if (!submission) return [];
    const snapshot = parseSnapshot(submission.snapshot);
    if (!needsNameReview(snapshot)) return [];
    const items = nameReviewItems({
      snapshot,
      moderations: row.moderations.map(ruleOf),
      confirmations: row.nameConfirmations,
      memberNames: row.organisation.memberships.flatMap((m) => (m.user.name && !m.user.erasedAt ? [m.user.name] : [])),
      organisationNames: parties.filter((p) => p.consultationId === row.consultationId).map((p) => p.organisation.name),
    });
    const pending = pendingMarks(items);
    const review = submission.nameReview ? { by: person(submission.nameReview.reviewedBy), at: submission.nameReview.reviewedAt } : null;
    return [
      {
        responseId: row.id,
        organisationId: row.organisationId,
        organisationName: row.organisation.name,
        submission: { id: submission.id, version: submission.version, receiptNumber: receiptNumber(submission.id), submittedAt: submission.submittedAt },
        items,
        pending,
        review,
        reviewed: review !== null && pending === 0,
      },
    ];
  });
}

/**
 * The responses of a consultation that are published without names, with their review. For the
 * domain layer's own checks (publication), inside a transaction that has authorized its caller.
 */
export function nameReviewsOf(consultationId: string, reader: Reader = db): Promise<ResponseNameReview[]> {
  return reviewsWhere({ consultationId }, reader);
}

/** The review list of a consultation, for staff. Null when there is no such consultation. */
export async function getNameReviews(actor: Actor, consultationId: string) {
  await authorize(actor, 'consultation.names.read', { object: { type: 'Consultation', id: consultationId } });
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, title: true, status: true } });
  if (!consultation) return null;
  return { consultation, responses: await nameReviewsOf(consultationId) };
}

async function reviewOf(key: ResponseKey, reader: Reader): Promise<ResponseNameReview> {
  const response = await reader.response.findUnique({ where: { consultationId_organisationId: key }, select: { status: true } });
  if (response?.status !== 'SUBMITTED') throw new DomainError('nameReview.notSubmitted');
  const [review] = await reviewsWhere(key, reader);
  if (!review) throw new DomainError('nameReview.notNeeded');
  return review;
}

/** Staff confirm that a marked passage is not a personal name. */
export async function confirmNotName(actor: Actor, key: ResponseKey, input: { target: string; passage: string }): Promise<void> {
  await authorize(actor, 'response.names.confirm', { object: { type: 'Organisation', id: key.organisationId } });
  await db.$transaction(async (tx) => {
    const review = await reviewOf(key, tx);
    const item = review.items.find((i) => i.target === input.target);
    if (!item) throw new DomainError('nameReview.unknownTarget');
    if (!item.marks.some((mark) => mark.text === input.passage)) throw new DomainError('nameReview.passageNotMarked');
    await tx.nameConfirmation.upsert({
      where: { responseId_target_passage: { responseId: review.responseId, target: input.target, passage: input.passage } },
      create: { responseId: review.responseId, target: input.target, passage: input.passage, createdById: actor.kind === 'user' ? actor.userId : null },
      update: {},
    });
    await audit(actor, { action: 'response.names.confirm', objectType: 'Response', objectId: review.responseId, after: { target: input.target, passage: input.passage, submissionVersion: review.submission.version } }, tx);
  });
}

/** Marks the latest submission reviewed, once every marked passage is redacted or confirmed. */
export async function markNamesReviewed(actor: Actor, key: ResponseKey): Promise<void> {
  await authorize(actor, 'response.names.review', { object: { type: 'Organisation', id: key.organisationId } });
  await db.$transaction(async (tx) => {
    // One review at a time per response, and none while a submission is being made.
    await tx.$queryRaw`SELECT id FROM "Response" WHERE "consultationId" = ${key.consultationId} AND "organisationId" = ${key.organisationId} FOR UPDATE`;
    const review = await reviewOf(key, tx);
    if (review.pending > 0) throw new DomainError('nameReview.passagesPending', { params: { count: review.pending } });
    const reviewedById = actor.kind === 'user' ? actor.userId : null;
    await tx.nameReview.upsert({
      where: { submissionId: review.submission.id },
      create: { responseId: review.responseId, submissionId: review.submission.id, reviewedById },
      update: { reviewedById, reviewedAt: new Date() },
    });
    const marks = review.items.flatMap((item) => item.marks);
    await audit(
      actor,
      {
        action: 'response.names.review',
        objectType: 'Response',
        objectId: review.responseId,
        after: {
          submissionVersion: review.submission.version,
          receiptNumber: review.submission.receiptNumber,
          redacted: marks.filter((m) => m.decision === 'redacted').length,
          confirmed: marks.filter((m) => m.decision === 'confirmed').length,
        },
      },
      tx,
    );
  });
}
