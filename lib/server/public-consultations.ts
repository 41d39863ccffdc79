import 'server-only';
import { anonymous } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { cachedRead } from '@/lib/server/read-cache';
import { countStances } from '@/lib/insight/aggregate';
import { visibleResponses } from '@/lib/server/response-views';

// Public reading: anyone may see a consultation once it is no longer a draft, and its responses
// once published, as publishedView lets them (consent, confidentiality, moderation, names).

export async function listPublicConsultations() {
  return db.consultation.findMany({
    where: { status: { not: 'DRAFT' } },
    orderBy: { deadline: 'desc' },
    select: { id: true, title: true, deadline: true, status: true, publishedAt: true },
  });
}

/** The public page of a consultation; `marker` replaces redacted passages. Null for drafts and unknown ids. */
export const getPublicConsultation = cachedRead('publicConsultation', ['consultation'], async (id: string, marker: string) => {
  const consultation = await db.consultation.findFirst({
    where: { id, status: { not: 'DRAFT' } },
    include: {
      documents: { orderBy: { createdAt: 'asc' }, select: { id: true, title: true, fileName: true, size: true } },
      parties: { include: { organisation: { select: { id: true, name: true, type: true } } }, orderBy: { organisation: { name: 'asc' } } },
    },
  });
  if (!consultation) return null;
  // The portal shows what the public sees, to staff as well.
  const visible = await visibleResponses(anonymous, id, marker);
  return {
    id: consultation.id,
    title: consultation.title,
    description: consultation.description,
    deadline: consultation.deadline,
    status: consultation.status,
    publishedAt: consultation.publishedAt,
    resultsPublishedAt: consultation.resultsPublishedAt,
    budgetId: consultation.budgetId,
    documents: consultation.documents,
    parties: consultation.parties.map((p) => p.organisation),
    // The index lists the responses with their counts; each response has a page of its own.
    responses: (visible?.responses ?? []).map((r) => ({ organisationId: r.organisationId, organisation: r.organisation, submittedAt: r.submittedAt, counts: countStances(r.answers) })),
  };
});

/** One published response as the public may read it, on its own page; null when there is none to show. */
export async function getPublicResponse(consultationId: string, organisationId: string, marker: string) {
  const visible = await visibleResponses(anonymous, consultationId, marker, { organisationId });
  const response = visible?.responses.find((r) => r.organisationId === organisationId);
  return visible && response ? { consultation: { id: visible.consultation.id, title: visible.consultation.title }, response } : null;
}
