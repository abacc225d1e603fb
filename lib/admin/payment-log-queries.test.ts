import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPaymentLog, paymentLogFilter } from "@/lib/admin/payment-log-queries";
import { createTestDb, type TestDb } from "@/test/support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

describe("paymentLogFilter", () => {
  it("reads the form's fields, empty when absent or repeated, page 1 by default", () => {
    expect(paymentLogFilter({ order: "12", code: "abc", gateway: "card", page: "3" })).toEqual({ order: "12", code: "abc", gateway: "card", page: 3 });
    expect(paymentLogFilter({ order: ["1", "2"], page: "x" })).toEqual({ order: "", code: "", gateway: "", page: 1 });
  });
});

describe("listPaymentLog", () => {
  it("filters by order, 決済コード and gateway, newest first", async () => {
    const row = (minute: number, data: { gateway: string; orderId: number; transactionCode: string; operateId: string }) =>
      t.db.paymentLog.create({ data: { ...data, kind: "call", outcome: "ok", createdAt: new Date(Date.UTC(2025, 0, 1, 0, minute)) } });
    await row(1, { gateway: "card", orderId: 7, transactionCode: "T100", operateId: "1TokenSearch" });
    await row(2, { gateway: "card", orderId: 7, transactionCode: "T100", operateId: "1Gathering" });
    await row(3, { gateway: "cvs", orderId: 8, transactionCode: "C200", operateId: "2Add" });

    const byOrder = await listPaymentLog(paymentLogFilter({ order: "#7" }), t.db);
    expect(byOrder.rows.map((r) => r.operateId)).toEqual(["1Gathering", "1TokenSearch"]);
    expect(byOrder).toMatchObject({ total: 2, page: 1, pages: 1 });
    expect((await listPaymentLog(paymentLogFilter({ code: "T100", gateway: "cvs" }), t.db)).rows).toEqual([]);
    expect((await listPaymentLog(paymentLogFilter({ gateway: "cvs" }), t.db)).rows.map((r) => r.operateId)).toEqual(["2Add"]);
    expect((await listPaymentLog(paymentLogFilter({}), t.db)).total).toBe(3);
  });
});
