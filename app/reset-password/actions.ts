"use server";
// The new password through a reset link's single-use token (lib/auth/password-reset.ts).
import { resetPassword, type ResetResult } from "@/lib/auth/password-reset";
import { db } from "@/lib/db";

export async function resetPasswordAction(token: string, input: { password: string; passwordConfirm: string }): Promise<ResetResult> {
  return resetPassword(db(), token, input);
}
