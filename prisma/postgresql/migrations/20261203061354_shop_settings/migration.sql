-- CreateTable
CREATE TABLE "ShopSettings" (
    "section" TEXT NOT NULL,
    "values" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("section")
);
