// Shop settings by section, stored as JSON in ShopSettings and validated by the section's own zod
// schema on every read and write. A section never saved reads as its schema's defaults, so adding
// a section (or a field with a default) needs no migration. Sections hold no secrets; a section
// that ever does must seal them like lib/payments/settings/store.ts.
import type { z } from "zod";
import type { Db } from "@/lib/db";
import { forgetMemoized, inRequestMemo, memoized } from "@/lib/request-memo";
import type { ShopSettingsSection } from "@/lib/shop/settings/section";

export { defineSection, type ShopSettingsSection } from "@/lib/shop/settings/section";

/** The section's settings; its defaults when never saved or when the stored JSON no longer parses. */
export async function loadShopSettings<S extends z.ZodType>(db: Db, section: ShopSettingsSection<S>): Promise<z.output<S>> {
  const row = await storedSection(db, section.name);
  if (row) {
    const parsed = section.schema.safeParse(safeJson(row.values));
    if (parsed.success) return parsed.data;
  }
  return section.schema.parse({});
}

/**
 * The stored row of a section. Inside a request memo (a server action that reads several sections:
 * delivery, shipping…) every section is read in one query, once for the request.
 */
async function storedSection(db: Db, name: string): Promise<{ values: string } | null> {
  if (!inRequestMemo()) return db.shopSettings.findUnique({ where: { section: name } });
  const rows = await memoized(ALL_SECTIONS, () => db.shopSettings.findMany(), db);
  return rows.find((row) => row.section === name) ?? null;
}

const ALL_SECTIONS = "shop-settings:all";

/** Validates and stores the section's settings (whole section: callers pass every field). */
export async function saveShopSettings<S extends z.ZodType>(db: Db, section: ShopSettingsSection<S>, values: z.input<S>): Promise<z.output<S>> {
  const parsed = section.schema.parse(values);
  const json = JSON.stringify(parsed);
  await db.shopSettings.upsert({ where: { section: section.name }, create: { section: section.name, values: json }, update: { values: json } });
  forgetMemoized(ALL_SECTIONS, db);
  return parsed;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
