import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions, type Role } from "@/lib/auth/options";

export interface CurrentUser {
  id: string;
  email: string;
  role: Role;
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user;
  if (!u?.id || !u.email) return null;
  return { id: u.id, email: u.email, role: u.role };
}

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
