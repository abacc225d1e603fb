-- AlterTable
ALTER TABLE "Order" ADD COLUMN "deliveryDate" TEXT;
ALTER TABLE "Order" ADD COLUMN "deliverySlot" TEXT;
