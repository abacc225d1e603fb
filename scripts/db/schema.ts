// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see providers.ts).
//   npm run db:schema            rewrite it
//   npm run db:schema -- --check exit 1 when it is out of date
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { PROVIDERS, derivePostgresSchema, projectRoot } from "./providers";

export async function writePostgresSchema(): Promise<boolean> {
  const source = await readFile(PROVIDERS.sqlite.schemaPath, "utf8");
  const derived = derivePostgresSchema(source);
  const target = PROVIDERS.postgresql.schemaPath;
  const current = await readFile(target, "utf8").catch(() => null);
  if (current === derived) return false;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, derived);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = path.relative(projectRoot, PROVIDERS.postgresql.schemaPath);
  if (process.argv.includes("--check")) {
    const source = await readFile(PROVIDERS.sqlite.schemaPath, "utf8");
    const current = await readFile(PROVIDERS.postgresql.schemaPath, "utf8").catch(() => null);
    if (current !== derivePostgresSchema(source)) {
      console.error(`${target} is out of date: run npm run db:schema`);
      process.exit(1);
    }
    console.log(`${target} is up to date.`);
  } else {
    console.log((await writePostgresSchema()) ? `Wrote ${target}` : `${target} is up to date.`);
  }
}
