// Seeds the demo catalog: adds the products that are missing, never overwrites a merchant's
// edits or stock. Safe to run on every start.
import type { Db } from "@/lib/db";
import { DEMO_CATALOG } from "./catalog";

export async function seedCatalog(db: Db): Promise<number> {
  let created = 0;
  for (const [index, entry] of DEMO_CATALOG.entries()) {
    const exists = await db.product.findUnique({ where: { slug: entry.slug }, select: { id: true } });
    if (exists) continue;
    await db.product.create({
      data: { ...entry, imagePath: `/products/${entry.slug}.svg`, sortOrder: index },
    });
    created++;
  }
  return created;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { db } = await import("@/lib/db");
  const created = await seedCatalog(db());
  console.log(created ? `Seeded ${created} products.` : "Catalog already seeded.");
  await db().$disconnect();
}
