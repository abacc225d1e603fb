// 入金結果通知 against the running shop: the emulator sends the same notification 5 times at once
// and the order changes once; forged notifications get a 200, change nothing and are counted as
// rejected (no row each: one sampled log row per reason per minute).
import { createHash } from "node:crypto";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { admin, expect, login, test, uniqueEmail } from "./fixtures";
import { appBox, checkoutWithCvs, cvsPayment, emulator, enableCvs, gatewayRows, orderOf, rejectionsCounted, restoreGatewayRows, withDb } from "./cvs-support";

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
  const duplicatesBefore = await rejectionsCounted("notification", "duplicate");

  const sends = await Promise.all(Array.from({ length: 5 }, () => emulator(`/_control/cvs/${transactionCode}/notify`)));
  expect(sends.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
  // One applied (logged), four duplicates (counted; at most one sampled row).
  await expect.poll(() => rejectionsCounted("notification", "duplicate"), { timeout: 20_000 }).toBe(duplicatesBefore + 4);
  const outcomes = (await notificationLogs({ orderId })).map((l) => l.outcome);
  expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
  expect(outcomes.filter((o) => o === "duplicate").length).toBeLessThanOrEqual(1);
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

test("forged notifications get a 200, change nothing and are counted as rejected; none answers 5xx", async ({ page, request }) => {
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
  const forgeries: [string, Record<string, string>, string][] = [
    ["wrong HashCd", { ...genuine, HashCd: md5("guess") }, "hash_mismatch"],
    ["wrong MerchantId", { ...genuine, MerchantId: "31999999" }, "merchant_mismatch"],
    ["unknown order", { ...genuine, MerchantFree1: "123456789012", MerchantFree2: "987654" }, "unknown_registration"],
    ["wrong amount", { ...genuine, Amount: String(payment.amount - 1000) }, "amount_mismatch"],
  ];
  const before = await orderOf(orderId);
  const logRows = await withDb((db) => db.paymentLog.count());
  for (const [name, fields, reason] of forgeries) {
    const counted = await rejectionsCounted("notification", reason);
    // Sent 3 times each: every one counted, at most one sampled log row per reason.
    for (let i = 0; i < 3; i++) {
      const res = await request.post("/api/escott/notification", { form: fields });
      expect(res.status(), name).toBe(200);
    }
    await expect.poll(() => rejectionsCounted("notification", reason), { message: name, timeout: 20_000 }).toBe(counted + 3);
  }
  expect(await withDb((db) => db.paymentLog.count())).toBeLessThanOrEqual(logRows + forgeries.length);
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

  // The admin sees the counts per reason on the payment log page.
  await login(page, admin().email, admin().password);
  await page.goto("/admin/payments/log");
  const rows = page.getByTestId("rejection-row");
  for (const [, , reason] of forgeries) {
    const row = rows.filter({ has: page.getByTestId("rejection-reason").getByText(reason, { exact: true }) });
    await expect(row).toHaveCount(1);
    expect(Number((await row.getByTestId("rejection-count").innerText()).replace(/,/g, ""))).toBeGreaterThanOrEqual(3);
  }

  // …and the genuine notification, sent last, is accepted.
  expect((await request.post("/api/escott/notification", { form: genuine })).status()).toBe(200);
  expect((await orderOf(orderId)).status).toBe("processing");
});
