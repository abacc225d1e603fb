// The two card flows the plain checkout (bench/checkout.ts) does not cover, driven over HTTP as a
// browser drives them and measured on the one request of ours that does the work:
//
// - the 3-D Secure return: place the order (the answer is the form the browser auto-posts to
//   e-SCOTT's 3-D Secure page), post that form to the emulator's page (frictionless card: it answers
//   at once with the auto-post back to us), then post EncryptValue to /api/escott/3ds without
//   cookies (a cross-site POST) — that request is measured: 1Gathering with the 3DS values;
// - a saved-card payment: a logged-in, e-mail-verified customer whose card e-SCOTT keeps (4MemAdd
//   through one checkout first) places an order with "pay with the saved card" — measured:
//   4MemRefM → 1Gathering, no 3-D Secure (the checkout bench's settings).
//
// Sequential, one request at a time: the [bench-timing] line and the emulator's call list taken
// around the measured request belong to it alone.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { addItem, ensureCart } from "@/lib/cart/store";
import { cardToken, statementProfile, type CheckoutRun } from "./checkout";
import { billing, callServerAction, configureCard, newCart, serverActionId } from "./shop";
import { emulatorControl, type RequestTiming, type Stack } from "./stack";
import { summarize, timed } from "./stats";

/** The checkout's measures of one kind of request, and which e-SCOTT calls it made. */
export interface FlowRun extends CheckoutRun {
  /** Which e-SCOTT calls, e.g. "4MemRefM → 1Gathering". */
  operations: string;
}

export interface CardFlowsRun {
  threeDSReturn: FlowRun[];
  savedCard: FlowRun[];
}

interface Options {
  n: number;
  latencies: number[];
  productId: string;
  warmup: number;
  log: (line: string) => void;
}

/** What one measured request gave. */
interface Measured {
  orderId: number;
  clientMs: number;
  timing: RequestTiming;
  gatewayMs: number;
  operations: string[];
}

interface PlaceResult {
  status?: string;
  outcome?: { kind?: string; url?: string; action?: string; fields?: Record<string, string>; message?: string };
}

export async function benchCardFlows(stack: Stack, options: Options): Promise<CardFlowsRun> {
  const actionId = serverActionId("app/checkout/actions.ts", "placeOrderAction");
  try {
    await configureCard(stack, { threeDSecure: true });
    const threeDSReturn = await eachLatency(stack, options, "3-D Secure return", (i) => threeDSReturnOnce(stack, options.productId, actionId, i));
    await expectPaid(stack, threeDSReturn.orders, { secureResultCode: "0" }, "3-D Secure return");

    await configureCard(stack, { cardMember: true });
    const customer = await savedCardCustomer(stack, options.productId, actionId);
    const savedCard = await eachLatency(stack, options, "saved-card payment", (i) => savedCardOnce(stack, customer, options.productId, actionId, i));
    await expectPaid(stack, savedCard.orders, { memberUsed: true }, "saved-card payment");
    return { threeDSReturn: threeDSReturn.runs, savedCard: savedCard.runs };
  } finally {
    // Back to what the other parts expect (bench/shop.ts enableGateways).
    await configureCard(stack);
    await emulatorControl(stack, "/_control/latency", "POST", { ms: 0 });
  }
}

async function eachLatency(stack: Stack, options: Options, name: string, once: (index: number) => Promise<Measured>): Promise<{ runs: FlowRun[]; orders: number[] }> {
  const runs: FlowRun[] = [];
  const orders: number[] = [];
  for (const latencyMs of options.latencies) {
    await emulatorControl(stack, "/_control/latency", "POST", { ms: latencyMs });
    // Warm-up: compiled routes, connections, caches — not measured.
    for (let i = 0; i < options.warmup; i++) await once(-1 - i);
    const done: Measured[] = [];
    for (let i = 0; i < options.n; i++) done.push(await once(i));
    orders.push(...done.map((d) => d.orderId));
    const run = flowRun(latencyMs, done);
    if (done[0]?.timing.sql) options.log(`statements of one ${name} (BENCH_TIMING_SQL=1):\n${statementProfile(done[0].timing.sql)}`);
    options.log(
      `${name} @${latencyMs} ms gateway latency: n=${run.n} server p50 ${run.server.p50.toFixed(1)} ms, gateway p50 ${run.gateway.p50.toFixed(1)} ms (${run.operations}), overhead p50 ${run.overhead.p50.toFixed(1)} ms, ${run.queries.p50} statements / ${run.transactions.p50} transactions`,
    );
    runs.push(run);
  }
  return { runs, orders };
}

export function flowRun(latencyMs: number, done: Measured[]): FlowRun {
  const serverMs = done.map((d) => d.timing.ms);
  const overhead = done.map((d) => d.timing.ms - d.gatewayMs);
  const operations = [...new Set(done.map((d) => d.operations.join(" → ")))].join(" / ");
  return {
    latencyMs,
    n: done.length,
    server: summarize(serverMs),
    gateway: summarize(done.map((d) => d.gatewayMs)),
    overhead: summarize(overhead),
    overheadShare: summarize(overhead.map((o, i) => o / serverMs[i]!)),
    client: summarize(done.map((d) => d.clientMs)),
    gatewayCalls: done.reduce((sum, d) => sum + d.operations.length, 0) / Math.max(1, done.length),
    operations,
    queries: summarize(done.map((d) => d.timing.queries)),
    transactions: summarize(done.map((d) => d.timing.transactions)),
    queryMs: summarize(done.map((d) => d.timing.queryMs)),
  };
}

/**
 * Sends the measured request with a fresh call list at the emulator and a mark in the shop's
 * log; returns its [bench-timing] line and the e-SCOTT calls made meanwhile.
 */
async function measure<T>(stack: Stack, match: (t: RequestTiming) => boolean, send: () => Promise<T>): Promise<{ value: T; clientMs: number; timing: RequestTiming; gatewayMs: number; operations: string[] }> {
  await emulatorControl(stack, "/_control/calls", "DELETE");
  stack.timings.mark();
  const { value, ms } = await timed(send);
  const [timing] = await stack.timings.expect(1, match);
  if (!timing) throw new Error("the measured request left no [bench-timing] line in the shop's log");
  const { calls } = await emulatorControl<{ calls: { path: string; operateId?: string; durationMs: number }[] }>(stack, "/_control/calls");
  return { value, clientMs: ms, timing, gatewayMs: calls.reduce((sum, c) => sum + c.durationMs, 0), operations: calls.map((c) => c.operateId ?? c.path) };
}

const isCheckoutAction = (t: RequestTiming) => Boolean(t.action) && t.method === "POST" && t.path === "/checkout";
const isThreeDSReturn = (t: RequestTiming) => t.method === "POST" && t.path === "/api/escott/3ds";

/** Guest checkout with 3-D Secure on: place-order → e-SCOTT's 3DS page → (measured) the return. */
async function threeDSReturnOnce(stack: Stack, productId: string, actionId: string, index: number): Promise<Measured> {
  const cart = await newCart(stack, productId);
  const { token, maskedCard } = await cardToken(stack);
  const payload = {
    ...billing(`bench-3ds-${Date.now().toString(36)}-${index}@bench.test`),
    paymentMethod: "card",
    payment: { mode: "new", token, maskedCard, holderName: "HANAKO YAMADA", payType: "01", save: false, agreement: true },
  };
  const placed = await callServerAction(stack, "/checkout", actionId, [payload, randomUUID()], `cart=${cart.token}`);
  const result = placed.result as PlaceResult | undefined;
  if (placed.status !== 200 || result?.status !== "placed" || result.outcome?.kind !== "post" || !result.outcome.action || !result.outcome.fields) {
    throw new Error(`3-D Secure checkout ${index}: no hand-off to the 3DS page: HTTP ${placed.status} ${JSON.stringify(result)}`);
  }
  // The browser auto-posts the form to e-SCOTT's page; a frictionless card comes straight back.
  const acs = await fetch(result.outcome.action, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: stack.baseUrl }, body: new URLSearchParams(result.outcome.fields) });
  const back = autoPostForm(await acs.text());
  if (acs.status !== 200 || !back?.fields.EncryptValue) throw new Error(`3-D Secure checkout ${index}: the 3DS page did not post back (HTTP ${acs.status})`);

  // The return: a cross-site form POST, so no cookie of ours comes with it.
  const emulatorOrigin = new URL(stack.emulatorUrl).origin;
  const m = await measure(stack, isThreeDSReturn, () =>
    fetch(back.action, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: emulatorOrigin }, body: new URLSearchParams(back.fields) }),
  );
  const location = m.value.headers.get("location") ?? "";
  const orderId = Number(/\/order\/(\d+)\?key=/.exec(location)?.[1]);
  if (m.value.status !== 303 || !orderId) throw new Error(`3-D Secure return ${index} did not lead to the thank-you page: HTTP ${m.value.status} → ${location}`);
  return { orderId, clientMs: m.clientMs, timing: m.timing, gatewayMs: m.gatewayMs, operations: m.operations };
}

interface Customer {
  userId: string;
  /** The session cookie(s) of a login, as the browser sends them. */
  cookie: string;
}

/**
 * A customer as the saved-card flow needs one: registered, e-mail verified (made in the
 * database), logged in through next-auth's credentials login over HTTP, and with a card that
 * e-SCOTT keeps — saved by one checkout that ticks "save this card" (4MemAdd, the shop's own way).
 */
async function savedCardCustomer(stack: Stack, productId: string, actionId: string): Promise<Customer> {
  const email = `bench-member-${Date.now().toString(36)}@bench.test`;
  const password = `bench ${randomUUID()}`;
  const user = await stack.db.user.create({ data: { email, passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } });
  const cookie = await logIn(stack, email, password);
  const customer = { userId: user.id, cookie };
  await userCart(stack, customer, productId);
  const { token, maskedCard } = await cardToken(stack);
  const payload = { ...billing(email), paymentMethod: "card", payment: { mode: "new", token, maskedCard, holderName: "HANAKO YAMADA", payType: "01", save: true, agreement: false } };
  const placed = await callServerAction(stack, "/checkout", actionId, [payload, randomUUID()], cookie);
  const result = placed.result as PlaceResult | undefined;
  if (placed.status !== 200 || result?.outcome?.kind !== "redirect") throw new Error(`saving the customer's card failed: HTTP ${placed.status} ${JSON.stringify(result)}`);
  if (!(await stack.db.cardMember.findUnique({ where: { userId: user.id } }))) throw new Error("the checkout that should save the card left no CardMember row");
  return customer;
}

/** The customer's own cart (found by the session, not a cookie) holding exactly one item. */
async function userCart(stack: Stack, customer: Customer, productId: string): Promise<void> {
  const cart = await ensureCart(stack.db, { userId: customer.userId, token: null });
  await stack.db.cartItem.deleteMany({ where: { cartId: cart.id } });
  await addItem(stack.db, cart.id, productId, 1);
}

async function savedCardOnce(stack: Stack, customer: Customer, productId: string, actionId: string, index: number): Promise<Measured> {
  await userCart(stack, customer, productId);
  const payload = { ...billing(`bench-saved-${Date.now().toString(36)}-${index}@bench.test`), paymentMethod: "card", payment: { mode: "saved", payType: "01", agreement: false } };
  const m = await measure(stack, isCheckoutAction, () => callServerAction(stack, "/checkout", actionId, [payload, randomUUID()], customer.cookie));
  const result = m.value.result as PlaceResult | undefined;
  const orderId = Number(/\/order\/(\d+)/.exec(result?.outcome?.url ?? "")?.[1]);
  if (m.value.status !== 200 || result?.status !== "placed" || result.outcome?.kind !== "redirect" || !orderId) {
    throw new Error(`saved-card payment ${index} did not go through: HTTP ${m.value.status} ${JSON.stringify(result)}`);
  }
  return { orderId, clientMs: m.clientMs, timing: m.timing, gatewayMs: m.gatewayMs, operations: m.operations };
}

/** Every measured order was really paid the way the flow pays (else the numbers describe something else). */
async function expectPaid(stack: Stack, orderIds: number[], expected: { secureResultCode?: string; memberUsed?: boolean }, name: string): Promise<void> {
  const payments = await stack.db.payment.findMany({ where: { orderId: { in: orderIds }, state: "captured", ...expected }, select: { orderId: true } });
  const paid = new Set(payments.map((p) => p.orderId));
  const missing = orderIds.filter((id) => !paid.has(id));
  if (missing.length > 0) throw new Error(`${name}: orders ${missing.slice(0, 5).join(", ")} not captured as expected (${JSON.stringify(expected)})`);
}

/** next-auth's credentials login as its client does it: the CSRF token (and cookie), then the callback. */
async function logIn(stack: Stack, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${stack.baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error(`login: no CSRF token (HTTP ${csrf.status})`);
  const res = await fetch(`${stack.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(csrf.headers.getSetCookie()), Origin: stack.baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${stack.baseUrl}/`, json: "true" }),
  });
  const cookie = cookieHeader(res.headers.getSetCookie());
  if (!/session-token=/.test(cookie)) throw new Error(`login refused: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return cookie;
}

/** The Cookie header a browser would send back for these Set-Cookie lines (cleared ones left out). */
export function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((line) => line.split(";", 1)[0]!.trim())
    .filter((pair) => /^[^=]+=./.test(pair))
    .join("; ");
}

/** The auto-posting form of an HTML page (e-SCOTT's way back to the shop): its action and hidden fields. */
export function autoPostForm(html: string): { action: string; fields: Record<string, string> } | null {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return null;
  const action = attribute(form[0].slice(0, form[0].indexOf(">") + 1), "action");
  if (!action) return null;
  const fields: Record<string, string> = {};
  for (const input of form[1]!.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(input, "name");
    if (name && attribute(input, "type")?.toLowerCase() === "hidden") fields[name] = attribute(input, "value") ?? "";
  }
  return { action, fields };
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, code: string) => {
    if (code.startsWith("#x") || code.startsWith("#X")) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith("#")) return String.fromCodePoint(Number(code.slice(1)));
    return named[code.toLowerCase()] ?? all;
  });
}
