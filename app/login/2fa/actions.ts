"use server";
// The second step of a login that has a second factor (lib/auth/two-factor.ts): a code from the
// authenticator app or a recovery code. Throttled per account; on success this login (UserSession)
// may use the admin.
import { z } from "zod";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { codeFailureMessage, passSecondFactor, type CodeFailureMessage } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { appSecretBox } from "@/lib/security/app-box";

export type SecondFactorResult = { ok: true; next: string } | { ok: false; message: CodeFailureMessage | "errors.generic" };

const input = z.object({ code: z.string().max(200), next: z.string().max(2000).optional() });

export async function verifySecondFactorAction(raw: { code: string; next?: string }): Promise<SecondFactorResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "errors.generic" };
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "twoFactor.invalidCode" };
  const result = await passSecondFactor(db(), appSecretBox(), { userId: user.id, sessionId: user.sessionId }, parsed.data.code);
  if (!result.ok) return { ok: false, message: codeFailureMessage(result.reason) };
  return { ok: true, next: safeReturnPath(parsed.data.next, "/admin", env().SITE_URL) };
}
