-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "deliveryDate" TEXT,
ADD COLUMN     "deliverySlot" TEXT;
