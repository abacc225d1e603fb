-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "clientKey" TEXT;

-- CreateIndex
CREATE INDEX "Order_clientKey_idx" ON "Order"("clientKey");
