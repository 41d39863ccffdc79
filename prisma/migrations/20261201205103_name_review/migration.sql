-- CreateTable
CREATE TABLE "NameReview" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "submissionId" BIGINT NOT NULL,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NameReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NameConfirmation" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "passage" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NameConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NameReview_submissionId_key" ON "NameReview"("submissionId");

-- CreateIndex
CREATE INDEX "NameReview_responseId_idx" ON "NameReview"("responseId");

-- CreateIndex
CREATE UNIQUE INDEX "NameConfirmation_responseId_target_passage_key" ON "NameConfirmation"("responseId", "target", "passage");

-- AddForeignKey
ALTER TABLE "NameReview" ADD CONSTRAINT "NameReview_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameReview" ADD CONSTRAINT "NameReview_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameReview" ADD CONSTRAINT "NameReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameConfirmation" ADD CONSTRAINT "NameConfirmation_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameConfirmation" ADD CONSTRAINT "NameConfirmation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
