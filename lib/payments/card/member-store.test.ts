import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findMember, forgetMember, memberSummary, saveMember, updateMemberCard } from "@/lib/payments/card/member-store";
import { withRequestMemo } from "@/lib/request-memo";
import { createSecretBox } from "@/lib/security/secret-box";
import { createTestDb, type TestDb } from "@/test/support/db";

const box = createSecretBox("member-store-test-key-".repeat(3));
let t: TestDb;
let userId: string;
beforeEach(async () => {
  t = await createTestDb();
  userId = (await t.db.user.create({ data: { email: "member@example.com", passwordHash: "x" } })).id;
  await saveMember(t.db, box, { userId, kaiinId: "wc00i1234567", kaiinPass: "000012345678", brand: "visa", last4: "1111" });
});
afterEach(async () => {
  await t.cleanup();
});

describe("card member store", () => {
  it("reads the member once per request, and again after a write in that request", async () => {
    const reads = vi.spyOn(t.db.cardMember, "findUnique");
    const seen = await withRequestMemo(async () => {
      const first = [await memberSummary(t.db, userId), (await findMember(t.db, box, userId))?.kaiinId];
      await saveMember(t.db, box, { userId, kaiinId: "wc00i7654321", kaiinPass: "000087654321", brand: "jcb", last4: "2222" });
      const afterSave = [await memberSummary(t.db, userId), (await findMember(t.db, box, userId))?.kaiinId];
      await forgetMember(t.db, userId);
      return [...first, ...afterSave, await memberSummary(t.db, userId)];
    });
    expect(seen).toEqual([{ brand: "visa", last4: "1111" }, "wc00i1234567", { brand: "jcb", last4: "2222" }, "wc00i7654321", null]);
    expect(reads).toHaveBeenCalledTimes(3);
  });

  it("reads every time outside a request memo", async () => {
    const reads = vi.spyOn(t.db.cardMember, "findUnique");
    await memberSummary(t.db, userId);
    await findMember(t.db, box, userId);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("refreshes the brand and last 4 digits only when e-SCOTT says something else", async () => {
    const writes = vi.spyOn(t.db.cardMember, "updateMany");
    const member = (await findMember(t.db, box, userId))!;
    await updateMemberCard(t.db, member, { brand: "visa", last4: "1111" });
    expect(writes).not.toHaveBeenCalled();
    await updateMemberCard(t.db, member, { brand: "visa", last4: "4242" });
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await memberSummary(t.db, userId)).toEqual({ brand: "visa", last4: "4242" });
  });
});
