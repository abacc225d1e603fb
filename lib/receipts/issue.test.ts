import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addresseeSchema, DEFAULT_PURPOSE, fixAddressee, issueReceipt, MAX_ISSUES, receiptEligibility } from "@/lib/receipts/issue";
import { createOrder, createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
let seq = 0;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

async function order(status: string, paymentState: string | null, gateway = "card") {
  seq++;
  const o = await createOrder(t.db, { accessKey: `key${seq}`, checkoutKey: `co${seq}`, email: "taro@example.com", status, paymentMethod: gateway, subtotal: 1100, shippingFee: 0, total: 1100, tax10: 100 });
  await t.db.orderItem.create({ data: { orderId: o.id, name: "湯呑", slug: "yunomi", unitPrice: 1100, taxRate: 10, quantity: 1, lineTotal: 1100 } });
  if (paymentState) await t.db.payment.create({ data: { orderId: o.id, gateway, transactionCode: `tx${seq}`, state: paymentState, amount: 1100 } });
  return o.id;
}

describe("receiptEligibility", () => {
  it("allows a card authorized or captured and a CVS payment paid", () => {
    expect(receiptEligibility({ status: "processing", payments: [{ gateway: "card", state: "authorized" }] })).toEqual({ ok: true, gateway: "card" });
    expect(receiptEligibility({ status: "completed", payments: [{ gateway: "card", state: "captured" }] })).toEqual({ ok: true, gateway: "card" });
    expect(receiptEligibility({ status: "processing", payments: [{ gateway: "cvs", state: "failed" }, { gateway: "cvs", state: "paid" }] })).toEqual({ ok: true, gateway: "cvs" });
  });

  it("refuses unpaid, cancelled and refunded orders", () => {
    expect(receiptEligibility({ status: "on-hold", payments: [{ gateway: "cvs", state: "unpaid" }] })).toEqual({ ok: false, reason: "unpaid" });
    expect(receiptEligibility({ status: "pending", payments: [] })).toEqual({ ok: false, reason: "unpaid" });
    expect(receiptEligibility({ status: "cancelled", payments: [{ gateway: "card", state: "voided" }] })).toEqual({ ok: false, reason: "void" });
    expect(receiptEligibility({ status: "refunded", payments: [{ gateway: "card", state: "captured" }] })).toEqual({ ok: false, reason: "void" });
  });
});

describe("issueReceipt", () => {
  it("numbers every issue, fixes the default addressee at the first and records who issued it", async () => {
    const id = await order("processing", "captured");
    const first = await issueReceipt(t.db, id, "customer");
    const second = await issueReceipt(t.db, id, "admin@example.com");
    expect(first.ok && first.issued.number).toBe(1);
    expect(second.ok && second.issued.number).toBe(2);
    expect(first.ok && first.issued.addressee).toBe("山田 太郎 様");
    expect(first.ok && first.issued.purpose).toBe(DEFAULT_PURPOSE);
    const rows = await t.db.receiptIssue.findMany({ where: { orderId: id }, orderBy: { number: "asc" } });
    expect(rows.map((r) => [r.number, r.issuedBy])).toEqual([
      [1, "customer"],
      [2, "admin@example.com"],
    ]);
  });

  it("gives two downloads at once different numbers", async () => {
    const id = await order("processing", "captured");
    const results = await Promise.all([issueReceipt(t.db, id, "customer"), issueReceipt(t.db, id, "customer")]);
    expect(results.map((r) => r.ok && r.issued.number).sort()).toEqual([1, 2]);
    expect(await t.db.receipt.count({ where: { orderId: id } })).toBe(1);
  });

  it("refuses unpaid and cancelled orders and writes nothing", async () => {
    const unpaid = await order("on-hold", "unpaid", "cvs");
    const cancelled = await order("cancelled", "voided");
    expect(await issueReceipt(t.db, unpaid, "guest")).toEqual({ ok: false, reason: "unpaid" });
    expect(await issueReceipt(t.db, cancelled, "guest")).toEqual({ ok: false, reason: "void" });
    expect(await issueReceipt(t.db, 999999, "guest")).toEqual({ ok: false, reason: "missing" });
    expect(await t.db.receiptIssue.count()).toBe(0);
    expect(await t.db.receipt.count()).toBe(0);
  });

  it("stops at the cap", async () => {
    const id = await order("processing", "paid", "cvs");
    for (let i = 0; i < MAX_ISSUES; i++) expect((await issueReceipt(t.db, id, "guest")).ok).toBe(true);
    expect(await issueReceipt(t.db, id, "guest")).toEqual({ ok: false, reason: "limit" });
    expect(await t.db.receiptIssue.count({ where: { orderId: id } })).toBe(MAX_ISSUES);
  });
});

describe("fixAddressee", () => {
  it("lets the customer word it once, before the first issue", async () => {
    const id = await order("processing", "captured");
    const input = addresseeSchema.parse({ addressee: "株式会社サンプル 御中", purpose: "" });
    expect(input.purpose).toBe(DEFAULT_PURPOSE);
    expect(await fixAddressee(t.db, id, input)).toEqual({ ok: true });
    expect(await fixAddressee(t.db, id, addresseeSchema.parse({ addressee: "別名", purpose: "x" }))).toEqual({ ok: false, reason: "fixed" });
    const issued = await issueReceipt(t.db, id, "customer");
    expect(issued.ok && issued.issued.addressee).toBe("株式会社サンプル 御中");
  });

  it("is refused after the first issue fixed the defaults", async () => {
    const id = await order("processing", "captured");
    await issueReceipt(t.db, id, "customer");
    expect(await fixAddressee(t.db, id, addresseeSchema.parse({ addressee: "後から", purpose: "" }))).toEqual({ ok: false, reason: "fixed" });
    expect((await t.db.receipt.findUniqueOrThrow({ where: { orderId: id } })).addressee).toBe("山田 太郎 様");
  });

  it("is refused for an unpaid order", async () => {
    const id = await order("on-hold", "unpaid", "cvs");
    expect(await fixAddressee(t.db, id, addresseeSchema.parse({ addressee: "誰か", purpose: "" }))).toEqual({ ok: false, reason: "unpaid" });
  });

  it("validates the wording", () => {
    expect(addresseeSchema.safeParse({ addressee: "  ", purpose: "" }).success).toBe(false);
    expect(addresseeSchema.safeParse({ addressee: "a\u0007b", purpose: "" }).success).toBe(false);
    expect(addresseeSchema.safeParse({ addressee: "あ".repeat(61), purpose: "" }).success).toBe(false);
    expect(addresseeSchema.safeParse({ addressee: "ok", purpose: "い".repeat(41) }).success).toBe(false);
  });
});
