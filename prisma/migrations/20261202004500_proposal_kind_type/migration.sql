-- A proposal line's type is stored once per (proposal, expenditure kind) in "ProposalKind"
-- instead of on every year's amount. The amounts stay in "BudgetLine", which now refers to its
-- kind's row.

-- CreateTable
CREATE TABLE "ProposalKind" (
    "proposalId" TEXT NOT NULL,
    "kind" "ExpenditureKind" NOT NULL,
    "type" "ProposalType" NOT NULL,

    CONSTRAINT "ProposalKind_pkey" PRIMARY KEY ("proposalId","kind")
);

-- The import and the edit form wrote one type per kind. Should a kind's years still disagree, the
-- earliest year's type is kept: it is the one every page and export has shown.
INSERT INTO "ProposalKind" ("proposalId", "kind", "type")
SELECT "proposalId", "kind", (array_agg("type" ORDER BY "year"))[1]
FROM "BudgetLine"
GROUP BY "proposalId", "kind";

-- AlterTable
ALTER TABLE "BudgetLine" DROP COLUMN "type";

-- AddForeignKey
ALTER TABLE "ProposalKind" ADD CONSTRAINT "ProposalKind_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_proposalId_kind_fkey" FOREIGN KEY ("proposalId", "kind") REFERENCES "ProposalKind"("proposalId", "kind") ON DELETE CASCADE ON UPDATE CASCADE;
