-- Moderation.target ("generalRemarks", "answer:<proposalId>", "minority:<statementId or index>")
-- becomes foreign keys: proposalId for an answer, minorityStatementId for a minority statement,
-- neither for the general remarks. Every existing row is carried over before the column goes.

-- AlterTable
ALTER TABLE "Moderation" ADD COLUMN "minorityStatementId" TEXT,
ADD COLUMN "proposalId" TEXT;

UPDATE "Moderation" SET "proposalId" = substr("target", length('answer:') + 1) WHERE "target" LIKE 'answer:%';

UPDATE "Moderation" m SET "minorityStatementId" = s."id"
FROM "MinorityStatement" s
WHERE m."target" = 'minority:' || s."id" AND s."responseId" = m."responseId";

-- Submissions made before statement ids were kept named a statement by its position in the
-- snapshot: the statement of the same response with that text is the one meant.
UPDATE "Moderation" m SET "minorityStatementId" = (
  SELECT s."id"
  FROM "MinorityStatement" s
  JOIN LATERAL (
    SELECT "snapshot" FROM "Submission" WHERE "responseId" = m."responseId" ORDER BY "version" DESC LIMIT 1
  ) latest ON true
  WHERE s."responseId" = m."responseId"
    AND s."text" = latest."snapshot" -> 'minorityStatements' -> (substr(m."target", length('minority:') + 1)::int) ->> 'text'
  ORDER BY s."createdAt"
  LIMIT 1
)
WHERE m."target" ~ '^minority:[0-9]+$' AND m."minorityStatementId" IS NULL;

-- A rule that cannot be carried over would silently stop hiding what it hid: stop instead.
DO $$
DECLARE
  lost INT;
BEGIN
  SELECT count(*) INTO lost FROM "Moderation"
  WHERE "target" <> 'generalRemarks' AND "proposalId" IS NULL AND "minorityStatementId" IS NULL;
  IF lost > 0 THEN
    RAISE EXCEPTION '% moderation row(s) name a target that no longer exists; resolve them before migrating', lost;
  END IF;
END $$;

ALTER TABLE "Moderation" DROP COLUMN "target";

-- At most one target. A trigger, not a CHECK constraint: Prisma 6.19's WebAssembly schema engine
-- crashes ("unreachable") introspecting a CHECK constraint, which breaks the drift check.
CREATE FUNCTION moderation_one_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."proposalId" IS NOT NULL AND NEW."minorityStatementId" IS NOT NULL THEN
    RAISE EXCEPTION 'a moderation has one target: an answer or a minority statement, not both';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER moderation_one_target BEFORE INSERT OR UPDATE ON "Moderation"
FOR EACH ROW EXECUTE FUNCTION moderation_one_target();


-- AddForeignKey
ALTER TABLE "Moderation" ADD CONSTRAINT "Moderation_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Moderation" ADD CONSTRAINT "Moderation_minorityStatementId_fkey" FOREIGN KEY ("minorityStatementId") REFERENCES "MinorityStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
