import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions, type Role } from "@/lib/auth/options";
import { sessionUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
}

/**
 * The logged-in user as the database has them now (email, role), or null when there is no
 * session cookie or its login was ended (logout, log out everywhere, role or password change).
 * One query per request (cached for the request).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id || !session.sid) return null;
  return sessionUser(db(), session.sid, id);
});

/** For pages: anonymous visitors go to the login page and come back afterwards. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * Every admin page, route handler and server action calls this first. Logged-in non-admins
 * get 403; anonymous visitors are sent to log in (pages) or get 403 (actions, handlers).
 */
export async function requireAdmin(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    if (returnTo) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
    forbidden();
  }
  if (user.role !== "admin") forbidden();
  return user;
}
