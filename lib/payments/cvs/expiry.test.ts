import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jstMinute } from "@/lib/escott";
import { ABANDONED_AFTER_MS, expireOverdue } from "@/lib/payments/cvs/expiry";
import { startCvsWorld, type CvsWorld } from "@/test/support/cvs-harness";

let w: CvsWorld;
beforeAll(async () => {
  w = await startCvsWorld();
});
afterAll(async () => {
  await w.close();
});

const past = () => jstMinute(new Date(Date.now() - 60 * 60_000));

async function overdue(orderId: number) {
  const payment = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
  await w.t.db.payment.update({ where: { id: payment.id }, data: { payLimit: past() } });
  return payment;
}

describe("expiry check", () => {
  it("cancels an order whose registration e-SCOTT reports expired, returning the stock", async () => {
    const { orderId, productId } = await w.order();
    const payment = await overdue(orderId);
    expect((await w.control(`/_control/cvs/${payment.transactionCode}/expire`)).status).toBe(200);
    const fresh = await w.order(); // not due: must stay untouched

    const report = await expireOverdue(w.deps);
    expect(report).toMatchObject({ expired: 1, paid: 0 });
    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
    expect(order.status).toBe("cancelled");
    expect(order.notes.at(-1)!.message).toMatch(/^支払期日（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）を過ぎても入金がなかったため/);
    expect(await w.t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ state: "expired", liveOrderId: null });
    expect((await w.t.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(10);
    // 2Ref confirmed it; no 2Del was needed for an expired registration.
    expect((await w.registration(payment.transactionCode))!.operateIds).toEqual(["2Add", "2Ref"]);
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: fresh.orderId } })).status).toBe("on-hold");

    // Running again finds nothing to do.
    expect(await expireOverdue(w.deps)).toMatchObject({ checked: 0 });
  });

  it("deletes a registration e-SCOTT still accepts before cancelling, so it can no longer be paid", async () => {
    const { orderId } = await w.order();
    const payment = await overdue(orderId);
    await expireOverdue(w.deps);
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("cancelled");
    const reg = await w.registration(payment.transactionCode);
    expect(reg!.operateIds).toEqual(["2Add", "2Ref", "2Del"]);
    expect(reg!.status).toBe("DELETED");
  });

  it("applies a payment whose notification was lost instead of cancelling", async () => {
    const { orderId } = await w.order();
    const payment = await overdue(orderId);
    expect((await w.control(`/_control/cvs/${payment.transactionCode}/pay`, { cvsCd: "FAM", notify: false })).status).toBe(200);
    expect(await expireOverdue(w.deps)).toMatchObject({ paid: 1, expired: 0 });
    const order = await w.t.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { notes: true } });
    expect(order.status).toBe("processing");
    expect(order.notes.at(-1)!.message).toMatch(/^ファミリーマートで入金がありました/);
    expect(await w.t.db.paymentReceipt.findUniqueOrThrow({ where: { paymentId: payment.id } })).toMatchObject({ source: "inquiry", cvsCd: "FAM", amount: 3330 });
  });

  it("leaves the order alone when e-SCOTT cannot be reached, for the next run", async () => {
    const { orderId } = await w.order();
    await overdue(orderId);
    await w.control("/_control/faults", { mode: "http500", operateId: "2Ref", count: 1 });
    expect(await expireOverdue(w.deps)).toMatchObject({ checked: 1, skipped: 1, expired: 0 });
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("on-hold");
    expect(await expireOverdue(w.deps)).toMatchObject({ expired: 1 });
  });

  it("does nothing without credentials", async () => {
    expect(await expireOverdue({ ...w.deps, client: null })).toEqual({ checked: 0, expired: 0, paid: 0, skipped: 0, abandoned: 0 });
  });

  it("fails a 2Add attempt that never recorded an answer, so the order is not left locked", async () => {
    const { orderId, productId } = await w.order();
    const payment = await w.t.db.payment.findFirstOrThrow({ where: { orderId } });
    // As if the process had died between startPayment and the 2Add answer.
    await w.t.db.payment.update({ where: { id: payment.id }, data: { state: "started" } });
    expect(await expireOverdue(w.deps)).toMatchObject({ abandoned: 0 }); // too recent: maybe still waiting
    const later = { ...w.deps, now: () => new Date(Date.now() + ABANDONED_AFTER_MS + 60_000) };
    expect(await expireOverdue(later)).toMatchObject({ abandoned: 1 });
    expect(await w.t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ state: "failed", liveOrderId: null });
    expect((await w.t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("failed");
    expect((await w.t.db.product.findUniqueOrThrow({ where: { id: productId } })).stock).toBe(10);
  });
});
