// 入金結果通知 sender (§7.3, §12.16): POSTs plain form fields to the shop; only HTTP 200 counts as delivered,
// anything else (other status, connection error, timeout) is retried with exponential backoff.
import type { EmulatorConfig } from "./config";
import { encodeForm } from "./codec";
import { notificationHash } from "./crypto";
import type { CvsRegistration, EmulatorState, NotificationRecord } from "./state";

const MAX_BACKOFF_MS = 60_000;

/** 印紙 (revenue stamp) is due on receipts of 50,000 yen or more: StampFlag=1. */
const STAMP_THRESHOLD = 50_000;

export function notificationFields(reg: CvsRegistration, config: EmulatorConfig): Record<string, string> {
  const payment = reg.payment;
  if (!payment) throw new Error("registration is not paid");
  return {
    MerchantId: config.cvs.merchantId,
    TransactionId: payment.transactionId,
    RecvNum: payment.recvNum,
    NyukinDate: payment.nyukinDate,
    MerchantFree1: reg.merchantFree1 ?? "",
    MerchantFree2: reg.merchantFree2 ?? "",
    MerchantFree3: reg.merchantFree3 ?? "",
    CvsCd: payment.cvsCd,
    TenantCd: reg.tenantId ?? config.card.tenantId,
    Amount: String(reg.amount),
    ResponseCd: "OK",
    StampFlag: reg.amount >= STAMP_THRESHOLD ? "1" : "0",
    ProcessPass: reg.processPass,
    HashCd: notificationHash(reg.processPass, payment.recvNum, config.cvs.merchantPass),
  };
}

export class Notifier {
  /** Target URL; the control API can change it while the emulator runs (retries use the current value). */
  url: string;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private inFlight = new Set<AbortController>();
  private closed = false;
  /** Bumped by cancelAll(): deliveries started before a reset must not touch the new state. */
  private generation = 0;

  constructor(
    private readonly state: EmulatorState,
    private readonly config: EmulatorConfig,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {
    this.url = config.notifyUrl;
  }

  /** Create a notification for a paid registration and start delivering it. */
  send(reg: CvsRegistration, reason: NotificationRecord["reason"]): NotificationRecord {
    this.state.notificationSeq += 1;
    const record: NotificationRecord = {
      id: this.state.notificationSeq,
      processId: reg.processId,
      merchantFree1: reg.merchantFree1,
      reason,
      fields: notificationFields(reg, this.config),
      state: "pending",
      attempts: [],
      createdAt: this.now(),
    };
    this.state.notifications.push(record);
    this.state.changed();
    void this.attempt(record);
    return record;
  }

  /** Restart delivery of notifications left pending by a previous run (state file). */
  resumePending(): void {
    for (const record of this.state.notifications) {
      if (record.state === "pending") this.schedule(record, 0);
    }
  }

  /** Resolves once no delivery is in flight or scheduled (tests). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.timers.size > 0 || this.inFlight.size > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Stop every scheduled and in-flight delivery (control API reset). */
  cancelAll(): void {
    this.generation += 1;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  close(): void {
    this.closed = true;
    this.cancelAll();
  }

  private backoff(attemptsSoFar: number): number {
    return Math.min(this.config.notifyRetryMs * 2 ** Math.max(0, attemptsSoFar - 1), MAX_BACKOFF_MS);
  }

  private schedule(record: NotificationRecord, delayMs: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(record);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(record: NotificationRecord): Promise<void> {
    if (this.closed || record.state !== "pending") return;
    const generation = this.generation;
    const url = this.url;
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), this.config.notifyTimeoutMs);
    this.inFlight.add(controller);
    const started = Date.now();
    let status: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: encodeForm(record.fields),
        signal: controller.signal,
        redirect: "manual",
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = controller.signal.aborted ? (this.closed ? "aborted (emulator closing)" : "timeout") : describeError(e);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    if (this.closed || generation !== this.generation) return;

    record.attempts.push({ at: this.now(), url, status, error, durationMs: Date.now() - started });
    const n = record.attempts.length;
    if (status === 200) {
      record.state = "delivered";
      this.log(`notification #${record.id} (${record.fields.MerchantFree1}) delivered to ${url} on attempt ${n}`);
    } else if (n >= this.config.notifyMaxAttempts) {
      record.state = "failed";
      this.log(`notification #${record.id} gave up after ${n} attempts (last: ${status ?? error})`);
    } else {
      const delay = this.backoff(n);
      this.log(`notification #${record.id} attempt ${n} → ${status ?? error}; retrying in ${delay} ms`);
      this.schedule(record, delay);
    }
    this.state.changed();
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    if (cause instanceof Error) return `${e.message}: ${cause.message}`;
    return e.message;
  }
  return String(e);
}
