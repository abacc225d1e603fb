import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authRedirect } from "@/lib/auth/auth-request-guard";
import { checkLogin } from "@/lib/auth/login";
import { endUserSession, SESSION_MAX_AGE_S, startUserSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/security/client-ip";
import { env } from "@/lib/env";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type Role = "customer" | "admin";

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const outcome = await checkLogin(db(), parsed.data, clientIp(req?.headers ?? {}));
        if (!outcome.ok) {
          if (outcome.reason === "throttled") throw new Error("too_many_attempts");
          return null;
        }
        const { user } = outcome;
        const sid = await startUserSession(db(), user.id);
        return { id: user.id, email: user.email, name: user.name, role: user.role as Role, sid };
      },
    }),
  ],
  callbacks: {
    // Only this shop's URLs, of a sane length (a huge callbackUrl would otherwise go into a cookie).
    async redirect({ url, baseUrl }) {
      return authRedirect(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: Role }).role ?? "customer";
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid as string;
        session.user.role = (token.role as Role) ?? "customer";
      }
      // Not a credential (the signed cookie is): which login this is, for lib/auth/session.ts.
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    // Logging out ends the login on the server: the cookie, wherever it was copied, is refused.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endUserSession(db(), token.sid);
    },
  },
};
