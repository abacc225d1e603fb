"use server";
// The first administrator's password through the setup link `npm start` printed (lib/auth/admin-setup.ts).
import { completeAdminSetup } from "@/lib/auth/admin-setup";
import type { FieldErrors } from "@/lib/checkout/address-schema";
import { db } from "@/lib/db";

export async function completeAdminSetupAction(token: string, input: { password: string; passwordConfirm: string }): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const result = await completeAdminSetup(db(), token, input);
  return result.ok ? { ok: true } : result;
}
