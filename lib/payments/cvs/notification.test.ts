import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { notificationHash } from "@/lib/escott";
import { changeOrderStatus } from "@/lib/orders/transition";
import { processNotification } from "@/lib/payments/cvs/notification";
import { PAID_AFTER_CANCEL } from "@/lib/payments/cvs/receipt";
import { flushRejectionCounts } from "@/lib/security/rejections";
import { startCvsWorld, type CvsWorld } from "@/test/support/cvs-harness";

let w: CvsWorld;
beforeAll(async () => {
  w = await startCvsWorld();
});
afterAll(async () => {
  await w.close();
});
beforeEach(() => {
  w.receiver.mode = "process";
});

async function paymentOf(orderId: number) {
  return w.t.db.payment.findFirstOrThrow({ where: { orderId }, include: { receipts: true } });
}

/** Pays the order's registration at the emulator and returns the notification it POSTed. */
async function payAndCapture(orderId: number, cvsCd = "LSN"): Promise<Record<string, string>> {
  w.receiver.mode = "capture";
  const { transactionCode } = await paymentOf(orderId);
  const before = w.receiver.received.length;
  const paid = await w.control(`/_control/cvs/${transactionCode}/pay`, { cvsCd });
  expect(paid.status).toBe(200);
  await w.waitFor(() => w.receiver.received.length > before);
  return w.receiver.received[w.receiver.received.length - 1]!;
}

/** How many notifications were refused for `reason` so far (lib/security/rejections.ts). */
async function counted(reason: string): Promise<number> {
  await flushRejectionCounts(w.t.db);
  const sum = await w.t.db.rejectionCount.aggregate({ where: { source: "notification", reason }, _sum: { count: true } });
  return sum._sum.count ?? 0;
}

async function snapshot(orderId: number) {
  const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true, payments: { include: { receipts: true } } } });
  const mails = await w.t.db.emailMessage.count({ where: { orderId } });
  return { status: order.status, attention: order.attention, notes: order.notes.length, payments: order.payments.map((p) => ({ state: p.state, receipts: p.receipts.length })), mails };
}

describe("入金結果通知", () => {
  it("a notification from the emulator marks the order paid: processing, store note, receipt, payment meta, e-mail, log", async () => {
    const { orderId } = await w.order();
    const { transactionCode } = await paymentOf(orderId);
    const done = w.receiver.results.length;
    expect((await w.control(`/_control/cvs/${transactionCode}/pay`, { cvsCd: "LSN" })).status).toBe(200);
    await w.waitFor(() => w.receiver.results.length > done);
    expect(w.receiver.results.at(-1)).toEqual({ outcome: "ok", orderId });

    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
    expect(order.status).toBe("processing");
    const reg = await w.registration(transactionCode);
    expect(order.notes.at(-1)).toMatchObject({ kind: "status", fromStatus: "on-hold", toStatus: "processing", message: `ローソンで入金がありました（受付番号 ${reg!.payment!.recvNum}）。`, customerVisible: true });
    const payment = await paymentOf(orderId);
    expect(payment).toMatchObject({ state: "paid", recvNum: reg!.payment!.recvNum, cvsCd: "LSN" });
    expect(payment.paidAt).toBeInstanceOf(Date);
    expect(payment.receipts).toMatchObject([{ source: "notification", amount: 3330, cvsCd: "LSN", nyukinDate: reg!.payment!.nyukinDate }]);
    const mail = await w.t.db.emailMessage.findFirstOrThrow({ where: { orderId, kind: "payment_received" } });
    expect(mail.body).toContain("ご入金金額: 3,330円");
    expect(mail.body).toContain("お支払い先: ローソン");
    const log = await w.t.db.paymentLog.findFirstOrThrow({ where: { orderId, kind: "notification" } });
    expect(log).toMatchObject({ outcome: "ok", operateId: "paid", transactionCode });
    // Secrets never reach the log in full.
    const request = JSON.parse(log.request!) as Record<string, string>;
    expect(request.ProcessPass).toMatch(/^\*{8}..$/);
    expect(request.HashCd).toMatch(/^\*{8}..$/);
    expect(request.RecvNum).toBe(reg!.payment!.recvNum);
  });

  it("the same notification 5 times at once changes the order once: one note, one receipt, one e-mail, 4 duplicates counted", async () => {
    const { orderId } = await w.order();
    const fields = await payAndCapture(orderId);
    const before = await snapshot(orderId);
    const duplicates = await counted("duplicate");
    const results = await Promise.all(Array.from({ length: 5 }, () => processNotification(w.deps, fields)));
    expect(results.filter((r) => r.outcome === "ok")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(4);
    const after = await snapshot(orderId);
    expect(after).toEqual({ ...before, status: "processing", notes: before.notes + 1, payments: [{ state: "paid", receipts: 1 }], mails: before.mails + 1 });
    const logs = await w.t.db.paymentLog.groupBy({ by: ["outcome"], where: { orderId, kind: "notification" }, _count: true });
    // The accepted one is logged; the duplicates are counted, with one sampled row (the first of the minute).
    expect(Object.fromEntries(logs.map((l) => [l.outcome, l._count]))).toEqual({ ok: 1, duplicate: 1 });
    expect(await counted("duplicate")).toBe(duplicates + 4);

    // A replay later changes nothing either, and writes no row.
    const rows = await w.t.db.paymentLog.count();
    expect(await processNotification(w.deps, fields)).toMatchObject({ outcome: "duplicate", orderId });
    expect(await snapshot(orderId)).toEqual(after);
    expect(await w.t.db.paymentLog.count()).toBe(rows);
    expect(await counted("duplicate")).toBe(duplicates + 5);
  });

  it("the emulator's duplicate send is applied once", async () => {
    const { orderId } = await w.order();
    await payAndCapture(orderId);
    w.receiver.mode = "process";
    const { transactionCode } = await paymentOf(orderId);
    const done = w.receiver.results.length;
    expect((await w.control(`/_control/cvs/${transactionCode}/notify-duplicate`)).status).toBe(200);
    await w.waitFor(() => w.receiver.results.length >= done + 2);
    expect(w.receiver.results.slice(done).map((r) => r.outcome).sort()).toEqual(["duplicate", "ok"]);
    expect((await paymentOf(orderId)).receipts).toHaveLength(1);
  });

  describe("forged or broken notifications change nothing and are counted as rejected, with a sampled log row", () => {
    const { merchantPass } = DEMO_CONTRACT.cvs;
    const cases: [string, (f: Record<string, string>) => Record<string, string>, string][] = [
      ["wrong HashCd", (f) => ({ ...f, HashCd: "0".repeat(32) }), "hash_mismatch"],
      ["wrong MerchantId", (f) => ({ ...f, MerchantId: "99999999" }), "merchant_mismatch"],
      ["unknown order (MerchantFree2)", (f) => ({ ...f, MerchantFree2: "999999" }), "unknown_registration"],
      ["unknown registration (MerchantFree1)", (f) => ({ ...f, MerchantFree1: "000000000001" }), "unknown_registration"],
      ["missing fields", (f) => ({ MerchantId: f.MerchantId!, MerchantFree1: f.MerchantFree1!, MerchantFree2: f.MerchantFree2! }), "missing_fields"],
      // A valid hash over an invented ProcessPass: only the stored ProcessPass binds it to the registration.
      ["ProcessPass of another registration", (f) => ({ ...f, ProcessPass: "X".repeat(32), HashCd: notificationHash("X".repeat(32), f.RecvNum!, merchantPass) }), "process_pass_mismatch"],
      ["ResponseCd not OK", (f) => ({ ...f, ResponseCd: "K12" }), "response_not_ok"],
    ];
    let orderId: number;
    let genuine: Record<string, string>;
    beforeAll(async () => {
      orderId = (await w.order()).orderId;
      genuine = await payAndCapture(orderId);
    });

    for (const [name, forge, reason] of cases) {
      it(name, async () => {
        const before = await snapshot(orderId);
        const refused = await counted(reason);
        const result = await processNotification(w.deps, forge(genuine));
        expect(result.outcome).toBe("rejected");
        expect(result.reason).toMatch(new RegExp(`^${reason}`));
        expect(await snapshot(orderId)).toEqual(before);
        expect(before.status).toBe("on-hold");
        expect(await counted(reason)).toBe(refused + 1);
        // The minute's sample of this reason (the first case of a reason writes it).
        const log = await w.t.db.paymentLog.findFirstOrThrow({ where: { kind: "notification", detail: { startsWith: reason } }, orderBy: { createdAt: "desc" } });
        expect(log.outcome).toBe("rejected");

        // Repeated 20 times: counted, no further row.
        const logRows = await w.t.db.paymentLog.count();
        for (let i = 0; i < 20; i++) await processNotification(w.deps, forge(genuine));
        expect(await w.t.db.paymentLog.count()).toBe(logRows);
        expect(await counted(reason)).toBe(refused + 21);
      });
    }

    it("a genuine notification for another amount is not applied, but flags the order once for the admin", async () => {
      const before = await snapshot(orderId);
      for (let i = 0; i < 3; i++) {
        const result = await processNotification(w.deps, { ...genuine, Amount: "1" });
        expect(result).toMatchObject({ outcome: "rejected", reason: expect.stringMatching(/^amount_mismatch/) });
      }
      const after = await snapshot(orderId);
      expect(after).toEqual({ ...before, attention: "amount_mismatch", notes: before.notes + 1 });
      const note = await w.t.db.orderNote.findFirstOrThrow({ where: { orderId }, orderBy: { createdAt: "desc" } });
      expect(note.message).toContain("入金結果通知の金額（1円）");
    });

    it("…while the genuine one still works afterwards", async () => {
      expect(await processNotification(w.deps, genuine)).toEqual({ outcome: "ok", orderId });
    });
  });

  it("money for a cancelled order is recorded and flagged, the status stays cancelled", async () => {
    const { orderId } = await w.order();
    const fields = await payAndCapture(orderId);
    await changeOrderStatus(w.t.db, orderId, "cancelled", { note: "お客様都合", author: "admin@example.com" });
    const result = await processNotification(w.deps, fields);
    expect(result.outcome).toBe("ok");
    expect(result.reason).toMatch(/^paid_after_cancel/);
    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
    expect(order.status).toBe("cancelled");
    expect(order.attention).toBe(PAID_AFTER_CANCEL);
    expect(order.notes.at(-1)!.message).toContain("3,330円の入金がありました");
    expect(order.notes.at(-1)!.customerVisible).toBe(false);
    expect((await paymentOf(orderId)).receipts).toHaveLength(1);
    expect(await w.t.db.emailMessage.count({ where: { orderId, kind: "payment_received" } })).toBe(0);
    expect((await processNotification(w.deps, fields)).outcome).toBe("duplicate");
  });

  it("with ログを保存 off, accepted notifications are not logged; rejected ones are still counted", async () => {
    const { orderId } = await w.order();
    const fields = await payAndCapture(orderId);
    const quiet = { ...w.deps, settings: { ...w.deps.settings, saveLog: false } };
    const refused = await counted("hash_mismatch");
    expect((await processNotification(quiet, { ...fields, HashCd: "x" })).outcome).toBe("rejected");
    expect((await processNotification(quiet, fields)).outcome).toBe("ok");
    expect(await w.t.db.paymentLog.count({ where: { orderId, kind: "notification", outcome: "ok" } })).toBe(0);
    expect(await counted("hash_mismatch")).toBe(refused + 1);
  });
});
