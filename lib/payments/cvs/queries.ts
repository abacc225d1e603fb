import type { Db } from "@/lib/db";

/** The order's newest convenience-store registration, for the shopper's and the admin's pages. */
export function cvsPaymentOfOrder(db: Db, orderId: number) {
  return db.payment.findFirst({
    where: { orderId, gateway: "cvs", processId: { not: null } },
    orderBy: { createdAt: "desc" },
    include: { receipts: true },
  });
}

/** Every e-SCOTT call and notification about the order, newest first. */
export function cvsHistoryOfOrder(db: Db, orderId: number) {
  return db.paymentLog.findMany({ where: { orderId, gateway: "cvs" }, orderBy: { createdAt: "desc" }, take: 100 });
}
