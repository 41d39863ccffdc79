import 'server-only';
import { publishedView, RULE_COLUMNS, ruleOf } from '@/lib/moderation';
import { parseSnapshot, submissionSnapshot } from '@/lib/submission-snapshot';
import type { Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { mayReadConsultation, readsResponsesWhole } from '@/lib/server/policy';
import { cachedRead } from '@/lib/server/read-cache';
import { receiptNumber } from '@/lib/server/responses/receipt';
import type { OrganisationType, ResponseChannel, Stance } from '@/lib/generated/prisma/enums';
import { Prisma } from '@/lib/generated/prisma/client';

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
  const visible = await responsesAsSeenBy(audience, consultationId, marker, only?.organisationId ?? null);
  if (!visible || !mayReadConsultation(actor, visible.consultation)) return null;
  return { audience, ...visible };
}

/**
 * What one audience reads of a consultation's submitted responses; the same for everyone in it,
 * so it is cached (read-cache.ts) and visibleResponses decides who may see it.
 */
const responsesAsSeenBy = cachedRead('visibleResponses', ['consultation'], async (audience: Audience, consultationId: string, marker: string, organisationId: string | null) => {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { id: true, title: true, status: true, budgetId: true, deadline: true, publishedAt: true } });
  if (!consultation) return null;
  if (audience === 'public' && consultation.status !== 'PUBLISHED') return { consultation, responses: [] as VisibleResponse[] };

  const rows = await db.response.findMany({
    where: { consultationId, status: 'SUBMITTED', ...(organisationId && { organisationId }) },
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
  return { consultation, responses };
});

const oneAnswer = submissionSnapshot.shape.answers.element;
const statements = submissionSnapshot.shape.minorityStatements;

export interface WholeAnswer {
  responseId: string;
  organisation: { name: string; type: OrganisationType };
  answer: Pick<VisibleAnswer, 'stance' | 'comment' | 'confidential'> & { comment: string };
  generalRemarks: string;
  minorityStatements: { id: string | null; author: string | null; text: string }[];
}

/**
 * The latest submitted answers to one proposal, whole, for the readers who read the responses
 * whole (the budget office's analysis, the politicians' theme counts): the same texts as
 * visibleResponses gives them, but PostgreSQL picks the one answer out of each snapshot, so that
 * a proposal's view does not read every answer of the consultation. Ordered by organisation name;
 * empty for any other reader, and for a consultation they may not see.
 */
export async function wholeAnswersTo(actor: Actor, consultationId: string, proposalId: string): Promise<WholeAnswer[]> {
  const consultation = await db.consultation.findUnique({ where: { id: consultationId }, select: { status: true } });
  if (audienceOf(actor) !== 'full' || !consultation || !mayReadConsultation(actor, consultation)) return [];
  const rows = await db.$queryRaw<{ responseId: string; name: string; type: OrganisationType; generalRemarks: string; minorityStatements: unknown; answer: unknown }[]>(Prisma.sql`
    SELECT r.id AS "responseId", o.name, o.type, s.snapshot->>'generalRemarks' AS "generalRemarks", s.snapshot->'minorityStatements' AS "minorityStatements", a.answer
    FROM "Response" r
    JOIN "Organisation" o ON o.id = r."organisationId"
    CROSS JOIN LATERAL (SELECT snapshot FROM "Submission" WHERE "responseId" = r.id ORDER BY version DESC LIMIT 1) s
    CROSS JOIN LATERAL jsonb_path_query_first(s.snapshot, '$.answers[*] ? (@.proposalId == $p)', jsonb_build_object('p', ${proposalId}::text)) a(answer)
    WHERE r."consultationId" = ${consultationId} AND r.status = 'SUBMITTED' AND a.answer IS NOT NULL
    ORDER BY o.name`);
  return rows.map((row) => {
    const answer = oneAnswer.parse(row.answer);
    return {
      responseId: row.responseId,
      organisation: { name: row.name, type: row.type },
      answer: { stance: answer.stance, comment: answer.comment, confidential: answer.confidential },
      generalRemarks: row.generalRemarks,
      minorityStatements: statements.parse(row.minorityStatements).map(({ id, author, text }) => ({ id: id ?? null, author, text })),
    };
  });
}
