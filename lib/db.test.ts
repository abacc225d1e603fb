// DATABASE_URL picks the engine: file: → SQLite, postgres(ql):// → PostgreSQL, anything else is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asPostgres, createDb, dbEngine } from "@/lib/db";
import { databaseEngine } from "@/lib/db-engine";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

describe("database engine", () => {
  it("is chosen by the URL's scheme", () => {
    expect(databaseEngine("file:./data/shop.db")).toBe("sqlite");
    expect(databaseEngine("postgres://shop@db.example/shop")).toBe("postgresql");
    expect(databaseEngine("postgresql://shop:pw@127.0.0.1:5432/shop?sslmode=require")).toBe("postgresql");
    expect(() => databaseEngine("mysql://shop@db/shop")).toThrow(/Unsupported DATABASE_URL mysql:/);
  });

  it("each URL gets its provider's client (created without connecting)", async () => {
    const pg = createDb("postgresql://shop@127.0.0.1:1/never");
    expect(dbEngine(pg)).toBe("postgresql");
    expect(asPostgres(pg)).toBe(pg);
    await pg.$disconnect();
  });

  it(`the test database's client and its transactions report their engine (${process.env.TEST_DB_ENGINE ?? "sqlite"})`, async () => {
    expect(dbEngine(t.db)).toBe(t.engine);
    await t.db.$transaction(async (tx) => expect(dbEngine(tx)).toBe(t.engine));
    if (t.engine === "sqlite") expect(() => asPostgres(t.db)).toThrow(/not connected to PostgreSQL/);
    // Money is integer yen and times are instants, on both engines.
    const product = await t.db.product.create({
      data: { slug: "p", name: "n", nameEn: "n", description: "d", descriptionEn: "d", imagePath: "/x.svg", priceYen: 2_000_000_000, taxRate: 10, stock: 1 },
    });
    const read = await t.db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(read.priceYen).toBe(2_000_000_000);
    expect(read.createdAt.getTime()).toBe(product.createdAt.getTime());
  });

  it.runIf(process.env.TEST_DB_ENGINE === "postgresql")("PostgreSQL stores the right instant even when the server's time zone is not UTC", async () => {
    // A Japanese server is likely set to Asia/Tokyo; every session of ours runs in UTC (postgresPoolConfig).
    const name = decodeURIComponent(new URL(t.url).pathname.slice(1));
    await t.db.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone TO 'Asia/Tokyo'`);
    const fresh = createDb(t.url);
    try {
      const at = new Date("2026-12-02T12:00:00.000Z");
      const row = await fresh.emailMessage.create({ data: { kind: "k", to: "a@example.com", subject: "s", body: "b", sentAt: at } });
      const [stored] = await fresh.$queryRaw<{ utc: string; tz: string }[]>`SELECT to_char("sentAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS utc, current_setting('TimeZone') AS tz FROM "EmailMessage" WHERE id = ${row.id}`;
      expect(stored).toEqual({ utc: "2026-12-02 12:00:00", tz: "UTC" });
      expect((await fresh.emailMessage.findUniqueOrThrow({ where: { id: row.id } })).sentAt?.toISOString()).toBe(at.toISOString());
      // A time the database makes itself (now()) reads back as the same instant.
      const [clock] = await fresh.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
      expect(Math.abs(clock!.now.getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await fresh.$disconnect();
    }
  });
});
