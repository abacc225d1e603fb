-- CreateTable
CREATE TABLE "ShopSettings" (
    "section" TEXT NOT NULL PRIMARY KEY,
    "values" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
