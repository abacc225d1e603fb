// What `npm start` (and deploy/prepare.ts) print while no administrator has a password: the
// one-time setup link. It stops working once used or after 60 minutes; the next start prints a
// new one until the password is set.
import type { AdminSetup } from "@/lib/auth/admin-setup";
import { TOKEN_TTL_MS } from "@/lib/auth/tokens";

export function printAdminSetup(admin: AdminSetup, siteUrl: string): void {
  const minutes = TOKEN_TTL_MS["admin-setup"] / 60_000;
  console.log("\n┌─ Set up the administrator ─────────────────────────────────────");
  console.log(`│  account: ${admin.email}`);
  console.log(`│  open this link to choose its password (works once, for ${minutes} minutes):`);
  console.log(`│  ${new URL(`/setup/${admin.token}`, siteUrl).href}`);
  console.log("│  or, for scripted installs: npm run admin:create -- --email <address>");
  console.log("└────────────────────────────────────────────────────────────────\n");
}
