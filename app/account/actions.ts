"use server";
// My Account: end every login of this account (a lost phone, a shared computer). The cookie of
// each device is refused from its next request on (lib/auth/sessions.ts).
import { getCurrentUser } from "@/lib/auth/session";
import { endAllUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export async function logoutEverywhereAction(): Promise<{ ok: boolean; ended: number }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, ended: 0 };
  return { ok: true, ended: await endAllUserSessions(db(), user.id) };
}
