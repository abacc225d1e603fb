// 入金結果通知 under load: N unpaid convenience-store payments prepared directly in the database
// (the shop's own order and payment code, as after a successful 2Add), then N genuine
// notifications, 10 % duplicates (a genuine one sent again) and 5 % forgeries (wrong HashCd, aimed
// at payments of their own that no genuine notification pays) posted at once, 20 at a time, to
// /api/escott/notification — what e-SCOTT does, retries included. Then the invariants: every
// genuine payment applied exactly once, no forged one applied, no answer but 200 (a 503 would
// mean e-SCOTT has to retry: not lost, but not handled either). Anchors in the same run: a bare
// route handler (/api/health) and next-auth's /api/auth/csrf at the same concurrency.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { placeOrder } from "@/lib/orders/place";
import { startCheckoutPayment, succeedPayment } from "@/lib/payments/payments";
import { statementProfile } from "./checkout";
import { billing, newCart } from "./shop";
import type { RequestTiming, Stack } from "./stack";
import { pool, summarize, timed, type Summary } from "./stats";

export type NotificationKind = "genuine" | "duplicate" | "forged";

interface Prepared {
  orderId: number;
  paymentId: string;
  transactionCode: string;
  amount: number;
  processPass: string;
}

export interface KindStats {
  count: number;
  latency: Summary;
  /** Statements / transactions per request, from a sequential pass (exact per request). */
  queries: number;
  transactions: number;
  /** Server time p50 in that sequential pass: the cost of one request with nothing queued before it. */
  aloneMs: number;
}

export interface NotificationRun {
  n: number;
  concurrency: number;
  /** Requests per second over the whole mixed batch. */
  rate: number;
  wallMs: number;
  kinds: Record<NotificationKind, KindStats>;
  anchors: Record<"health" | "csrf", { rate: number; latency: Summary; queries: number; aloneMs: number }>;
  invariants: { name: string; ok: boolean; detail: string }[];
  /** Notifications whose connection failed once and that were sent again. */
  retried: number;
}

const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** An order paid by CVS, registered at e-SCOTT (as after 2Add) and waiting for the money. */
async function prepareUnpaid(stack: Stack, productId: string, index: number): Promise<Prepared> {
  const cart = await newCart(stack, productId);
  const order = await placeOrder(stack.db, {
    cartId: cart.id,
    checkoutKey: randomUUID(),
    userId: null,
    locale: "ja",
    paymentMethod: "cvs",
    shipping: { flatFee: 800, freeThreshold: 10000 },
    data: { ...billing(`bench-cvs-${index}@bench.test`), shipToDifferentAddress: false, shipping: null } as Parameters<typeof placeOrder>[1]["data"],
  });
  const payment = await startCheckoutPayment(stack.db, { orderId: order.id, gateway: "cvs", amount: order.total, operateId: "2Add" });
  const processPass = randomBytes(16).toString("hex");
  const freeArea = randomBytes(8).toString("hex");
  await succeedPayment(stack.db, payment.id, {
    event: "register",
    orderStatus: "on-hold",
    note: "bench: registered",
    data: {
      processId: randomBytes(16).toString("hex"),
      processPass: stack.box.seal(processPass),
      freeArea,
      paymentUrl: `${stack.emulatorUrl}/jlpcon/${freeArea}`,
      payLimit: "209912312359",
      kessaiNumber: null,
      lastCodes: "OK",
    },
  });
  return { orderId: order.id, paymentId: payment.id, transactionCode: payment.transactionCode, amount: order.total, processPass };
}

/**
 * The shop (another process) may hold SQLite's write lock for a while on a busy machine (its mail
 * outbox, housekeeping) and Prisma then ends our transaction ("Operation has timed out"): try
 * again with a new cart and order. A half-made order left behind is not one the benchmark uses.
 */
export async function prepareWithRetry(stack: Stack, productId: string, index: number): Promise<Prepared> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prepareUnpaid(stack, productId, index);
    } catch (err) {
      if (attempt >= 5 || !(err instanceof Error) || !/timed out|busy|locked/i.test(err.message)) throw err;
      console.error(`[bench] preparing payment ${index}: ${err.message.split("\n").filter(Boolean).at(-1)} — trying again`);
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** What e-SCOTT posts when the shopper paid at the counter (docs/escott-protocol.md §7.3). */
export function genuineFields(p: Prepared, index: number): Record<string, string> {
  const recvNum = `7${pad(index, 9)}`;
  return {
    MerchantId: DEMO_CONTRACT.cvs.merchantId,
    TransactionId: `9${pad(index, 12)}`,
    RecvNum: recvNum,
    NyukinDate: "20261203120000",
    MerchantFree1: p.transactionCode,
    MerchantFree2: String(p.orderId),
    MerchantFree3: "",
    CvsCd: "FAM",
    TenantCd: "0001",
    Amount: String(p.amount),
    ResponseCd: "OK",
    StampFlag: "0",
    ProcessPass: p.processPass,
    HashCd: md5(p.processPass + recvNum + DEMO_CONTRACT.cvs.merchantPass),
  };
}

/** Connections that failed and were tried again (a kept-alive socket the server had just closed). */
let retried = 0;

/** The answer's status; 0 when the connection failed twice (e-SCOTT would send the notification again later). */
export async function post(stack: Stack, fields: Record<string, string>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${stack.baseUrl}/api/escott/notification`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      });
      await res.arrayBuffer();
      return res.status;
    } catch (err) {
      console.error(`[bench] notification POST failed (attempt ${attempt}): ${err instanceof Error ? `${err.message} ${String(err.cause ?? "")}` : String(err)}`);
      if (attempt === 2) return 0;
      retried++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function get(stack: Stack, path: string): Promise<number> {
  const res = await fetch(`${stack.baseUrl}${path}`);
  await res.arrayBuffer();
  return res.status;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Per request statements and server time of `kind`, measured one at a time on payments of their own. */
function perRequest(lines: RequestTiming[]): { queries: number; transactions: number; aloneMs: number; sql?: string[] } {
  const posts = lines.filter(isNotification);
  const avg = (f: (l: RequestTiming) => number) => (posts.length ? posts.reduce((s, l) => s + f(l), 0) / posts.length : NaN);
  return { queries: avg((l) => l.queries), transactions: avg((l) => l.transactions), aloneMs: summarize(posts.map((l) => l.ms)).p50, sql: posts[0]?.sql };
}

const isNotification = (l: RequestTiming) => l.path === "/api/escott/notification";

async function anchor(stack: Stack, path: string, n: number, concurrency: number) {
  // Statements per request: a few one at a time (under concurrency the per-request counts mix
  // with each other and with background work such as the mail outbox).
  stack.timings.mark();
  for (let i = 0; i < 5; i++) await get(stack, path);
  const lines = await stack.timings.expect(5, (l) => l.path === path);
  const queries = lines.length ? lines.reduce((s, l) => s + l.queries, 0) / lines.length : NaN;
  const aloneMs = summarize(lines.map((l) => l.ms)).p50;
  const started = performance.now();
  const results = await pool(Array.from({ length: n }), concurrency, () => timed(() => get(stack, path)));
  const wallMs = performance.now() - started;
  const bad = results.filter((r) => r.value !== 200).length;
  if (bad > 0) throw new Error(`${path}: ${bad} of ${n} answers were not 200`);
  return { rate: (n / wallMs) * 1000, latency: summarize(results.map((r) => r.ms)), queries, aloneMs };
}

export async function benchNotifications(stack: Stack, options: { n: number; concurrency: number; productId: string; log: (line: string) => void }): Promise<NotificationRun> {
  const { n, concurrency } = options;
  const duplicates = Math.max(1, Math.round(n * 0.1));
  const forgeries = Math.max(1, Math.round(n * 0.05));
  const profileEach = Math.min(5, n);

  // Payments: N for the genuine batch, `forgeries` that only forgeries aim at, and a few for the
  // sequential pass that counts statements per kind.
  const total = n + forgeries + profileEach * 2;
  options.log(`notifications: preparing ${total} unpaid convenience-store payments in the database…`);
  // One at a time: SQLite runs one write transaction at a time anyway, and parallel ones here only
  // queue up behind the lock until Prisma's transaction timeout ends them on a busy machine.
  const prepared: Prepared[] = [];
  for (let i = 0; i < total; i++) prepared.push(await prepareWithRetry(stack, options.productId, i));
  const genuineTargets = prepared.slice(0, n);
  const forgedTargets = prepared.slice(n, n + forgeries);
  const profileTargets = prepared.slice(n + forgeries);

  // Sequential pass: statements and transactions of one genuine, one duplicate, one forged request.
  const profile = {} as Record<NotificationKind, ReturnType<typeof perRequest>>;
  const profileFields = profileTargets.slice(0, profileEach).map((p, i) => genuineFields(p, 900_000 + i));
  stack.timings.mark();
  for (const f of profileFields) await post(stack, f);
  profile.genuine = perRequest(await stack.timings.expect(profileFields.length, isNotification));
  stack.timings.mark();
  for (const f of profileFields) await post(stack, f);
  profile.duplicate = perRequest(await stack.timings.expect(profileFields.length, isNotification));
  stack.timings.mark();
  for (const p of profileTargets.slice(profileEach)) await post(stack, { ...genuineFields(p, 950_000), HashCd: md5("forged") });
  profile.forged = perRequest(await stack.timings.expect(profileTargets.length - profileEach, isNotification));
  for (const kind of ["genuine", "duplicate", "forged"] as const) {
    if (profile[kind].sql) options.log(`statements of one ${kind} notification (BENCH_TIMING_SQL=1):\n${statementProfile(profile[kind].sql)}`);
  }

  // The batch.
  const genuine = genuineTargets.map((p, i) => ({ kind: "genuine" as const, fields: genuineFields(p, i) }));
  const requests = shuffle([
    ...genuine,
    ...Array.from({ length: duplicates }, (_, i) => ({ kind: "duplicate" as const, fields: genuine[i % genuine.length]!.fields })),
    ...forgedTargets.map((p, i) => ({ kind: "forged" as const, fields: { ...genuineFields(p, 500_000 + i), HashCd: md5(`forged-${i}`) } })),
  ]);
  options.log(`notifications: ${genuine.length} genuine + ${duplicates} duplicates + ${forgedTargets.length} forged at concurrency ${concurrency}…`);
  const started = performance.now();
  const results = await pool(requests, concurrency, (r) => timed(() => post(stack, r.fields)));
  const wallMs = performance.now() - started;

  const kinds = {} as Record<NotificationKind, KindStats>;
  for (const kind of ["genuine", "duplicate", "forged"] as const) {
    const mine = results.filter((_, i) => requests[i]!.kind === kind);
    kinds[kind] = { count: mine.length, latency: summarize(mine.map((r) => r.ms)), ...profile[kind] };
  }

  const anchors = {
    health: await anchor(stack, "/api/health", requests.length, concurrency),
    csrf: await anchor(stack, "/api/auth/csrf", requests.length, concurrency),
  };

  const invariants = await checkInvariants(stack, results.map((r) => r.value), genuineTargets, forgedTargets);
  const run: NotificationRun = { n, concurrency, rate: (requests.length / wallMs) * 1000, wallMs, kinds, anchors, invariants, retried };
  options.log(
    `notifications: ${run.rate.toFixed(1)} req/s; genuine p50 ${kinds.genuine.latency.p50.toFixed(1)} p99 ${kinds.genuine.latency.p99.toFixed(1)} ms; /api/health p50 ${anchors.health.latency.p50.toFixed(1)} ms; invariants ${invariants.every((i) => i.ok) ? "hold" : "BROKEN"}`,
  );
  return run;
}

async function checkInvariants(stack: Stack, statuses: number[], genuine: Prepared[], forged: Prepared[]) {
  const db = stack.db;
  const out: { name: string; ok: boolean; detail: string }[] = [];
  const non200 = statuses.filter((s) => s !== 200);
  out.push({ name: "every notification answered 200 (none left for e-SCOTT to retry)", ok: non200.length === 0, detail: non200.length ? `${non200.length} answers: ${[...new Set(non200)].join(", ")}` : `${statuses.length} × 200` });

  const genuineIds = genuine.map((p) => p.paymentId);
  const paid = await db.payment.findMany({ where: { id: { in: genuineIds } }, select: { id: true, state: true, orderId: true, _count: { select: { receipts: true } } } });
  const notPaid = paid.filter((p) => p.state !== "paid" || p._count.receipts !== 1);
  out.push({ name: "every genuine notification applied exactly once (payment paid, one receipt)", ok: notPaid.length === 0 && paid.length === genuine.length, detail: notPaid.length ? `${notPaid.length} of ${genuine.length} not paid exactly once` : `${genuine.length} of ${genuine.length}` });

  const orderIds = genuine.map((p) => p.orderId);
  const okLogs = await db.paymentLog.groupBy({ by: ["orderId"], where: { orderId: { in: orderIds }, kind: "notification", outcome: "ok" }, _count: { _all: true } });
  const logOnce = okLogs.filter((l) => l._count._all === 1).length;
  out.push({ name: "one applied-notification log row per genuine payment", ok: logOnce === genuine.length && okLogs.length === genuine.length, detail: `${logOnce} of ${genuine.length}` });

  const mails = await db.emailMessage.groupBy({ by: ["orderId"], where: { orderId: { in: orderIds }, kind: "payment_received" }, _count: { _all: true } });
  const mailOnce = mails.filter((m) => m._count._all === 1).length;
  out.push({ name: "one payment-received mail per genuine payment", ok: mailOnce === genuine.length && mails.length === genuine.length, detail: `${mailOnce} of ${genuine.length}` });

  const orders = await db.order.findMany({ where: { id: { in: orderIds } }, select: { status: true } });
  const processing = orders.filter((o) => o.status === "processing").length;
  out.push({ name: "every genuinely paid order is processing", ok: processing === genuine.length, detail: `${processing} of ${genuine.length}` });

  const forgedIds = forged.map((p) => p.paymentId);
  const forgedPaid = await db.payment.count({ where: { id: { in: forgedIds }, OR: [{ state: { not: "unpaid" } }, { receipts: { some: {} } }] } });
  out.push({ name: "no forged notification applied (their payments still unpaid, no receipt)", ok: forgedPaid === 0, detail: `${forgedPaid} of ${forged.length} changed` });
  return out;
}
