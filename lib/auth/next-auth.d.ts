import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string; role: "customer" | "admin" };
    /** The login's id (lib/auth/sessions.ts). */
    sid?: string;
  }
}
