import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serializedAdapterFactory } from "@/lib/serialized-adapter";
import { applyMigrations } from "@/scripts/db/migrate";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "serialize-"));
  file = path.join(dir, "t.db");
  await applyMigrations(`file:${file}`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function client(serialized: boolean) {
  const factory = new PrismaBetterSqlite3({ url: file });
  return new PrismaClient({ adapter: serialized ? serializedAdapterFactory(factory) : factory });
}

const user = (email: string) => ({ email, passwordHash: "x" });

async function writeDuringRolledBackTransaction(db: PrismaClient): Promise<number> {
  let insideTx!: () => void;
  const txStarted = new Promise<void>((r) => (insideTx = r));
  const tx = db
    .$transaction(async (t) => {
      await t.user.create({ data: user("in-tx@example.com") });
      insideTx();
      await new Promise((r) => setTimeout(r, 100));
      throw new Error("roll back");
    })
    .catch(() => undefined);
  await txStarted;
  // Another request writes while the transaction is open.
  await db.user.create({ data: user("outside@example.com") });
  await tx;
  return db.user.count({ where: { email: "outside@example.com" } });
}

describe("serialized adapter", () => {
  it("the bare adapter loses a concurrent write when another transaction rolls back (why this exists)", async () => {
    const db = client(false);
    expect(await writeDuringRolledBackTransaction(db)).toBe(0);
    await db.$disconnect();
  });

  it("keeps a concurrent write out of another request's transaction", async () => {
    const db = client(true);
    expect(await writeDuringRolledBackTransaction(db)).toBe(1);
    expect(await db.user.count({ where: { email: "in-tx@example.com" } })).toBe(0);
    await db.$disconnect();
  });

  it("does not let a plain read see another transaction's uncommitted rows", async () => {
    const db = client(true);
    let insideTx!: () => void;
    const txStarted = new Promise<void>((r) => (insideTx = r));
    const tx = db.$transaction(async (t) => {
      await t.user.create({ data: user("pending@example.com") });
      insideTx();
      await new Promise((r) => setTimeout(r, 100));
    });
    await txStarted;
    // Waits for the transaction, then sees the committed row — never a half-done state.
    expect(await db.user.count()).toBe(1);
    await tx;
    await db.$disconnect();
  });
});
