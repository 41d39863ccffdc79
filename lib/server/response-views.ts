import 'server-only';
import { publishedView, RULE_COLUMNS, ruleOf } from '@/lib/moderation';
import { parseSnapshot } from '@/lib/submission-snapshot';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { mayReadConsultation, readsResponsesWhole } from '@/lib/server/policy';
import { receiptNumber } from '@/lib/server/responses/receipt';
import type { OrganisationType, ResponseChannel, Stance } from '@/lib/generated/prisma/enums';

/**
 * Who reads responses how. Staff and politicians read every submitted response whole, as the
 * council's material; everyone else reads what was published: consented, not confidential,
 * moderated, names only with consent, and only once the consultation is published.
 */
export type Audience = 'full' | 'public';

export function audienceOf(actor: Actor): Audience {
  return readsResponsesWhole(actor) ? 'full' : 'public';
}

export interface VisibleAnswer {
  proposalId: string;
  code: string;
  title: string;
  stance: Stance | null;
  /** Null when moderation hid it from the public. */
  comment: string | null;
  /** Only the full audience sees answers marked not for publication. */
  confidential: boolean;
  proposalVersion: number | null;
}

export interface VisibleResponse {
  /** The response's id: what staff's summaries refer to, and the anchor of its answers. */
  responseId: string;
  organisationId: string;
  organisation: { name: string; type: OrganisationType };
  submittedAt: Date;
  /** The receipt number, for the full audience only. */
  receiptNumber: string | null;
  channel: ResponseChannel;
  generalRemarks: string | null;
  answers: VisibleAnswer[];
  /** The statement's id for the full audience (what staff's theme tags name), where the submission kept it. */
  minorityStatements: { id?: string | null; author: string | null; text: string }[];
  submittedBy: string | null;
}

const visibleAnswer = (a: Omit<VisibleAnswer, 'comment' | 'confidential'>, comment: string | null, confidential: boolean): VisibleAnswer => ({
  proposalId: a.proposalId,
  code: a.code,
  title: a.title,
  stance: a.stance,
  comment,
  confidential,
  proposalVersion: a.proposalVersion,
});

/**
 * The submitted responses of a consultation as the actor may read them, latest submission each,
 * ordered by organisation name. Null when the actor may not see the consultation at all.
 * `marker` replaces redacted passages for the public; `only` reads one organisation's response.
 */
export async function visibleResponses(actor: Actor, consultationId: string, marker: string, only?: { organisationId: string }) {
  const audience = audienceOf(actor);
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, title: true, status: true, budgetId: true, deadline: true, publishedAt: true } });
  if (!consultation || !mayReadConsultation(actor, consultation)) return null;
  if (audience === 'public' && consultation.status !== 'PUBLISHED') return { audience, consultation, responses: [] as VisibleResponse[] };

  const rows = await db.response.findMany({
    where: { consultationId, status: 'SUBMITTED', ...(only && { organisationId: only.organisationId }) },
    include: {
      organisation: { select: { name: true, type: true } },
      submissions: { orderBy: { version: 'desc' }, take: 1 },
      moderations: audience === 'public' ? { select: RULE_COLUMNS } : false,
    },
    orderBy: { organisation: { name: 'asc' } },
  });
  const responses = rows.flatMap((row): VisibleResponse[] => {
    const submission = row.submissions[0];
    if (!submission) return [];
    const snapshot = parseSnapshot(submission.snapshot);
    const common = { responseId: row.id, organisationId: row.organisationId, organisation: row.organisation, submittedAt: submission.submittedAt, channel: row.channel };
    if (audience === 'full') {
      return [
        {
          ...common,
          receiptNumber: receiptNumber(submission.id),
          generalRemarks: snapshot.generalRemarks,
          answers: snapshot.answers.map((a) => visibleAnswer(a, a.comment, a.confidential)),
          minorityStatements: snapshot.minorityStatements.map(({ id, author, text }) => ({ id: id ?? null, author, text })),
          submittedBy: snapshot.submittedBy,
        },
      ];
    }
    const view = publishedView(snapshot, row.moderations.map(ruleOf), marker);
    if (!view) return [];
    return [{ ...common, receiptNumber: null, ...view, answers: view.answers.map((a) => visibleAnswer(a, a.comment, false)) }];
  });
  return { audience, consultation, responses };
}
