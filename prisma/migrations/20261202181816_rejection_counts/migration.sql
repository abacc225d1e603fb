-- CreateTable
CREATE TABLE "RejectionCount" (
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,
    "sampledAt" DATETIME,

    PRIMARY KEY ("source", "reason", "hour")
);

-- CreateIndex
CREATE INDEX "RejectionCount_hour_idx" ON "RejectionCount"("hour");
