"use server";
import { headers } from "next/headers";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { registerSchema } from "@/lib/auth/register-schema";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import { REGISTER_IP } from "@/lib/auth/register-throttle";
import { db } from "@/lib/db";
import { sendVerificationMail } from "@/lib/auth/email-verification";
import { getLocale } from "@/lib/i18n/server";
import { clientIp } from "@/lib/security/client-ip";
import { hitThrottle } from "@/lib/security/throttle";

export type RegisterResult = { ok: true } | { ok: false; errors: FieldErrors };

export async function registerAction(input: { email: string; password: string; passwordConfirm: string }): Promise<RegisterResult> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  if (!(await hitThrottle(db(), REGISTER_IP, clientIp(await headers()))).allowed) {
    return { ok: false, errors: { email: "account.tooManyRegistrations" } };
  }
  try {
    const user = await db().user.create({
      data: { email: parsed.data.email, passwordHash: await hashPassword(parsed.data.password), role: "customer" },
      select: { id: true, email: true },
    });
    // Saved cards wait until the owner of the address follows this link.
    await sendVerificationMail(db(), user, await getLocale());
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      return { ok: false, errors: { email: "account.emailTaken" } };
    }
    throw err;
  }
  return { ok: true };
}
