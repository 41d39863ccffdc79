import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The consultation's submitted answers as SQL, for the analysis's aggregate queries: a CTE named
 * `submitted_answers` ("responseId", "organisationId", "proposalId", stance, comment) of every
 * submitted response's latest submission. The snapshot, not the answer rows, because it is what
 * was sent and what staff read (response-views.ts); like it, only answers with a stance or a comment.
 */
export function submittedAnswersCte(consultationId: string): Prisma.Sql {
  return Prisma.sql`submitted_answers AS (
    SELECT r.id AS "responseId", r."organisationId", a->>'proposalId' AS "proposalId", a->>'stance' AS stance, coalesce(a->>'comment', '') AS comment
    FROM "Response" r
    CROSS JOIN LATERAL (SELECT s.snapshot FROM "Submission" s WHERE s."responseId" = r.id ORDER BY s.version DESC LIMIT 1) latest
    CROSS JOIN LATERAL jsonb_array_elements(latest.snapshot->'answers') a
    WHERE r."consultationId" = ${consultationId} AND r.status = 'SUBMITTED'
      AND (a->>'stance' IS NOT NULL OR btrim(coalesce(a->>'comment', '')) <> '')
  )`;
}
