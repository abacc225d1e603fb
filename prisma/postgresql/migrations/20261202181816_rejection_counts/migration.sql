-- CreateTable
CREATE TABLE "RejectionCount" (
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "sampledAt" TIMESTAMPTZ(3),

    CONSTRAINT "RejectionCount_pkey" PRIMARY KEY ("source","reason","hour")
);

-- CreateIndex
CREATE INDEX "RejectionCount_hour_idx" ON "RejectionCount"("hour");
