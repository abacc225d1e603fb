-- CreateTable
CREATE TABLE "CspViolation" (
    "signature" TEXT NOT NULL,
    "documentUrl" TEXT NOT NULL,
    "blockedUri" TEXT NOT NULL,
    "directive" TEXT NOT NULL,
    "disposition" TEXT NOT NULL,
    "sourceFile" TEXT,
    "line" INTEGER,
    "sample" TEXT,
    "count" INTEGER NOT NULL,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CspViolation_pkey" PRIMARY KEY ("signature")
);

-- CreateIndex
CREATE INDEX "CspViolation_lastSeenAt_idx" ON "CspViolation"("lastSeenAt");
