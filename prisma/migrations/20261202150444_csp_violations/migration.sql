-- CreateTable
CREATE TABLE "CspViolation" (
    "signature" TEXT NOT NULL PRIMARY KEY,
    "documentUrl" TEXT NOT NULL,
    "blockedUri" TEXT NOT NULL,
    "directive" TEXT NOT NULL,
    "disposition" TEXT NOT NULL,
    "sourceFile" TEXT,
    "line" INTEGER,
    "sample" TEXT,
    "count" INTEGER NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CspViolation_lastSeenAt_idx" ON "CspViolation"("lastSeenAt");
