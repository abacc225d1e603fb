// Card checkouts through the real place-order request: the shopper's browser gets a token from
// the emulator's token endpoint (what the card page's script does), then posts placeOrderAction
// to /checkout with the cart cookie, as React would. Sequential, so each request's server time and
// database statements (scripts/serve.mjs, BENCH_TIMING=1) belong to one checkout, and so is the
// gateway's time, which the emulator measured itself (/_control/calls).
import { randomUUID } from "node:crypto";
import { TEST_CARDS } from "@/lib/escott/test-cards";
import { billing, callServerAction, newCart, serverActionId } from "./shop";
import { emulatorControl, type RequestTiming, type Stack } from "./stack";
import { summarize, timed, type Summary } from "./stats";

export interface CheckoutRun {
  latencyMs: number;
  n: number;
  /** Server time of the place-order request (scripts/serve.mjs), ms. */
  server: Summary;
  /** The e-SCOTT calls of each checkout, summed, as the emulator timed them. */
  gateway: Summary;
  /** Server − gateway per checkout: our own time. */
  overhead: Summary;
  /** Per checkout: overhead ÷ server time. */
  overheadShare: Summary;
  /** Round trip seen by the client (includes the HTTP hop), ms. */
  client: Summary;
  gatewayCalls: number;
  queries: Summary;
  transactions: Summary;
  /** Driver time of those statements, ms. */
  queryMs: Summary;
}

interface PlaceResult {
  status?: string;
  outcome?: { kind?: string; url?: string; message?: string };
}

export async function cardToken(stack: Stack): Promise<{ token: string; maskedCard: string }> {
  const card = TEST_CARDS.visa;
  const body = new URLSearchParams({ cardNo: card.number, expYY: card.expYY, expMM: card.expMM, secCd: card.secCd, k_TokenNinsyoCode: "EMUTOKEN0001" });
  const res = await fetch(`${stack.emulatorUrl}/euser/stn/CdCreateToken.do`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  const json = (await res.json()) as { token?: string; maskedCard?: string; errorCode?: string };
  if (!json.token || !json.maskedCard) throw new Error(`token creation failed: ${json.errorCode ?? res.status}`);
  return { token: json.token, maskedCard: json.maskedCard };
}

/** One card checkout; the order id, the client's round trip. */
async function checkoutOnce(stack: Stack, productId: string, actionId: string, index: number): Promise<{ orderId: number; clientMs: number }> {
  const cart = await newCart(stack, productId);
  const { token, maskedCard } = await cardToken(stack);
  const payload = {
    ...billing(`bench-card-${Date.now().toString(36)}-${index}@bench.test`),
    paymentMethod: "card",
    payment: { mode: "new", token, maskedCard, holderName: "HANAKO YAMADA", payType: "01", save: false, agreement: false },
  };
  const { value, ms } = await timed(() => callServerAction(stack, "/checkout", actionId, [payload, randomUUID()], `cart=${cart.token}`));
  const result = value.result as PlaceResult | undefined;
  const url = result?.outcome?.url ?? "";
  const orderId = Number(/\/order\/(\d+)/.exec(url)?.[1]);
  if (value.status !== 200 || result?.status !== "placed" || result.outcome?.kind !== "redirect" || !orderId) {
    throw new Error(`checkout ${index} did not go through: HTTP ${value.status} ${JSON.stringify(result)}`);
  }
  return { orderId, clientMs: ms };
}

export async function benchCheckout(stack: Stack, options: { n: number; latencies: number[]; productId: string; warmup: number; log: (line: string) => void }): Promise<CheckoutRun[]> {
  const actionId = serverActionId("app/checkout/actions.ts", "placeOrderAction");
  const runs: CheckoutRun[] = [];
  for (const latencyMs of options.latencies) {
    await emulatorControl(stack, "/_control/latency", "POST", { ms: latencyMs });
    // Warm-up: compiled routes, connections, caches — not measured.
    await warmUp(stack, options.warmup, (i) => checkoutOnce(stack, options.productId, actionId, -1 - i));
    await emulatorControl(stack, "/_control/calls", "DELETE");
    const done: { orderId: number; clientMs: number }[] = [];
    for (let i = 0; i < options.n; i++) done.push(await checkoutOnce(stack, options.productId, actionId, i));
    const serverLines = await stack.timings.expect(done.length, isCheckoutAction);
    if (serverLines.length !== done.length) throw new Error(`expected ${done.length} timed checkout requests in the shop's log, found ${serverLines.length}`);
    const { calls } = await emulatorControl<{ calls: { merchantFree1?: string; durationMs: number }[] }>(stack, "/_control/calls");
    const payments = await stack.db.payment.findMany({ where: { orderId: { in: done.map((d) => d.orderId) } }, select: { orderId: true, transactionCode: true } });
    const codeOf = new Map(payments.map((p) => [p.orderId, p.transactionCode]));
    const gatewayMs = done.map((d) => calls.filter((c) => c.merchantFree1 === codeOf.get(d.orderId)).reduce((sum, c) => sum + c.durationMs, 0));
    const serverMs = serverLines.map((l: RequestTiming) => l.ms);
    const overhead = serverMs.map((s, i) => s - gatewayMs[i]!);
    const matched = calls.filter((c) => payments.some((p) => p.transactionCode === c.merchantFree1)).length;
    const run: CheckoutRun = {
      latencyMs,
      n: done.length,
      server: summarize(serverMs),
      gateway: summarize(gatewayMs),
      overhead: summarize(overhead),
      overheadShare: summarize(overhead.map((o, i) => o / serverMs[i]!)),
      client: summarize(done.map((d) => d.clientMs)),
      gatewayCalls: matched / done.length,
      queries: summarize(serverLines.map((l) => l.queries)),
      transactions: summarize(serverLines.map((l) => l.transactions)),
      queryMs: summarize(serverLines.map((l) => l.queryMs)),
    };
    if (serverLines[0]?.sql) options.log(`statements of one checkout (BENCH_TIMING_SQL=1):\n${statementProfile(serverLines[0].sql)}`);
    options.log(
      `checkout @${latencyMs} ms gateway latency: n=${run.n} server p50 ${run.server.p50.toFixed(1)} ms, gateway p50 ${run.gateway.p50.toFixed(1)} ms (${run.gatewayCalls.toFixed(1)} calls), overhead p50 ${run.overhead.p50.toFixed(1)} ms, ${run.queries.p50} statements / ${run.transactions.p50} transactions`,
    );
    runs.push(run);
  }
  await emulatorControl(stack, "/_control/latency", "POST", { ms: 0 });
  return runs;
}

const isCheckoutAction = (t: RequestTiming) => Boolean(t.action) && t.method === "POST" && t.path === "/checkout";

/**
 * Runs the warm-up requests (server actions posted to /checkout) and waits for their timing lines:
 * a line is written when the shop has finished with a request, which can be after the client got its
 * answer, and a late warm-up line must not be counted as a measured one. Marks the log after them.
 */
async function warmUp(stack: Stack, count: number, once: (i: number) => Promise<unknown>): Promise<void> {
  stack.timings.mark();
  for (let i = 0; i < count; i++) await once(i);
  await stack.timings.expect(count, isCheckoutAction);
  stack.timings.mark();
}

/**
 * The framework's floor under a place-order request: a server action that does nothing (setLocale
 * given no form returns at once, app/actions/locale.ts) posted to /checkout with the cart cookie,
 * the same way and through the same proxy as the checkout. Server time of each, sequential.
 */
export async function benchActionFloor(stack: Stack, options: { n: number; productId: string; warmup: number }): Promise<Summary> {
  const actionId = serverActionId("app/actions/locale.ts", "setLocale");
  const cart = await newCart(stack, options.productId);
  const post = async () => {
    const { status } = await callServerAction(stack, "/checkout", actionId, ["nothing to set"], `cart=${cart.token}`);
    if (status !== 200) throw new Error(`the do-nothing server action answered HTTP ${status}`);
  };
  await warmUp(stack, options.warmup, post);
  for (let i = 0; i < options.n; i++) await post();
  const lines = await stack.timings.expect(options.n, isCheckoutAction);
  if (lines.length !== options.n) throw new Error(`expected ${options.n} timed do-nothing actions in the shop's log, found ${lines.length}`);
  return summarize(lines.map((l) => l.ms));
}

/** The statements in the order they ran, a run of the same one folded into "3 × SELECT … FROM `Product` …". */
export function statementProfile(sql: string[]): string {
  const runs: { statement: string; count: number }[] = [];
  for (const statement of sql) {
    const key = statement.replace(/`main`\./g, "").slice(0, 110);
    const last = runs.at(-1);
    if (last?.statement === key) last.count += 1;
    else runs.push({ statement: key, count: 1 });
  }
  return runs.map(({ statement, count }) => `  ${String(count).padStart(3)} × ${statement}`).join("\n");
}
