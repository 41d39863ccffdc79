-- CreateEnum
CREATE TYPE "TagTarget" AS ENUM ('ANSWER', 'GENERAL_REMARKS', 'MINORITY_STATEMENT');

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "keywords" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThemeTag" (
    "id" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "target" "TagTarget" NOT NULL,
    "proposalId" TEXT,
    "minorityStatementId" TEXT,
    "passage" TEXT,
    "passageStart" INTEGER,
    "submissionVersion" INTEGER NOT NULL,
    "needsRecheck" BOOLEAN NOT NULL DEFAULT false,
    "taggedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThemeTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerRead" (
    "responseId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerRead_pkey" PRIMARY KEY ("responseId","proposalId","userId")
);

-- CreateTable
CREATE TABLE "AnswerNote" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalAnalyst" (
    "consultationId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalAnalyst_pkey" PRIMARY KEY ("consultationId","proposalId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Theme_consultationId_name_key" ON "Theme"("consultationId", "name");

-- CreateIndex
CREATE INDEX "ThemeTag_themeId_idx" ON "ThemeTag"("themeId");

-- CreateIndex
CREATE INDEX "ThemeTag_responseId_idx" ON "ThemeTag"("responseId");

-- CreateIndex
CREATE INDEX "ThemeTag_proposalId_idx" ON "ThemeTag"("proposalId");

-- CreateIndex
CREATE INDEX "AnswerRead_proposalId_idx" ON "AnswerRead"("proposalId");

-- CreateIndex
CREATE INDEX "AnswerRead_userId_idx" ON "AnswerRead"("userId");

-- CreateIndex
CREATE INDEX "AnswerNote_responseId_proposalId_idx" ON "AnswerNote"("responseId", "proposalId");

-- CreateIndex
CREATE INDEX "AnswerNote_proposalId_idx" ON "AnswerNote"("proposalId");

-- CreateIndex
CREATE INDEX "ProposalAnalyst_userId_idx" ON "ProposalAnalyst"("userId");

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeTag" ADD CONSTRAINT "ThemeTag_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeTag" ADD CONSTRAINT "ThemeTag_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeTag" ADD CONSTRAINT "ThemeTag_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeTag" ADD CONSTRAINT "ThemeTag_minorityStatementId_fkey" FOREIGN KEY ("minorityStatementId") REFERENCES "MinorityStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeTag" ADD CONSTRAINT "ThemeTag_taggedById_fkey" FOREIGN KEY ("taggedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerRead" ADD CONSTRAINT "AnswerRead_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerRead" ADD CONSTRAINT "AnswerRead_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerRead" ADD CONSTRAINT "AnswerRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerNote" ADD CONSTRAINT "AnswerNote_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerNote" ADD CONSTRAINT "AnswerNote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerNote" ADD CONSTRAINT "AnswerNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAnalyst" ADD CONSTRAINT "ProposalAnalyst_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAnalyst" ADD CONSTRAINT "ProposalAnalyst_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAnalyst" ADD CONSTRAINT "ProposalAnalyst_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A tag names exactly what it is on: a proposal for an answer, a statement for a minority statement.
-- A trigger, not a CHECK constraint: Prisma 6.19's WebAssembly schema engine crashes
-- ("unreachable") introspecting a CHECK constraint, which breaks the drift check.
CREATE FUNCTION theme_tag_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."target" = 'ANSWER') <> (NEW."proposalId" IS NOT NULL)
     OR (NEW."target" = 'MINORITY_STATEMENT') <> (NEW."minorityStatementId" IS NOT NULL) THEN
    RAISE EXCEPTION 'a theme tag names its target: a proposal for an answer, a statement for a minority statement';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER theme_tag_target BEFORE INSERT OR UPDATE ON "ThemeTag"
FOR EACH ROW EXECUTE FUNCTION theme_tag_target();
