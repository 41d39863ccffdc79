import 'server-only';
import { publishedView } from '@/lib/moderation';
import { parseSnapshot } from '@/lib/submission-snapshot';
import { db } from '@/lib/server/db';

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
export async function getPublicConsultation(id: string, marker: string) {
  const consultation = await db.consultation.findFirst({
    where: { id, status: { not: 'DRAFT' } },
    include: {
      documents: { orderBy: { createdAt: 'asc' }, select: { id: true, title: true, fileName: true, size: true } },
      parties: { include: { organisation: { select: { id: true, name: true, type: true } } }, orderBy: { organisation: { name: 'asc' } } },
    },
  });
  if (!consultation) return null;
  const responses =
    consultation.status === 'PUBLISHED'
      ? await db.response.findMany({
          where: { consultationId: id, status: 'SUBMITTED' },
          include: {
            organisation: { select: { name: true, type: true } },
            submissions: { orderBy: { version: 'desc' }, take: 1 },
            moderations: { select: { target: true, kind: true, passage: true } },
          },
          orderBy: { organisation: { name: 'asc' } },
        })
      : [];
  return {
    id: consultation.id,
    title: consultation.title,
    description: consultation.description,
    deadline: consultation.deadline,
    status: consultation.status,
    publishedAt: consultation.publishedAt,
    budgetId: consultation.budgetId,
    documents: consultation.documents,
    parties: consultation.parties.map((p) => p.organisation),
    responses: responses.flatMap((response) => {
      const submission = response.submissions[0];
      const view = submission && publishedView(parseSnapshot(submission.snapshot), response.moderations, marker);
      return view ? [{ organisation: response.organisation, submittedAt: submission.submittedAt, channel: response.channel, ...view }] : [];
    }),
  };
}
