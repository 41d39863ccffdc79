-- CreateTable
CREATE TABLE "BudgetImportDraft" (
    "id" TEXT NOT NULL,
    "documentHash" TEXT NOT NULL,
    "fileName" TEXT,
    "parsed" JSONB NOT NULL,
    "corrections" JSONB NOT NULL DEFAULT '[]',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "importedAt" TIMESTAMPTZ(3),
    "result" JSONB,

    CONSTRAINT "BudgetImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BudgetImportDraft_createdById_idx" ON "BudgetImportDraft"("createdById");

-- CreateIndex
CREATE INDEX "BudgetImportDraft_expiresAt_idx" ON "BudgetImportDraft"("expiresAt");
