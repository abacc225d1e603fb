import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";

/**
 * Creates the first admin when the shop has none. Returns the generated password so the
 * launcher can print it once; it is stored only as a hash.
 */
export async function ensureAdmin(db: Db, email: string): Promise<{ email: string; password: string } | null> {
  const existing = await db.user.count({ where: { role: "admin" } });
  if (existing > 0) return null;
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await db.user.upsert({
    where: { email },
    create: { email, passwordHash, role: "admin", name: "Administrator" },
    update: { passwordHash, role: "admin" },
  });
  return { email, password };
}
