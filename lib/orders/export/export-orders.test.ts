import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dictionaryFor } from "@/lib/i18n";
import { decodeCsv } from "@/lib/orders/export/csv";
import { exportFilename, exportOrders } from "@/lib/orders/export/export-orders";
import type { ExportLabels } from "@/lib/orders/export/order-rows";
import { parseExportQuery } from "@/lib/orders/export/request";
import { createOrder, createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
const labels: ExportLabels = { dict: dictionaryFor("ja"), locale: "ja", paymentMethod: (id) => (id === "cvs" ? "コンビニ" : (id ?? "")), paymentStatus: (p) => `state:${p.state}` };

async function order(n: number, data: { email: string; status: string; paymentMethod: string; lastName?: string; createdAt: Date }) {
  const o = await createOrder(t.db, { accessKey: `a${n}`, checkoutKey: `k${n}`, email: data.email, status: data.status, paymentMethod: data.paymentMethod, subtotal: 2200, shippingFee: 800, total: 3000, tax10: 272 });
  await t.db.order.update({ where: { id: o.id }, data: { createdAt: data.createdAt, ...(data.lastName ? { billingLastName: data.lastName } : {}), ...(n === 1 ? { deliveryDate: "2026-12-08", deliverySlot: "am" } : {}) } });
  for (const [i, name] of ["煎茶, 100g", "湯呑"].entries()) {
    await t.db.orderItem.create({ data: { orderId: o.id, name, slug: `item-${i}`, unitPrice: 1100, taxRate: 10, quantity: 1, lineTotal: 1100 } });
  }
  return o;
}

let cvsOrder: number;
let cardOrder: number;

beforeAll(async () => {
  t = await createTestDb();
  // 2026-12-03 00:30 UTC is 09:30 in Tokyo.
  cvsOrder = (await order(1, { email: "cvs@example.com", status: "on-hold", paymentMethod: "cvs", lastName: "=HYPERLINK(\"http://evil\")", createdAt: new Date("2026-12-03T00:30:00Z") })).id;
  await t.db.payment.create({ data: { orderId: cvsOrder, gateway: "cvs", transactionCode: "T-CVS-1", state: "unpaid", amount: 3000, payLimit: "202612102359" } });
  cardOrder = (await order(2, { email: "card@example.com", status: "processing", paymentMethod: "card", createdAt: new Date("2026-12-02T15:00:00Z") })).id;
  const card = await t.db.payment.create({ data: { orderId: cardOrder, gateway: "card", transactionCode: "T-CARD-1", state: "captured", amount: 1800 } });
  for (const [amount, before] of [[1000, 3000], [200, 2000]] as const) {
    await t.db.refund.create({ data: { orderId: cardOrder, paymentId: card.id, amount, reason: "r", author: "a", operateId: "1Change", amountBefore: before, amountAfter: before - amount } });
  }
});
afterAll(() => t.cleanup());

const lines = (bytes: Buffer, encoding: "utf8" | "sjis" = "utf8") => decodeCsv(bytes, encoding).split("\r\n").filter(Boolean);

describe("exportOrders", () => {
  it("writes one row per order, newest first, with Tokyo times, the payment and the CVS deadline", async () => {
    const file = await exportOrders(t.db, { filter: {}, mode: "orders", encoding: "utf8" }, labels);
    const [header, first, second] = lines(file.bytes);
    expect(file.rows).toBe(2);
    expect(file.truncated).toBe(false);
    expect(header).toContain("注文番号,注文日時,ステータス");
    expect(header).toContain("決済コード,支払期日（コンビニ）,配送希望日,配送希望時間帯");
    expect(first).toMatch(new RegExp(`^${cvsOrder},2026/12/03 09:30,保留中,cvs@example.com,ゲスト,`));
    // The customer's name typed as a formula is neutralized (and quoted: it holds quotes).
    expect(first).toContain(`"'=HYPERLINK(""http://evil"") 太郎"`);
    // Prefecture code 13 → 東京都; shipped to the billing address.
    expect(first).toContain(",100-0001,東京都千代田区千代田1-1,03-1234-5678,");
    expect(first?.match(/東京都千代田区千代田1-1/g)).toHaveLength(2);
    expect(first).toMatch(/,3000,272,0,0,3000,コンビニ,state:unpaid,T-CVS-1,2026\/12\/10 23:59,2026-12-08,午前中$/);
    expect(second).toMatch(new RegExp(`^${cardOrder},2026/12/03 00:00,`));
    // 返金額 and 返金後の金額 from the order's refunds.
    expect(second).toMatch(/,3000,272,0,1200,1800,card,state:captured,T-CARD-1,,,$/);
  });

  it("writes one row per line item, quoting an item name with a comma", async () => {
    const file = await exportOrders(t.db, { filter: {}, mode: "items", encoding: "utf8" }, labels);
    const rows = lines(file.bytes);
    expect(file.rows).toBe(4);
    expect(rows[0]).toMatch(/商品名,商品コード,単価,税率（%）,数量,金額$/);
    expect(rows[1]).toMatch(/,"煎茶, 100g",item-0,1100,10,1,1100$/);
    expect(rows[2]).toMatch(/,湯呑,item-1,1100,10,1,1100$/);
  });

  it("exports only what the list's filters select", async () => {
    const byStatus = await exportOrders(t.db, { filter: { status: "processing" }, mode: "orders", encoding: "utf8" }, labels);
    expect(lines(byStatus.bytes).slice(1).map((l) => l.split(",")[0])).toEqual([String(cardOrder)]);
    const byEmail = await exportOrders(t.db, { filter: { q: "CVS@" }, mode: "orders", encoding: "utf8" }, labels);
    expect(lines(byEmail.bytes).slice(1).map((l) => l.split(",")[0])).toEqual([String(cvsOrder)]);
    const byNumber = await exportOrders(t.db, { filter: { q: `#${cardOrder}` }, mode: "orders", encoding: "utf8" }, labels);
    expect(byNumber.rows).toBe(1);
  });

  it("stops at the row cap with whole orders and says it was truncated", async () => {
    const file = await exportOrders(t.db, { filter: {}, mode: "items", encoding: "utf8", maxRows: 3 }, labels);
    expect(file.rows).toBe(2);
    expect(file.truncated).toBe(true);
  });

  it("encodes Shift_JIS for Excel", async () => {
    const file = await exportOrders(t.db, { filter: {}, mode: "orders", encoding: "sjis" }, labels);
    expect(file.bytes[0]).not.toBe(0xef);
    expect(lines(file.bytes, "sjis")[0]).toContain("注文番号");
  });
});

describe("export request", () => {
  it("names the file by the Tokyo date and minute", () => {
    expect(exportFilename("orders", new Date("2026-12-02T15:05:00Z"))).toBe("orders-20261203-0005.csv");
    expect(exportFilename("items", new Date("2026-12-02T15:05:00Z"))).toBe("orders-20261203-0005-items.csv");
  });

  it("reads the filters and falls back to the defaults for unknown shapes", () => {
    expect(parseExportQuery(new URLSearchParams("status=processing&q=a%40b&mode=items&encoding=sjis"))).toEqual({ status: "processing", q: "a@b", mode: "items", encoding: "sjis" });
    expect(parseExportQuery(new URLSearchParams("mode=x&encoding=latin1&q=" + "x".repeat(500)))).toEqual({ status: undefined, q: undefined, mode: "orders", encoding: "utf8" });
  });
});
