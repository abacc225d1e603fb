import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeToken, issueToken, peekToken, pruneAuthTokens, TOKEN_TTL_MS } from "@/lib/auth/tokens";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  userId = (await t.db.user.create({ data: { email: "tok@example.jp", passwordHash: "x" } })).id;
});
afterAll(async () => {
  await t.cleanup();
});

describe("single-use tokens", () => {
  it("stores only a hash; a token works once, for its purpose only", async () => {
    const token = await issueToken(t.db, userId, "password-reset");
    const rows = await t.db.authToken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toContain(token);
    expect(await peekToken(t.db, token, "email-verify")).toBeNull();
    expect(await consumeToken(t.db, token, "email-verify")).toBeNull();
    expect(await peekToken(t.db, token, "password-reset")).toBe(userId);
    expect(await consumeToken(t.db, token, "password-reset")).toBe(userId);
    expect(await consumeToken(t.db, token, "password-reset")).toBeNull();
    expect(await peekToken(t.db, token, "password-reset")).toBeNull();
  });

  it("10 parallel uses: exactly one succeeds", async () => {
    const token = await issueToken(t.db, userId, "admin-setup");
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeToken(t.db, token, "admin-setup")));
    expect(results.filter((r) => r === userId)).toHaveLength(1);
  });

  it("expires; a new token replaces the open one (one row per user and purpose)", async () => {
    const now = new Date();
    const first = await issueToken(t.db, userId, "email-verify", now);
    expect(await peekToken(t.db, first, "email-verify", new Date(now.getTime() + TOKEN_TTL_MS["email-verify"] + 1))).toBeNull();
    const second = await issueToken(t.db, userId, "email-verify", now);
    expect(await peekToken(t.db, first, "email-verify", now)).toBeNull();
    expect(await peekToken(t.db, second, "email-verify", now)).toBe(userId);
    expect(await t.db.authToken.count({ where: { userId, purpose: "email-verify" } })).toBe(1);
  });

  it("ignores anything that is not a token without a query, and prunes used and expired ones", async () => {
    for (const junk of [undefined, 42, "", "x".repeat(42), "x".repeat(44), "../../etc/passwd".padEnd(43, "a")]) expect(await peekToken(t.db, junk, "password-reset")).toBeNull();
    const pruned = await pruneAuthTokens(t.db, new Date(Date.now() + 4 * 24 * 3_600_000));
    expect(pruned).toBeGreaterThanOrEqual(3);
    expect(await t.db.authToken.count()).toBe(0);
  });
});
