// A real SQLite database per test file: migrated with the project's migrations, in a temp dir.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/scripts/db/migrate";

let template: string | undefined;

async function migratedTemplate(): Promise<string> {
  if (template && existsSync(template)) return template;
  const dir = mkdtempSync(path.join(tmpdir(), "shop-template-"));
  const file = path.join(dir, "template.db");
  await applyMigrations(`file:${file}`);
  template = file;
  return file;
}

export interface TestDb {
  db: Db;
  url: string;
  cleanup(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const source = await migratedTemplate();
  const dir = mkdtempSync(path.join(tmpdir(), "shop-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(source, file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createProduct(db: Db, overrides: Partial<{ slug: string; priceYen: number; taxRate: number; stock: number; active: boolean }> = {}) {
  const slug = overrides.slug ?? `p-${Math.random().toString(36).slice(2, 8)}`;
  return db.product.create({
    data: {
      slug,
      name: `商品 ${slug}`,
      nameEn: `Product ${slug}`,
      description: "説明",
      descriptionEn: "Description",
      imagePath: "/products/x.svg",
      priceYen: overrides.priceYen ?? 1100,
      taxRate: overrides.taxRate ?? 10,
      stock: overrides.stock ?? 10,
      active: overrides.active ?? true,
    },
  });
}

export const sampleCheckout = {
  billing: {
    lastName: "山田",
    firstName: "太郎",
    lastNameKana: "ヤマダ",
    firstNameKana: "タロウ",
    postalCode: "100-0001",
    prefecture: "13",
    city: "千代田区",
    address1: "千代田1-1",
    address2: "",
    phone: "03-1234-5678",
  },
  email: "taro@example.com",
  shipToDifferentAddress: false,
  shipping: null,
};
