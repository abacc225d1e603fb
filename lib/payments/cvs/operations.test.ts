import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jstDate } from "@/lib/escott";
import { changeRegistration, cvsStatusChangeBlock, deleteRegistration, referenceRegistration } from "@/lib/payments/cvs/operations";
import { startCvsWorld, type CvsWorld } from "@/test/support/cvs-harness";

let w: CvsWorld;
beforeAll(async () => {
  w = await startCvsWorld();
});
afterAll(async () => {
  await w.close();
});

const inDays = (n: number) => jstDate(new Date(Date.now() + n * 86_400_000));
const ADMIN = "admin@example.com";

describe("admin operations", () => {
  it("the status form cannot cancel an order whose registration is still payable; 2Del can", async () => {
    const { orderId } = await w.order();
    expect(await cvsStatusChangeBlock(w.t.db, orderId, "cancelled")).toBe("cvsAdmin.useDeleteOperation");
    expect(await cvsStatusChangeBlock(w.t.db, orderId, "processing")).toBeNull();
    expect(await deleteRegistration(w.deps, orderId, ADMIN)).toEqual({ ok: true, message: "cvsAdmin.deleted" });
    expect(await cvsStatusChangeBlock(w.t.db, orderId, "cancelled")).toBeNull();
  });

  it("照会 shows unpaid, then applies a payment whose notification was lost", async () => {
    const { orderId } = await w.order();
    expect(await referenceRegistration(w.deps, orderId)).toMatchObject({ ok: true, message: "cvsAdmin.refUnpaid", reference: { paid: false, kessaiStatus: "UNPAID" } });
    const payment = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    expect((await w.control(`/_control/cvs/${payment.transactionCode}/pay`, { cvsCd: "SEV", notify: false })).status).toBe(200);

    const result = await referenceRegistration(w.deps, orderId);
    expect(result).toMatchObject({ ok: true, message: "cvsAdmin.refApplied", reference: { paid: true, storeName: "セブンイレブン", amount: 3330 } });
    expect(result.ok && result.reference?.recvNum).toMatch(/^\d+$/);
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("processing");
    // Asking again changes nothing.
    expect(await referenceRegistration(w.deps, orderId)).toMatchObject({ ok: true, message: "cvsAdmin.refPaid" });
    expect(await w.t.db.paymentReceipt.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await w.t.db.orderNote.count({ where: { orderId, message: { contains: "入金がありました" } } })).toBe(1);
    // Nothing to change or cancel once paid.
    expect(await deleteRegistration(w.deps, orderId, ADMIN)).toEqual({ ok: false, message: "cvsAdmin.opNotUnpaid" });
  });

  it("変更 sends 2Chg and stores the new deadline, amount and payment URL", async () => {
    const { orderId } = await w.order();
    const before = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    const date = inDays(20);
    expect(await changeRegistration(w.deps, orderId, { payLimitDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`, amount: 3000 }, ADMIN)).toEqual({ ok: true, message: "cvsAdmin.changed" });
    const after = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    expect(after).toMatchObject({ state: "unpaid", amount: 3000, payLimit: `${date}2359` });
    expect(after.freeArea).not.toBe(before.freeArea);
    expect(after.paymentUrl).toContain(after.freeArea!);
    expect(await w.registration(before.transactionCode)).toMatchObject({ amount: 3000, payLimit: `${date}2359`, freeArea: after.freeArea });
    const note = await w.t.db.orderNote.findFirstOrThrow({ where: { orderId }, orderBy: { createdAt: "desc" } });
    expect(note).toMatchObject({ author: ADMIN });
    expect(note.message).toContain("3,000円（変更前 3,330円）");
  });

  it("変更 refuses bad input without calling e-SCOTT", async () => {
    const { orderId } = await w.order();
    const p = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    const cases: [{ payLimitDate: string; amount: number }, string][] = [
      [{ payLimitDate: "2026-02-30", amount: 3330 }, "cvsAdmin.changeDateInvalid"],
      [{ payLimitDate: "tomorrow", amount: 3330 }, "cvsAdmin.changeDateInvalid"],
      [{ payLimitDate: inDays(-1), amount: 3330 }, "cvsAdmin.changeDateRange"],
      [{ payLimitDate: inDays(61), amount: 3330 }, "cvsAdmin.changeDateRange"],
      [{ payLimitDate: inDays(3), amount: 0 }, "cvsAdmin.changeAmountInvalid"],
      [{ payLimitDate: inDays(3), amount: 1.5 }, "cvsAdmin.changeAmountInvalid"],
      [{ payLimitDate: p.payLimit!.slice(0, 8), amount: 3330 }, "cvsAdmin.changeNothing"],
    ];
    for (const [input, message] of cases) {
      expect(await changeRegistration(w.deps, orderId, input, ADMIN), JSON.stringify(input)).toEqual({ ok: false, message, ...(message === "cvsAdmin.changeDateRange" ? { values: { days: 60 } } : {}) });
    }
    expect((await w.registration(p.transactionCode))!.operateIds).toEqual(["2Add"]);
  });

  it("取消 deletes the registration and cancels the order; a second 取消 is refused", async () => {
    const { orderId, productId } = await w.order();
    expect(await deleteRegistration(w.deps, orderId, ADMIN)).toEqual({ ok: true, message: "cvsAdmin.deleted" });
    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("cancelled");
    expect((await w.t.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(10);
    const p = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    expect(p).toMatchObject({ state: "cancelled", liveOrderId: null });
    expect((await w.registration(p.transactionCode))!.status).toBe("DELETED");
    expect(await deleteRegistration(w.deps, orderId, ADMIN)).toEqual({ ok: false, message: "cvsAdmin.opNotUnpaid" });
    // e-SCOTT answers K12 for a deleted registration: 照会 says so.
    expect(await referenceRegistration(w.deps, orderId)).toMatchObject({ ok: true, message: "cvsAdmin.refGone" });
  });

  it("取消 of a registration paid meanwhile is refused (K14) and nothing changes", async () => {
    const { orderId } = await w.order();
    const p = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    await w.control(`/_control/cvs/${p.transactionCode}/pay`, { cvsCd: "LSN", notify: false });
    expect(await deleteRegistration(w.deps, orderId, ADMIN)).toEqual({ ok: false, message: "cvsAdmin.deletePaid" });
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("on-hold");
  });

  it("an order without a registration has nothing to operate on", async () => {
    expect(await referenceRegistration(w.deps, 999_999)).toEqual({ ok: false, message: "cvsAdmin.opNoRegistration" });
  });
});
