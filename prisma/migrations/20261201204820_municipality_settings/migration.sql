-- CreateTable
CREATE TABLE "MunicipalitySettings" (
    "id" TEXT NOT NULL DEFAULT 'municipality',
    "name" TEXT NOT NULL,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "controllerName" TEXT,
    "controllerAddress" TEXT,
    "dpoName" TEXT,
    "dpoEmail" TEXT,
    "dpoPhone" TEXT,
    "privacyPolicyUrl" TEXT,
    "accessibilityStatementUrl" TEXT,
    "logo" BYTEA,
    "logoContentType" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MunicipalitySettings_pkey" PRIMARY KEY ("id")
);
