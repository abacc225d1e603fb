import "server-only";
// Logging out without next-auth's client: the login ends on the server (its UserSession row,
// so a copied cookie is refused too) and this browser's session cookie is cleared. Every page's
// header has a logout button; doing it in a server action keeps next-auth/react (≈12 KB gzip)
// out of every page's JavaScript, and the button works before (or without) hydration.
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { endAllUserSessions, endUserSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

/** next-auth v4's session cookie, plain or __Secure- (https), possibly split into .0, .1, … chunks. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

export async function logOut(scope: "this" | "everywhere"): Promise<void> {
  const user = await getCurrentUser();
  if (user) {
    if (scope === "everywhere") await endAllUserSessions(db(), user.id);
    else await endUserSession(db(), user.sessionId);
  }
  await clearSessionCookies();
}

async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    // A __Secure- cookie can only be overwritten by a Secure Set-Cookie.
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
