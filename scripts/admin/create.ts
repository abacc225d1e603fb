// `npm run admin:create -- --email owner@example.jp`: makes that account an administrator with the
// password read from ADMIN_PASSWORD or, when it is not set, from the first line of stdin — never
// from the command line (it would stay in the shell history and the process list). For scripted
// installs; a merchant at a terminal can use the setup link `npm start` prints instead.
//   printf '%s\n' "$PASSWORD" | npm run admin:create -- --email owner@example.jp
import { createInterface } from "node:readline";
import { createAdmin } from "@/lib/auth/admin-setup";
import { createDb } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import { errorText, dictionaryFor } from "@/lib/i18n";
import type { MessageRef } from "@/lib/i18n/keys";
import { loadDotEnv } from "@/scripts/launch/prepare";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function firstLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Password (12 characters or more; it is echoed — prefer ADMIN_PASSWORD): ");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = parseEnv(process.env);
  const email = option("email") ?? env.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD ?? (await firstLine());
  const db = createDb(env.DATABASE_URL);
  try {
    const result = await createAdmin(db, email, password);
    if (!result.ok) {
      const dict = dictionaryFor("en");
      throw new Error(`Not created:\n${result.errors.map((e) => `  - ${errorText(dict, e as MessageRef)}`).join("\n")}`);
    }
    console.log(`${result.created ? "Created" : "Updated"} administrator ${email.trim().toLowerCase()}. Log in at ${new URL("/login", env.SITE_URL).href}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
