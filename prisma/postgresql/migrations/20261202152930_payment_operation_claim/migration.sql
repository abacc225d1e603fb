-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "operation" TEXT,
ADD COLUMN     "operationAt" TIMESTAMPTZ(3);
