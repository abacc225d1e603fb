// next-auth's routes, behind a check of their bodies (lib/auth/auth-request-guard.ts): next-auth
// would answer an unparsable JSON body, a route it does not have and a few more with a 500.
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { refuseMalformedAuthRequest } from "@/lib/auth/auth-request-guard";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

async function guarded(request: NextRequest, context: Context): Promise<Response> {
  const refused = await refuseMalformedAuthRequest(request, (await context.params).nextauth ?? []);
  return refused ?? handler(request, context);
}

export { guarded as GET, guarded as POST };
