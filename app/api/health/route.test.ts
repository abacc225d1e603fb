// GET /api/health over a real database (SQLite, or PostgreSQL with TEST_DB_ENGINE=postgresql),
// and over one that does not answer.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { healthResponse } from "@/lib/health";
import { createTestDb, testDbEngine, type TestDb } from "@/test/support/db";

let t: TestDb;
let GET: () => Promise<Response>;

beforeAll(async () => {
  t = await createTestDb();
  Object.assign(process.env, { DATABASE_URL: t.url });
  ({ GET } = await import("@/app/api/health/route"));
});
afterAll(async () => {
  await t.cleanup();
});

describe(`GET /api/health (${testDbEngine()})`, () => {
  it("answers 200 {db: ok}, not cacheable, when the database answers SELECT 1", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ db: "ok" });
    expect(res.headers.get("cache-control")).toMatch(/no-store/);
  });

  it("answers 503 {db: down} when the database cannot be opened", async () => {
    const missing = mkdtempSync(path.join(tmpdir(), "health-"));
    rmSync(missing, { recursive: true });
    // SQLite: a file in a directory that does not exist; PostgreSQL: a port where nobody listens.
    const url = t.engine === "postgresql" ? "postgresql://shop@127.0.0.1:1/postgres" : `file:${path.join(missing, "shop.db")}`;
    const down = createDb(url);
    try {
      const res = await healthResponse(down);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ db: "down" });
      expect(res.headers.get("cache-control")).toMatch(/no-store/);
    } finally {
      await down.$disconnect().catch(() => {});
    }
  });

  it("answers 503 within the time limit when the database does not answer at all", async () => {
    // A server that accepts connections and never speaks: PostgreSQL's connection hangs.
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const hanging = createDb(`postgresql://shop@127.0.0.1:${port}/postgres`);
    try {
      const started = Date.now();
      const res = await healthResponse(hanging, 300);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ db: "down" });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.close();
      void hanging.$disconnect().catch(() => {});
    }
  });
});
