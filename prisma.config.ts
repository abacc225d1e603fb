import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate). Migrations run through scripts/db (the wasm schema
// engine, since the native one cannot be downloaded here); `prisma migrate deploy` also
// works where the native engine is available.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/shop.db" },
});
