// The first administrator. `npm start` on a fresh database creates the admin account without a
// password and prints a one-time setup link (60 minutes, once: lib/auth/tokens.ts) where the
// merchant chooses the password — nothing secret reaches stdout or a log collector for longer than
// the link lives. Until a password is set, every start prints a new link (the old one stops
// working). `npm run admin:create` sets an admin up directly for scripted installs.
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { endAllUserSessions } from "@/lib/auth/sessions";
import { consumeToken, issueToken, peekToken } from "@/lib/auth/tokens";
import { fieldErrors, type FieldErrors } from "@/lib/checkout/address-schema";
import type { Db } from "@/lib/db";
import { msg } from "@/lib/i18n/keys";

/** An account with this hash cannot log in (bcrypt never produces it): waiting for its setup link. */
export const NO_PASSWORD = "";

export interface AdminSetup {
  email: string;
  /** The setup link's token: /setup/<token>. */
  token: string;
}

/**
 * When no administrator can log in yet: creates the first one (or takes the one still waiting) and
 * issues its setup link. Null once an administrator has a password.
 */
export async function ensureAdmin(db: Db, email: string): Promise<AdminSetup | null> {
  const ready = await db.user.count({ where: { role: "admin", passwordHash: { not: NO_PASSWORD } } });
  if (ready > 0) return null;
  const waiting = await db.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" }, select: { id: true, email: true } });
  const admin =
    waiting ??
    (await db.user.upsert({
      where: { email },
      create: { email, passwordHash: NO_PASSWORD, role: "admin", name: "Administrator" },
      update: { passwordHash: NO_PASSWORD, role: "admin" },
      select: { id: true, email: true },
    }));
  return { email: admin.email, token: await issueToken(db, admin.id, "admin-setup") };
}

/** The e-mail address the setup link is for, while it is valid. */
export async function setupEmail(db: Db, token: unknown): Promise<string | null> {
  const userId = await peekToken(db, token, "admin-setup");
  if (!userId) return null;
  return (await db.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}

const newAdminPassword = z
  .object({ password: newPasswordSchema("admin"), passwordConfirm: z.string().max(200) })
  .refine((v) => v.password === v.passwordConfirm, { message: msg("errors.passwordMismatch"), path: ["passwordConfirm"] });

export type SetupResult = { ok: true; email: string } | { ok: false; errors: FieldErrors };

/** Sets the first admin's password through the setup link: once, within its 60 minutes. */
export async function completeAdminSetup(db: Db, token: unknown, input: unknown): Promise<SetupResult> {
  if (!(await peekToken(db, token, "admin-setup"))) return { ok: false, errors: { form: "auth.linkInvalid" } };
  const parsed = newAdminPassword.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const passwordHash = await hashPassword(parsed.data.password);
  const userId = await consumeToken(db, token, "admin-setup");
  if (!userId) return { ok: false, errors: { form: "auth.linkInvalid" } };
  const user = await db.user.update({ where: { id: userId }, data: { passwordHash, role: "admin", emailVerifiedAt: new Date() }, select: { email: true } });
  return { ok: true, email: user.email };
}

/**
 * `npm run admin:create`: makes `email` an administrator with this password (account created when
 * missing). The admin password policy applies; the account's other logins end.
 */
export async function createAdmin(db: Db, email: string, password: string): Promise<{ ok: true; created: boolean } | { ok: false; errors: string[] }> {
  const address = z.string().trim().toLowerCase().email().max(254).safeParse(email);
  const errors: string[] = [];
  if (!address.success) errors.push("errors.email");
  const checked = newPasswordSchema("admin").safeParse(password);
  if (!checked.success) errors.push(...checked.error.issues.map((i) => i.message));
  if (!address.success || !checked.success) return { ok: false, errors };
  const existing = await db.user.findUnique({ where: { email: address.data }, select: { id: true } });
  const passwordHash = await hashPassword(checked.data);
  const user = await db.user.upsert({
    where: { email: address.data },
    create: { email: address.data, passwordHash, role: "admin", name: "Administrator", emailVerifiedAt: new Date() },
    update: { passwordHash, role: "admin" },
    select: { id: true },
  });
  await db.authToken.deleteMany({ where: { userId: user.id, purpose: "admin-setup" } });
  await endAllUserSessions(db, user.id);
  return { ok: true, created: !existing };
}
