// One of two shop instances goes away in the middle of a card checkout: killed (SIGKILL) or
// stopped gracefully (SIGTERM). PostgreSQL run only (E2E_ENGINE=postgresql, two instances behind the
// round-robin proxy); runs last (hence the name), and starts each instance again on its port, so
// the suite ends with both running.
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import type { APIResponse, Page } from "@playwright/test";
import { dictionaryFor } from "@/lib/i18n";
import { exitOf, isRunning, readInstances, restartInstance, type ShopInstance } from "@/scripts/e2e/instances";
import { actionReplayHeaders, CARDS, configureCard, emulatorState, fillCard, keepCardSettings, orderOf, placeOrder, startCheckout, thankYouOrderId, transactionsOf, withDb } from "./card-support";
import { runExpireJob } from "./cvs-support";
import { admin, expect, login, test, uniqueEmail } from "./fixtures";

test.skip(process.env.E2E_ENGINE !== "postgresql" || readInstances().length < 2, "needs PostgreSQL with two shop instances (E2E_ENGINE=postgresql)");
test.describe.configure({ mode: "serial" });
keepCardSettings();

const IN_PROGRESS = dictionaryFor("ja").payment.inProgress;

const instance = (id: string): ShopInstance => readInstances().find((i) => i.id === id)!;

/** Polls `fn` until it gives something truthy; returns it. */
async function until<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What a TCP connection to the port meets: "connected" or the error code (ECONNREFUSED…). */
function connectTo(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/**
 * Sends the page's place-order request straight to `target` (as the proxy would when it is that
 * instance's turn) and gives the browser its answer; the captured request is returned for replays.
 */
async function placeOrderOn(page: Page, target: ShopInstance) {
  const captured: { path?: string; headers?: Record<string, string>; body?: Buffer; answer?: Promise<APIResponse> } = {};
  await page.route("**/checkout", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !(await request.headerValue("next-action")) || captured.path) return route.continue();
    const { pathname, search } = new URL(request.url());
    captured.path = `${pathname}${search}`;
    captured.headers = await actionReplayHeaders(request);
    captured.body = request.postDataBuffer() ?? undefined;
    captured.answer = page.request.post(`${target.url}${captured.path}`, { headers: captured.headers, data: captured.body, maxRedirects: 0, timeout: 90_000 });
    try {
      await route.fulfill({ response: await captured.answer });
    } catch {
      await route.abort("connectionreset").catch(() => {});
    }
  });
  await placeOrder(page);
  return captured;
}

/** The card payment of the checkout with this e-mail, once it exists, and that e-SCOTT got `operateId` for it. */
async function inFlightAt(email: string, operateId: string) {
  const payment = await until("the payment", () => withDb((db) => db.payment.findFirst({ where: { order: { email }, gateway: "card" } })));
  await until(`${operateId} at e-SCOTT`, async () => (await emulatorState()).calls.some((c) => c.operateId === operateId && c.merchantFree1 === payment.transactionCode));
  return payment;
}

test("SIGKILL of an instance in the middle of a card checkout: charged at most once, the order left for the other instance and the admin to settle", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await configureCard({ operateId: "1Gathering" });
  const email = uniqueEmail("mi-sigkill");
  const victim = instance("e2e-a");
  await startCheckout(page, { email });
  await fillCard(page, CARDS.slow);
  const captured = await placeOrderOn(page, victim);

  // e-SCOTT has processed the charge and is about to answer (the slow card answers after 5 s): now.
  const payment = await inFlightAt(email, "1Gathering");
  process.kill(victim.pid, "SIGKILL");
  await until("the killed instance to be gone", () => !isRunning(victim.pid));
  await expect(captured.answer!).rejects.toThrow();
  const orderId = payment.orderId;
  expect(await orderOf(orderId)).toMatchObject({ status: "pending", payments: [{ state: "started" }] });
  expect(await transactionsOf(orderId)).toHaveLength(1); // the money was taken once

  // The shopper submits again: the proxy finds the killed instance refusing and asks the other,
  // which does not charge again — the order's one live payment is still open.
  const retry = await page.request.post(`${process.env.E2E_BASE_URL}${captured.path}`, { headers: captured.headers, data: captured.body, maxRedirects: 0, timeout: 60_000 });
  expect(retry.status()).toBe(200);
  expect(retry.headers()["x-e2e-upstream"]).toBe(`http://127.0.0.1:${instance("e2e-b").port}`);
  expect(await retry.text()).toContain(IN_PROGRESS);

  // Half an hour later the other instance's housekeeping (here its cron job) finds the attempt
  // nobody finishes and flags it for the admin, who settles it after checking e-SCOTT.
  // (Raw SQL: Prisma sets an @updatedAt column itself on every update.)
  await withDb((db) => db.$executeRaw`UPDATE "Payment" SET "updatedAt" = ${new Date(Date.now() - 31 * 60_000)} WHERE "id" = ${payment.id}`);
  expect((await orderOf(orderId)).payments[0]!.updatedAt.getTime()).toBeLessThan(Date.now() - 30 * 60_000);
  const job = runExpireJob();
  expect(job.status, job.stderr).toBe(0);
  expect(JSON.parse(job.stdout.trim().split("\n").at(-1)!)).toMatchObject({ card: { interrupted: 1 } });
  const flagged = await orderOf(orderId);
  expect(flagged.payments[0]!.state).toBe("unknown");
  expect(flagged.attention).toMatch(/^payment_unknown/);

  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await adminPage.goto(`/admin/orders/${orderId}`);
  await expect(adminPage.getByTestId("card-needs-resolution")).toContainText(payment.transactionCode);
  await adminPage.getByTestId("card-operations").getByRole("button", { name: "支払い済みにする", exact: true }).click();
  const dialog = adminPage.getByTestId("card-operation-confirm");
  await expect(dialog).toContainText(/確認しましたか/);
  await dialog.getByLabel("確認した内容（必須）").fill("加盟店管理画面で売上を確認");
  await dialog.getByRole("button", { name: "実行する" }).click();
  await expect(adminPage.getByTestId("card-operation-result")).toHaveText("支払い済みとして処理しました。");
  expect(await orderOf(orderId)).toMatchObject({ status: "processing", attention: null });

  // Nothing was charged twice.
  const state = await emulatorState();
  expect(state.calls.filter((c) => c.operateId === "1Gathering" && c.merchantFree1 === payment.transactionCode)).toHaveLength(1);
  expect(state.transactions.filter((t) => t.merchantFree2 === String(orderId))).toHaveLength(1);

  // The instance comes back on its port and gets its share of the traffic again.
  const restarted = await restartInstance(victim.id);
  expect(restarted.pid).not.toBe(victim.pid);
  const upstreams = new Set<string>();
  for (let i = 0; i < 6; i++) upstreams.add((await page.request.get("/api/health")).headers()["x-e2e-upstream"]!);
  expect(upstreams.size).toBe(2);
});

test("SIGTERM while a slow card checkout runs on that instance: the checkout completes, new connections are refused, the process exits 0", async ({ page }) => {
  test.setTimeout(180_000);
  await configureCard({ operateId: "1Gathering" });
  const email = uniqueEmail("mi-sigterm");
  const victim = instance("e2e-b");
  const logStart = readFileSync(victim.log).length;
  const newLog = () => readFileSync(victim.log).subarray(logStart).toString("utf8");
  await startCheckout(page, { email });
  await fillCard(page, CARDS.slow);
  await placeOrderOn(page, victim);

  // While e-SCOTT is still answering the first call (1TokenSearch, 5 s), the instance is told to stop.
  const payment = await inFlightAt(email, "1TokenSearch");
  process.kill(victim.pid, "SIGTERM");
  await until("the instance to start draining", () => newLog().includes("[serve] SIGTERM"));
  expect(await connectTo(victim.port)).toBe("ECONNREFUSED");

  // The request in flight still completes: the shopper reaches the thank-you page.
  const orderId = await thankYouOrderId(page);
  expect(orderId).toBe(payment.orderId);
  expect(await orderOf(orderId)).toMatchObject({ status: "processing", payments: [{ state: "captured" }] });
  expect((await emulatorState()).calls.filter((c) => c.operateId === "1Gathering" && c.merchantFree1 === payment.transactionCode)).toHaveLength(1);

  // Then the process ends, exit code 0, having said so.
  expect(await until("the instance to exit", () => exitOf(victim.pid), 40_000)).toEqual({ code: 0, signal: null });
  const log = newLog();
  expect(log).toMatch(/\[serve\] SIGTERM: no new connections; finishing [1-9]\d* request\(s\) in flight/);
  expect(log).toContain("[serve] housekeeping stopped; job leases released");
  expect(log).toContain("[serve] stopped");
  expect(log).not.toContain("still running after");

  const restarted = await restartInstance(victim.id);
  expect(await connectTo(restarted.port)).toBe("connected");
});
