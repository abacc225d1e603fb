// The payment log: every e-SCOTT call, 3-D Secure return and notification, secrets masked
// (the client masks request/response fields before we see them). With ログを保存 off only
// errors are kept, as the manual's setting says.
import type { Db, Tx } from "@/lib/db";
import type { EscottCallRecord } from "@/lib/escott";

export interface LogEntry {
  gateway: "card" | "cvs";
  orderId?: number | null;
  transactionCode?: string | null;
  operateId: string;
  kind: "call" | "return" | "notification" | "admin";
  outcome: "ok" | "error" | "rejected" | "duplicate";
  responseCd?: string | null;
  request?: Record<string, string> | null;
  response?: Record<string, string> | null;
  durationMs?: number | null;
  detail?: string | null;
}

export async function writePaymentLog(db: Db | Tx, entry: LogEntry, saveAll: boolean): Promise<void> {
  if (!saveAll && entry.outcome === "ok") return;
  await db.paymentLog.create({
    data: {
      gateway: entry.gateway,
      orderId: entry.orderId ?? null,
      transactionCode: entry.transactionCode ?? null,
      operateId: entry.operateId,
      kind: entry.kind,
      outcome: entry.outcome,
      responseCd: entry.responseCd ?? null,
      request: entry.request ? JSON.stringify(entry.request) : null,
      response: entry.response ? JSON.stringify(entry.response) : null,
      durationMs: entry.durationMs ?? null,
      detail: entry.detail ?? null,
    },
  });
}

export function logEntryFromCall(gateway: "card" | "cvs", record: EscottCallRecord): LogEntry {
  const orderId = Number(record.orderId);
  return {
    gateway,
    orderId: Number.isSafeInteger(orderId) && orderId > 0 ? orderId : null,
    transactionCode: record.transactionCode || null,
    operateId: record.operateId,
    kind: "call",
    outcome: record.outcome === "ok" ? "ok" : record.outcome === "rejected" ? "rejected" : "error",
    responseCd: record.codes.join("|") || null,
    request: record.request,
    response: record.response,
    durationMs: record.durationMs,
    detail: [record.reason, record.detail, record.bodyExcerpt].filter(Boolean).join(" — ") || null,
  };
}
