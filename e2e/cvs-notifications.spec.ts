// 入金結果通知 against the running shop: the emulator sends the same notification 5 times at once
// and the order changes once; forged notifications get a 200, change nothing and are logged as
// rejected.
import { createHash } from "node:crypto";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { admin, expect, login, test, uniqueEmail } from "./fixtures";
import { appBox, checkoutWithCvs, cvsPayment, emulator, enableCvs, gatewayRows, orderOf, restoreGatewayRows, withDb } from "./cvs-support";

let saved: Awaited<ReturnType<typeof gatewayRows>>;
test.beforeAll(async () => {
  saved = await gatewayRows();
  await enableCvs();
});
test.afterAll(async () => {
  await restoreGatewayRows(saved);
});

const notificationLogs = (where: { orderId?: number; transactionCode?: string }) =>
  withDb((db) => db.paymentLog.findMany({ where: { ...where, kind: "notification" }, orderBy: { createdAt: "asc" } }));

test("the same notification sent 5 times at once changes the order once", async ({ page }) => {
  const orderId = await checkoutWithCvs(page, { email: uniqueEmail("cvs-dup") });
  const { transactionCode } = await cvsPayment(orderId);
  expect((await emulator(`/_control/cvs/${transactionCode}/pay`, { cvsCd: "SEV", notify: false })).status).toBe(200);
  const notesBefore = (await orderOf(orderId)).notes.length;

  const sends = await Promise.all(Array.from({ length: 5 }, () => emulator(`/_control/cvs/${transactionCode}/notify`)));
  expect(sends.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
  await expect.poll(async () => (await notificationLogs({ orderId })).length, { timeout: 15_000 }).toBe(5);

  const outcomes = (await notificationLogs({ orderId })).map((l) => l.outcome).sort();
  expect(outcomes).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "ok"]);
  const order = await orderOf(orderId);
  expect(order.status).toBe("processing");
  expect(order.notes).toHaveLength(notesBefore + 1);
  expect(order.notes.filter((n) => n.message.includes("入金がありました"))).toHaveLength(1);
  const payment = await cvsPayment(orderId);
  expect(payment.state).toBe("paid");
  expect(payment.receipts).toHaveLength(1);
  expect(await withDb((db) => db.emailMessage.count({ where: { orderId, kind: "payment_received" } }))).toBe(1);

  // Every delivery got its 200: the emulator stops sending.
  const { json } = await emulator<{ notifications: { merchantFree1: string; state: string; attempts: { status?: number }[] }[] }>("/_control/state", undefined, "GET");
  const ours = json.notifications.filter((n) => n.merchantFree1 === transactionCode);
  expect(ours).toHaveLength(5);
  expect(ours.every((n) => n.state === "delivered" && n.attempts.at(-1)?.status === 200)).toBe(true);
});

test("forged notifications get a 200, change nothing and are logged as rejected; none answers 5xx", async ({ page, request }) => {
  const orderId = await checkoutWithCvs(page, { email: uniqueEmail("cvs-forged") });
  const payment = await cvsPayment(orderId);
  const processPass = appBox().open(payment.processPass!);
  const recvNum = "7000000001";
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");
  // What e-SCOTT would send for this registration.
  const genuine = {
    MerchantId: DEMO_CONTRACT.cvs.merchantId,
    TransactionId: "9000000000001",
    RecvNum: recvNum,
    NyukinDate: "20260310120000",
    MerchantFree1: payment.transactionCode,
    MerchantFree2: String(orderId),
    MerchantFree3: "",
    CvsCd: "FAM",
    TenantCd: "0001",
    Amount: String(payment.amount),
    ResponseCd: "OK",
    StampFlag: "0",
    ProcessPass: processPass,
    HashCd: md5(processPass + recvNum + DEMO_CONTRACT.cvs.merchantPass),
  };
  const forgeries: [string, Record<string, string>, RegExp][] = [
    ["wrong HashCd", { ...genuine, HashCd: md5("guess") }, /^hash_mismatch/],
    ["wrong MerchantId", { ...genuine, MerchantId: "31999999" }, /^merchant_mismatch/],
    ["unknown order", { ...genuine, MerchantFree1: "123456789012", MerchantFree2: "987654" }, /^unknown_registration/],
    ["wrong amount", { ...genuine, Amount: String(payment.amount - 1000) }, /^amount_mismatch/],
  ];
  const before = await orderOf(orderId);
  for (const [name, fields, reason] of forgeries) {
    const res = await request.post("/api/escott/notification", { form: fields });
    expect(res.status(), name).toBe(200);
    const log = (await notificationLogs({ transactionCode: fields.MerchantFree1 })).at(-1);
    expect(log?.outcome, name).toBe("rejected");
    expect(log?.detail, name).toMatch(reason);
  }
  for (const junk of ["", "garbage=%%%", "MerchantId=1&HashCd=x"]) {
    const res = await request.post("/api/escott/notification", { data: junk, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(res.status(), junk).toBe(200);
  }
  expect((await request.get("/api/escott/notification")).status()).toBeLessThan(500);

  // Nothing applied; the one genuine-but-wrong-amount notification flagged the order for the admin, once.
  const after = await orderOf(orderId);
  expect(after.status).toBe("on-hold");
  expect(after.attention).toBe("amount_mismatch");
  expect(after.notes).toHaveLength(before.notes.length + 1);
  expect((await cvsPayment(orderId)).receipts).toHaveLength(0);

  // The admin sees the rejections in the order's history.
  await login(page, admin().email, admin().password);
  await page.goto(`/admin/orders/${orderId}`);
  const rejected = page.getByTestId("cvs-history-row").filter({ hasText: "rejected" });
  await expect(rejected).toHaveCount(3); // the "unknown order" one names another order
  await expect(rejected.filter({ hasText: "hash_mismatch" })).toHaveCount(1);

  // …and the genuine notification, sent last, is accepted.
  expect((await request.post("/api/escott/notification", { form: genuine })).status()).toBe(200);
  expect((await orderOf(orderId)).status).toBe("processing");
});
