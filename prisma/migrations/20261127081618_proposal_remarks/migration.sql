-- CreateTable
CREATE TABLE "ProposalRemark" (
    "consultationId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProposalRemark_pkey" PRIMARY KEY ("consultationId","proposalId")
);

-- CreateIndex
CREATE INDEX "ProposalRemark_proposalId_idx" ON "ProposalRemark"("proposalId");

-- AddForeignKey
ALTER TABLE "ProposalRemark" ADD CONSTRAINT "ProposalRemark_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRemark" ADD CONSTRAINT "ProposalRemark_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRemark" ADD CONSTRAINT "ProposalRemark_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

