-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "attention" TEXT,
ADD COLUMN     "cartId" TEXT;

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "orderId" INTEGER NOT NULL,
    "liveOrderId" INTEGER,
    "gateway" TEXT NOT NULL,
    "transactionCode" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "operateId" TEXT,
    "amount" INTEGER NOT NULL,
    "payType" TEXT,
    "processId" TEXT,
    "processPass" TEXT,
    "secureResultCode" TEXT,
    "agreement" BOOLEAN NOT NULL DEFAULT false,
    "memberUsed" BOOLEAN NOT NULL DEFAULT false,
    "pendingData" TEXT,
    "payLimit" TEXT,
    "freeArea" TEXT,
    "paymentUrl" TEXT,
    "kessaiNumber" TEXT,
    "paidAt" TIMESTAMPTZ(3),
    "recvNum" TEXT,
    "cvsCd" TEXT,
    "lastCodes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentReceipt" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "recvNum" TEXT NOT NULL,
    "nyukinDate" TEXT NOT NULL,
    "cvsCd" TEXT,
    "amount" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentLog" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "gateway" TEXT NOT NULL,
    "orderId" INTEGER,
    "transactionCode" TEXT,
    "operateId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "responseCd" TEXT,
    "request" TEXT,
    "response" TEXT,
    "durationMs" INTEGER,
    "detail" TEXT,

    CONSTRAINT "PaymentLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardMember" (
    "userId" TEXT NOT NULL,
    "kaiinId" TEXT NOT NULL,
    "kaiinPass" TEXT NOT NULL,
    "brand" TEXT,
    "last4" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CardMember_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "GatewaySettings" (
    "gateway" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GatewaySettings_pkey" PRIMARY KEY ("gateway")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "orderId" INTEGER,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_liveOrderId_key" ON "Payment"("liveOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_transactionCode_key" ON "Payment"("transactionCode");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

-- CreateIndex
CREATE INDEX "Payment_gateway_state_idx" ON "Payment"("gateway", "state");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentReceipt_paymentId_key" ON "PaymentReceipt"("paymentId");

-- CreateIndex
CREATE INDEX "PaymentLog_orderId_idx" ON "PaymentLog"("orderId");

-- CreateIndex
CREATE INDEX "PaymentLog_transactionCode_idx" ON "PaymentLog"("transactionCode");

-- CreateIndex
CREATE INDEX "PaymentLog_createdAt_idx" ON "PaymentLog"("createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_createdAt_idx" ON "EmailMessage"("createdAt");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentReceipt" ADD CONSTRAINT "PaymentReceipt_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardMember" ADD CONSTRAINT "CardMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
