import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "@/lib/mail/outbox";
import { listOutbox, OUTBOX_PAGE_SIZE, outboxOrderFilter } from "@/lib/mail/outbox-queries";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

describe("outboxOrderFilter", () => {
  it("takes an order number and nothing else", () => {
    expect(outboxOrderFilter("42")).toBe(42);
    expect(outboxOrderFilter("#42")).toBeUndefined();
    expect(outboxOrderFilter("1234567890")).toBeUndefined();
    expect(outboxOrderFilter(["42"])).toBeUndefined();
    expect(outboxOrderFilter(undefined)).toBeUndefined();
  });
});

describe("listOutbox", () => {
  it("lists the newest first, all or of one order, a page at a time", async () => {
    const mail = (orderId: number | null, subject: string) => queueMail(t.db, { kind: "order_received", orderId, to: "taro@example.com", subject, body: "本文" });
    await mail(1, "first");
    await mail(2, "second");
    await mail(null, "third");
    // createdAt from the clock may tie; make the order explicit.
    for (const [i, subject] of ["first", "second", "third"].entries()) {
      await t.db.emailMessage.updateMany({ where: { subject }, data: { createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)) } });
    }

    const all = await listOutbox({}, t.db);
    expect(all.messages.map((m) => m.subject)).toEqual(["third", "second", "first"]);
    expect(all).toMatchObject({ total: 3, page: 1, pages: 1 });
    expect((await listOutbox({ orderId: 2 }, t.db)).messages.map((m) => m.subject)).toEqual(["second"]);

    await t.db.emailMessage.createMany({ data: Array.from({ length: OUTBOX_PAGE_SIZE }, (_, i) => ({ kind: "order_received", to: "x@example.com", subject: `bulk ${i}`, body: "", createdAt: new Date(Date.UTC(2025, 1, 1, 0, i)) })) });
    const second = await listOutbox({ page: 2 }, t.db);
    expect(second).toMatchObject({ total: OUTBOX_PAGE_SIZE + 3, page: 2, pages: 2 });
    expect(second.messages.map((m) => m.subject)).toEqual(["third", "second", "first"]);
  });
});
