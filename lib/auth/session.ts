import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions, type Role } from "@/lib/auth/options";
import { sessionUser } from "@/lib/auth/sessions";
import { secondFactorGate } from "@/lib/auth/two-factor";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { memoized } from "@/lib/request-memo";

export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
  /** This login (UserSession.id): not a credential, the signed cookie is. */
  sessionId: string;
  /** Whether the user has a second factor, and whether this login passed it (lib/auth/two-factor.ts). */
  twoFactor: { enabled: boolean; passed: boolean };
}

/**
 * The logged-in user as the database has them now (email, role), or null when there is no
 * session cookie or its login was ended (logout, log out everywhere, role or password change).
 * One query per request: cache() while rendering, the request memo inside a server action that
 * runs in withRequestMemo() (where cache() calls through every time).
 */
export const getCurrentUser = cache(
  (): Promise<CurrentUser | null> =>
    memoized("current-user", async () => {
      const session = await getServerSession(authOptions);
      const id = session?.user?.id;
      if (!id || !session.sid) return null;
      return sessionUser(db(), session.sid, id);
    }),
);

/** For pages: anonymous visitors go to the login page and come back afterwards. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Where an admin page sends a login that has not passed the second factor yet. */
export const SECOND_FACTOR_PATH = "/login/2fa";
/** The enrolment page (reachable before enrolment even with ADMIN_REQUIRE_2FA). */
export const ENROLMENT_PATH = "/admin/security";

/**
 * Every admin page, route handler and server action calls this first. Logged-in non-admins
 * get 403; anonymous visitors are sent to log in (pages) or get 403 (actions, handlers).
 * An admin with a second factor must have passed it in this login (UserSession.secondFactorAt),
 * else pages send them to the challenge and actions/handlers get 403; with ADMIN_REQUIRE_2FA an
 * admin without one is sent to enrol (403 for actions) — except on the enrolment page and its
 * action (`enrolment: true`).
 */
export async function requireAdmin(returnTo?: string, options: { enrolment?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (returnTo) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
    forbidden();
  }
  if (user.role !== "admin") forbidden();
  const gate = secondFactorGate(user.twoFactor, env().ADMIN_REQUIRE_2FA, options.enrolment);
  if (gate === "challenge") {
    if (returnTo) redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(returnTo)}`);
    forbidden();
  }
  if (gate === "enrol") {
    if (returnTo) redirect(`${ENROLMENT_PATH}?next=${encodeURIComponent(returnTo)}`);
    forbidden();
  }
  return user;
}
