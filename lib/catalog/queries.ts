import "server-only";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n";

export function listProducts() {
  return db().product.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }] });
}

export function findProduct(slug: string) {
  return db().product.findFirst({ where: { slug, active: true } });
}

export function productName(p: { name: string; nameEn: string }, locale: Locale): string {
  return locale === "en" ? p.nameEn : p.name;
}
