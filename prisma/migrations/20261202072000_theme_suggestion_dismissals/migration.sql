-- CreateTable
CREATE TABLE "ThemeSuggestionDismissal" (
    "themeId" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "targetKey" TEXT NOT NULL,
    "dismissedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThemeSuggestionDismissal_pkey" PRIMARY KEY ("themeId","responseId","targetKey")
);

-- AddForeignKey
ALTER TABLE "ThemeSuggestionDismissal" ADD CONSTRAINT "ThemeSuggestionDismissal_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeSuggestionDismissal" ADD CONSTRAINT "ThemeSuggestionDismissal_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeSuggestionDismissal" ADD CONSTRAINT "ThemeSuggestionDismissal_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
