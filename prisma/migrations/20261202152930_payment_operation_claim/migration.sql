-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "operation" TEXT;
ALTER TABLE "Payment" ADD COLUMN "operationAt" DATETIME;
