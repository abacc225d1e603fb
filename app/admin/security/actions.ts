"use server";
// The logged-in admin's second factor (lib/auth/two-factor.ts): confirming the enrolment (allowed
// before the admin has one, even with ADMIN_REQUIRE_2FA) and turning it off (needs a login that
// passed it, and a current code or the password).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/session";
import { codeFailureMessage, confirmEnrolment, disableTwoFactor, type CodeFailureMessage } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { appSecretBox } from "@/lib/security/app-box";

export type EnrolmentResult = { ok: true; recoveryCodes: string[] } | { ok: false; message: CodeFailureMessage };
export type DisableResult = { ok: true } | { ok: false; message: CodeFailureMessage };

const codeInput = z.object({ code: z.string().max(200) });
const proofInput = z.object({ proof: z.string().min(1).max(200) });

export async function confirmEnrolmentAction(input: { code: string }): Promise<EnrolmentResult> {
  const admin = await requireAdmin(undefined, { enrolment: true });
  const parsed = codeInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "twoFactor.invalidCode" };
  const result = await confirmEnrolment(db(), appSecretBox(), { userId: admin.id, sessionId: admin.sessionId }, parsed.data.code);
  // The page is not revalidated: the recovery codes stay on screen until the admin moves on.
  return result.ok ? result : { ok: false, message: codeFailureMessage(result.reason) };
}

export async function disableTwoFactorAction(input: { proof: string }): Promise<DisableResult> {
  const admin = await requireAdmin();
  const parsed = proofInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: "twoFactor.invalidProof" };
  const result = await disableTwoFactor(db(), appSecretBox(), admin.id, parsed.data.proof);
  if (!result.ok) return { ok: false, message: codeFailureMessage(result.reason, true) };
  revalidatePath("/admin/security");
  return { ok: true };
}
