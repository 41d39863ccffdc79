-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "proposalVersion" INTEGER;

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "openedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ProposalVersion" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "imported" BOOLEAN NOT NULL DEFAULT false,
    "editedById" TEXT,
    "editedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProposalVersion_proposalId_version_key" ON "ProposalVersion"("proposalId", "version");

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalVersion" ADD CONSTRAINT "ProposalVersion_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill: version 1 of every existing proposal is what the import created.
INSERT INTO "ProposalVersion" ("id", "proposalId", "version", "code", "title", "summary", "lines", "reason", "imported", "editedAt")
SELECT
    gen_random_uuid()::text,
    p."id",
    1,
    p."code",
    p."title",
    p."summary",
    COALESCE(
        (SELECT jsonb_agg(jsonb_build_object('kind', l."kind", 'type', l."type", 'year', l."year", 'amount', l."amount") ORDER BY l."kind", l."year")
         FROM "BudgetLine" l WHERE l."proposalId" = p."id"),
        '[]'::jsonb
    ),
    'Import',
    true,
    p."createdAt"
FROM "Proposal" p;

-- Backfill: consultations already opened count as opened when they were created.
UPDATE "Consultation" SET "openedAt" = "createdAt" WHERE "status" <> 'DRAFT';
