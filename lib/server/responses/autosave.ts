import 'server-only';
import { PHASE_ALLOWS } from '@/lib/consultation-phases';
import { GENERAL_FIELD } from '@/lib/live-events';
import type { Actor } from '@/lib/server/actor';
import { getPool } from '@/lib/server/db';
import { LIVE_CHANNEL } from '@/lib/server/live/listener';
import { NAME_LENGTH } from '@/lib/server/live/notify';
import { displayName } from '@/lib/server/personal-data';
import type { ResponseKey } from '@/lib/server/responses/access';
import type { AnswerInput, SaveResult } from '@/lib/server/responses/drafts';

// The autosave's fast path: one SQL statement, sent on the pool under Prisma's adapter, that
// checks, locks, writes and notifies in one round trip, where editableDraft's transaction takes
// about twelve (a burst of autosaves before the deadline was bound by their CPU, mostly Prisma's).
// It only ever saves; whenever it does not (a refusal, a version conflict, a first change made
// at the same moment by another member) it returns null and drafts.ts runs the transaction of editableDraft, which gives the same
// refusal, audit and conflict as always. So the rules below may be stricter than the
// TypeScript ones, never looser; responses.int.test.ts checks that they agree.
//
// The rules, each mirroring one place in TypeScript:
// - `member`: policy.ts, 'response.edit' is `member`: a membership of the organisation in any
//   role (erasing a user removes their memberships, personal-data.ts).
// - `open_party`: partyState in access.ts: consulted, the consultation in a phase that takes
//   responses (PHASE_ALLOWS.responses, passed in), and `now` strictly before the effective deadline
//   (deadline.ts: effectiveDeadline is the extension when granted, isBeforeDeadline is `<`). `now`
//   is the app's clock, as in partyState, not the database's.
// - `locked`: lockedDraft in access.ts: the response row is a draft, locked FOR KEY SHARE, so that
//   a submission (FOR UPDATE) waits for this save and a save after a submission sees SUBMITTED.
// - the notice: notifyLive in live/notify.ts with displayName (personal-data.ts): the same JSON
//   object, the editor's name cut to NAME_LENGTH.

const GATE = `
  member AS (
    SELECT u.id, u.name, u.email, u."erasedAt" FROM "Membership" m JOIN "User" u ON u.id = m."userId"
    WHERE m."userId" = $1 AND m."organisationId" = $3
  ),
  open_party AS (
    SELECT c."budgetId" FROM "ConsultationParty" p JOIN "Consultation" c ON c.id = p."consultationId"
    WHERE p."consultationId" = $2 AND p."organisationId" = $3
      AND c.status::text = ANY($4::text[])
      AND $5::timestamptz < COALESCE(p."deadlineExtension", c.deadline)
  ),
  locked AS (
    SELECT r.id FROM "Response" r
    WHERE r."consultationId" = $2 AND r."organisationId" = $3 AND r.status = 'DRAFT'
      AND EXISTS (SELECT FROM member) AND EXISTS (SELECT FROM open_party)
    FOR KEY SHARE
  )`;

// The first change creates the response, as responseFor does; a concurrent first change makes
// the insert do nothing and, the row being invisible to this statement, the statement save nothing.
const createResponse = (columns = '', values = '', condition = '') => `
    INSERT INTO "Response" (id, "consultationId", "organisationId", "updatedById", "updatedAt"${columns})
    SELECT gen_random_uuid()::text, $2, $3, m.id, $5${values} FROM member m
    WHERE EXISTS (SELECT FROM open_party) AND NOT EXISTS (SELECT FROM "Response" r WHERE r."consultationId" = $2 AND r."organisationId" = $3)${condition}
    ON CONFLICT ("consultationId", "organisationId") DO NOTHING`;

// $6 is the live channel, $7 the field: the notice notifyLive would send for a save. The final
// SELECT reads `notified` because PostgreSQL runs a CTE that modifies nothing only when it is read.
const NOTICE = `
  notified AS (
    SELECT pg_notify($6, json_build_object(
      'kind', 'saved', 'consultationId', $2::text, 'organisationId', $3::text, 'field', $7::text, 'version', s.version,
      'by', m.id, 'name', left(CASE WHEN m."erasedAt" IS NULL THEN COALESCE(m.name, m.email) END, ${NAME_LENGTH})
    )::text) FROM saved s, member m
  )
SELECT s.version, m.name, m.email, m."erasedAt", (SELECT count(*) FROM notified) AS notified
FROM saved s, member m`;

const ANSWER = `
WITH ${GATE},
  proposal AS (
    SELECT pr.id, pr.version FROM "Proposal" pr JOIN open_party o ON o."budgetId" = pr."budgetId" WHERE pr.id = $7
  ),
  -- Only for an answer the transaction would save: it rolls back the response it created otherwise.
  created_response AS (${createResponse('', '', ' AND EXISTS (SELECT FROM proposal) AND $11::int = 0')}
    RETURNING id
  ),
  draft AS (SELECT id FROM locked UNION ALL SELECT id FROM created_response),
  created AS (
    INSERT INTO "Answer" (id, "responseId", "proposalId", stance, comment, confidential, version, "proposalVersion", "updatedById", "updatedAt")
    SELECT gen_random_uuid()::text, d.id, pr.id, $8::"Stance", $9, $10, 1, pr.version, m.id, $5
    FROM draft d, proposal pr, member m WHERE $11::int = 0
    ON CONFLICT ("responseId", "proposalId") DO NOTHING
    RETURNING version
  ),
  updated AS (
    UPDATE "Answer" a SET stance = $8::"Stance", comment = $9, confidential = $10, version = a.version + 1,
      "proposalVersion" = pr.version, "updatedById" = m.id, "updatedAt" = $5
    FROM locked d, proposal pr, member m
    WHERE $11::int > 0 AND a."responseId" = d.id AND a."proposalId" = pr.id AND a.version = $11
    RETURNING a.version
  ),
  saved AS (SELECT version FROM created UNION ALL SELECT version FROM updated),
  touched AS (
    UPDATE "Response" r SET "updatedById" = m.id, "updatedAt" = $5 FROM locked d, member m, saved s WHERE r.id = d.id
  ),
${NOTICE}`;

const GENERAL_REMARKS = `
WITH ${GATE},
  -- Created with the remarks when they are the first version; a later version of a response
  -- that does not exist is the transaction's to report.
  created_response AS (${createResponse(', "generalRemarks", "generalRemarksVersion"', ', $8, 1', ' AND $9::int = 0')}
    RETURNING "generalRemarksVersion" AS version
  ),
  updated AS (
    UPDATE "Response" r SET "generalRemarks" = $8, "generalRemarksVersion" = r."generalRemarksVersion" + 1, "updatedById" = m.id, "updatedAt" = $5
    FROM locked d, member m
    WHERE r.id = d.id AND r."generalRemarksVersion" = $9
    RETURNING r."generalRemarksVersion" AS version
  ),
  saved AS (SELECT version FROM created_response UNION ALL SELECT version FROM updated),
${NOTICE}`;

interface Saved {
  version: number;
  name: string | null;
  email: string;
  erasedAt: Date | null;
}

async function run(actor: Actor, key: ResponseKey, field: string, sql: string, values: unknown[]): Promise<SaveResult | null> {
  // Only a signed-in user can be a member; anyone else is refused by the transaction, with its audit.
  if (actor.kind !== 'user') return null;
  const gate = [actor.userId, key.consultationId, key.organisationId, PHASE_ALLOWS.responses, new Date(), LIVE_CHANNEL, field];
  const { rows } = await getPool().query<Saved>(sql, [...gate, ...values]);
  const saved = rows[0];
  return saved ? { ok: true, version: saved.version, editedBy: displayName(saved) } : null;
}

/** Saves the answer in one statement when every rule allows it and the version matches; null otherwise. */
export function fastSaveAnswer(actor: Actor, key: ResponseKey, input: AnswerInput): Promise<SaveResult | null> {
  return run(actor, key, input.proposalId, ANSWER, [input.stance, input.comment, input.confidential, input.expectedVersion]);
}

/** Saves the general remarks in one statement when every rule allows it and the version matches; null otherwise. */
export function fastSaveGeneralRemarks(actor: Actor, key: ResponseKey, input: { text: string; expectedVersion: number }): Promise<SaveResult | null> {
  return run(actor, key, GENERAL_FIELD, GENERAL_REMARKS, [input.text, input.expectedVersion]);
}
