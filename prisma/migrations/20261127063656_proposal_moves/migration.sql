-- CreateTable
CREATE TABLE "ProposalMove" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "fromListId" TEXT NOT NULL,
    "toListId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "movedById" TEXT,
    "movedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalMove_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProposalMove_proposalId_movedAt_idx" ON "ProposalMove"("proposalId", "movedAt");

-- AddForeignKey
ALTER TABLE "ProposalMove" ADD CONSTRAINT "ProposalMove_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalMove" ADD CONSTRAINT "ProposalMove_fromListId_fkey" FOREIGN KEY ("fromListId") REFERENCES "BudgetList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalMove" ADD CONSTRAINT "ProposalMove_toListId_fkey" FOREIGN KEY ("toListId") REFERENCES "BudgetList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalMove" ADD CONSTRAINT "ProposalMove_movedById_fkey" FOREIGN KEY ("movedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
