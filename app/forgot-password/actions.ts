"use server";
// パスワードをお忘れの方: the same answer whatever the address (lib/auth/password-reset.ts).
import { headers } from "next/headers";
import { requestPasswordReset, type ResetRequestResult } from "@/lib/auth/password-reset";
import { db } from "@/lib/db";
import { getLocale } from "@/lib/i18n/server";
import { clientIp } from "@/lib/security/client-ip";

export async function requestPasswordResetAction(input: { email: string }): Promise<ResetRequestResult> {
  const [requestHeaders, locale] = await Promise.all([headers(), getLocale()]);
  return requestPasswordReset(db(), input, clientIp(requestHeaders), locale);
}
