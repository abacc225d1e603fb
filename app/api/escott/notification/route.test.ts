// The route handler over a real database: whatever is posted, e-SCOTT gets a quick 200 (never
// a 5xx for bad input), and only a genuine notification changes the order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { notificationHash } from "@/lib/escott";
import { flushRejectionCounts } from "@/lib/security/rejections";
import { createSecretBox } from "@/lib/security/secret-box";
import { createOrder, createTestDb, type TestDb } from "@/test/support/db";

const KEY = "route-test-key-".repeat(3);
let t: TestDb;
let POST: (request: Request) => Promise<Response>;
let orderId: number;
const processPass = "P".repeat(32);

beforeAll(async () => {
  t = await createTestDb();
  Object.assign(process.env, { DATABASE_URL: t.url, APP_ENCRYPTION_KEY: KEY, ESCOTT_TARGET: "emulator" });
  ({ POST } = await import("@/app/api/escott/notification/route"));
  const order = await createOrder(t.db, { accessKey: "key", checkoutKey: "ck", email: "taro@example.com", status: "on-hold", paymentMethod: "cvs", subtotal: 2200, shippingFee: 800, total: 3000, tax10: 272 });
  orderId = order.id;
  await t.db.payment.create({
    data: { orderId, liveOrderId: orderId, gateway: "cvs", transactionCode: "000000000777", state: "unpaid", amount: 3000, processId: "I".repeat(32), processPass: createSecretBox(KEY).seal(processPass), payLimit: "209912312359" },
  });
});
afterAll(async () => {
  await t.cleanup();
});

function post(body: string | Blob, contentType = "application/x-www-form-urlencoded") {
  return POST(new Request("http://shop.test/api/escott/notification", { method: "POST", headers: { "Content-Type": contentType }, body }));
}

const genuine = () =>
  new URLSearchParams({
    MerchantId: DEMO_CONTRACT.cvs.merchantId,
    TransactionId: "1000000000001",
    RecvNum: "5550001111",
    NyukinDate: "20260310123000",
    MerchantFree1: "000000000777",
    MerchantFree2: String(orderId),
    MerchantFree3: "",
    CvsCd: "LSN",
    TenantCd: "0001",
    Amount: "3000",
    ResponseCd: "OK",
    StampFlag: "0",
    ProcessPass: processPass,
    HashCd: notificationHash(processPass, "5550001111", DEMO_CONTRACT.cvs.merchantPass),
  });

async function lastLog() {
  return t.db.paymentLog.findFirstOrThrow({ where: { kind: "notification" }, orderBy: { createdAt: "desc" } });
}

/** Refusals counted so far per reason (lib/security/rejections.ts). */
async function counted(): Promise<Record<string, number>> {
  const { db } = await import("@/lib/db"); // the handler's client (DATABASE_URL)
  await flushRejectionCounts(db());
  const rows = await t.db.rejectionCount.findMany({ where: { source: "notification" } });
  return Object.fromEntries(rows.map((r) => [r.reason, r.count]));
}

describe("POST /api/escott/notification", () => {
  it("answers 200 to junk, counts it as rejected and keeps one sample per reason", async () => {
    const rows = await t.db.paymentLog.count();
    for (const body of ["", "garbage", "%%%&&&=", JSON.stringify({ MerchantId: "x" })]) {
      const res = await post(body);
      expect(res.status, body).toBe(200);
    }
    expect((await post(new Blob([new Uint8Array([0xff, 0xfe, 0x00])]), "application/octet-stream")).status).toBe(200);
    expect(await counted()).toEqual({ missing_fields: 5 });
    expect(await t.db.paymentLog.count()).toBe(rows + 1);
    expect(await lastLog()).toMatchObject({ outcome: "rejected", detail: expect.stringMatching(/^missing_fields/) });
  });

  it("answers 200 to an oversized body without reading it all", async () => {
    const res = await post("a=".padEnd(64 * 1024, "x"));
    expect(res.status).toBe(200);
    expect((await counted()).unreadable_body).toBe(1);
    expect((await lastLog()).detail).toMatch(/^unreadable_body/);
  });

  it("answers 200 to a forged notification and changes nothing", async () => {
    const forged = genuine();
    forged.set("HashCd", "f".repeat(32));
    expect((await post(forged.toString())).status).toBe(200);
    expect((await counted()).hash_mismatch).toBe(1);
    expect(await lastLog()).toMatchObject({ outcome: "rejected", detail: expect.stringMatching(/^hash_mismatch/) });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("on-hold");
  });

  it("applies a genuine notification once; the repeat is a counted duplicate", async () => {
    expect((await post(genuine().toString())).status).toBe(200);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("processing");
    expect(await lastLog()).toMatchObject({ outcome: "ok", orderId });
    expect((await post(genuine().toString())).status).toBe(200);
    expect((await counted()).duplicate).toBe(1);
    expect(await lastLog()).toMatchObject({ outcome: "duplicate", orderId });
    expect(await t.db.paymentReceipt.count()).toBe(1);
  });
});
