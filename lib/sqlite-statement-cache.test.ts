import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { cacheStatements } from "@/lib/sqlite-statement-cache";

function database() {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  return db;
}

describe("cacheStatements", () => {
  it("compiles a SQL text once and runs it with each call's own parameters, as the adapter calls it", () => {
    const db = database();
    const compile = vi.spyOn(db, "prepare");
    cacheStatements(db);
    const insert = "INSERT INTO t (id, name) VALUES (?, ?)";
    db.prepare(insert).bind([1, "a"]).run();
    db.prepare(insert).bind([2, "b"]).run();
    const select = db.prepare("SELECT id, name FROM t WHERE id >= ? ORDER BY id").bind([1]);
    expect(select.reader).toBe(true);
    expect(select.columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(select.raw().all()).toEqual([
      [1, "a"],
      [2, "b"],
    ]);
    expect(db.prepare("SELECT id, name FROM t WHERE id >= ? ORDER BY id").bind([2]).raw().all()).toEqual([[2, "b"]]);
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it("runs statements without parameters (BEGIN/COMMIT) and keeps a failed one usable", () => {
    const db = database();
    cacheStatements(db);
    db.prepare("BEGIN").run();
    db.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([1, "a"]).run();
    expect(() => db.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([1, "again"]).run()).toThrow(/UNIQUE/);
    db.prepare("COMMIT").run();
    db.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([2, "b"]).run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM t").bind([]).raw().all()).toEqual([[2]]);
  });

  it("keeps at most `limit` statements, dropping the least recently used", () => {
    const db = database();
    const compile = vi.spyOn(db, "prepare");
    cacheStatements(db, 2);
    const q = (n: number) => db.prepare(`SELECT ${n} AS v`).bind([]).raw().all();
    q(1);
    q(2);
    q(1); // 1 is now the most recent
    q(3); // evicts 2
    q(1);
    expect(compile).toHaveBeenCalledTimes(3);
    q(2);
    expect(compile).toHaveBeenCalledTimes(4);
  });
});
