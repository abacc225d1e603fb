import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate). Migrations run through scripts/db (the wasm schema engine,
// since the native one cannot be downloaded here); `prisma migrate deploy` also works where the
// native engine is available, with the schema and migrations of DATABASE_URL's provider.
// `npm run db:generate` generates both clients, passing each schema explicitly.
const url = process.env.DATABASE_URL || "file:./data/shop.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url },
});
