-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('ADOPTED', 'ADOPTED_WITH_CHANGES', 'REJECTED', 'POSTPONED');

-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "resultsPublishedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ProposalSummary" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "responseIds" TEXT[],
    "authorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalDecision" (
    "consultationId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "decidedOn" DATE NOT NULL,
    "recordedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProposalDecision_pkey" PRIMARY KEY ("consultationId","proposalId")
);

-- CreateIndex
CREATE INDEX "ProposalSummary_proposalId_idx" ON "ProposalSummary"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalSummary_consultationId_proposalId_version_key" ON "ProposalSummary"("consultationId", "proposalId", "version");

-- CreateIndex
CREATE INDEX "ProposalDecision_proposalId_idx" ON "ProposalDecision"("proposalId");

-- AddForeignKey
ALTER TABLE "ProposalSummary" ADD CONSTRAINT "ProposalSummary_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSummary" ADD CONSTRAINT "ProposalSummary_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalSummary" ADD CONSTRAINT "ProposalSummary_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalDecision" ADD CONSTRAINT "ProposalDecision_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

