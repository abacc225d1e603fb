// Exactly-once across shop instances: PostgreSQL, two instances (e2e-a, e2e-b) on one database,
// requests sent alternately straight to each (E2E_INSTANCE_URLS). Runs only in the suite's
// PostgreSQL run (E2E_ENGINE=postgresql, e2e/global-setup.ts); skipped on SQLite with one instance.
// Stopping and killing instances: e2e/zz-multi-instance-shutdown.spec.ts (runs last).
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { addItem, ensureCart } from "@/lib/cart/store";
import { createDb } from "@/lib/db";
import { createEscottClient, jstMinute } from "@/lib/escott";
import { dictionaryFor } from "@/lib/i18n";
import { placeOrder as placeOrderInDb } from "@/lib/orders/place";
import { registerCvsPayment } from "@/lib/payments/cvs/checkout";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { logEntryFromCall, writePaymentLog } from "@/lib/payments/payment-log";
import { loadSettings } from "@/lib/payments/settings/store";
import { projectRoot } from "@/scripts/launch/prepare";
import { actionReplayHeaders, CARDS, configureCard, emulatorState, fillCard, startCheckout, thankYouOrderId } from "./card-support";
import { appBox, checkoutWithCvs, cvsPayment, emulator, enableCvs, gatewayRows, orderOf, rejectionsCounted, restoreGatewayRows, withDb } from "./cvs-support";
import { expect, test, uniqueEmail } from "./fixtures";

const instanceUrls = () => (process.env.E2E_INSTANCE_URLS ?? "").split(",").filter(Boolean);

test.skip(process.env.E2E_ENGINE !== "postgresql" || instanceUrls().length < 2, "needs PostgreSQL with two shop instances (E2E_ENGINE=postgresql)");
test.describe.configure({ mode: "serial" });

let saved: Awaited<ReturnType<typeof gatewayRows>>;
test.beforeAll(async () => {
  saved = await gatewayRows();
});
test.afterAll(async () => {
  await restoreGatewayRows(saved);
});

const IN_PROGRESS = dictionaryFor("ja").payment.inProgress;

test("20 concurrent place-order requests for one cart, spread over both instances, authorize exactly once", async ({ page }) => {
  test.setTimeout(120_000);
  await configureCard({ operateId: "1Gathering" });
  const email = uniqueEmail("mi-place-order");
  await startCheckout(page, { email });
  // The slow card keeps the first request busy at e-SCOTT (two calls of 5 s): the other 19 all
  // arrive while it is in flight.
  await fillCard(page, CARDS.slow);

  // The browser's place-order request is captured and sent 20 times at once instead, alternately
  // straight to each instance (same cookies, headers and body); the browser gets the answer of one
  // that reports the order paid.
  const urls = instanceUrls();
  let answers: Promise<{ instance: string; response: APIResponse; text: string }[]> | undefined;
  await page.route("**/checkout", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !(await request.headerValue("next-action")) || answers) return route.continue();
    const headers = await actionReplayHeaders(request);
    const { pathname, search } = new URL(request.url());
    const body = request.postDataBuffer() ?? undefined;
    answers = Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const instance = urls[i % urls.length]!;
        const response = await page.request.post(`${instance}${pathname}${search}`, { headers, data: body, maxRedirects: 0, timeout: 90_000 });
        return { instance, response, text: await response.text() };
      }),
    );
    const all = await answers;
    const paid = all.find((a) => /"outcome":\{"kind":"redirect","url":"\/order\/\d+\?key=/.test(a.text));
    if (paid) await route.fulfill({ response: paid.response });
    else await route.abort();
  });
  await page.getByRole("button", { name: "注文する" }).click();
  const orderId = await thankYouOrderId(page);

  const all = await answers!;
  expect(all.map((a) => a.response.status())).toEqual(Array(20).fill(200));
  // The action's result in the answer (the answer also carries the re-rendered page, whose texts
  // include the dictionary's messages): {status: "placed", outcome: {kind, url | message}}.
  const thankYou = all.filter((a) => a.text.includes(`"outcome":{"kind":"redirect","url":"/order/${orderId}?key=`));
  const inProgress = all.filter((a) => a.text.includes(`"outcome":{"kind":"failed","message":"${IN_PROGRESS}"`));
  await test.info().attach("answers", { body: all.map((a, i) => `--- ${i} ${a.instance}\n${a.text.slice(0, 400)}`).join("\n"), contentType: "text/plain" });
  test.info().annotations.push({ type: "answers", description: `${thankYou.length} × thank-you page, ${inProgress.length} × 「${IN_PROGRESS}」` });
  // Each request was either answered with the one payment's result (it waited for it) or told the
  // order is being paid; none started another payment.
  expect(thankYou.length + inProgress.length).toBe(20);
  expect(new Set(all.map((a) => a.instance)).size).toBe(2);

  const orders = await withDb((db) => db.order.findMany({ where: { email }, include: { payments: true } }));
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ id: orderId, status: "processing" });
  expect(orders[0]!.payments).toHaveLength(1);
  expect(orders[0]!.payments[0]!.state).toBe("captured");
  const code = orders[0]!.payments[0]!.transactionCode;
  const state = await emulatorState();
  expect(state.calls.filter((c) => c.operateId === "1TokenSearch" && c.merchantFree1 === code)).toHaveLength(1);
  expect(state.calls.filter((c) => c.operateId === "1Gathering" && c.merchantFree1 === code)).toHaveLength(1);
  expect(state.transactions.filter((t) => t.merchantFree2 === String(orderId))).toHaveLength(1);
});

test("the same 入金結果通知 delivered 10 times at once to both instances: one receipt, one transition, one e-mail", async ({ page }) => {
  await enableCvs();
  const orderId = await checkoutWithCvs(page, { email: uniqueEmail("mi-notify") });
  const { transactionCode } = await cvsPayment(orderId);
  // Paid at the store; e-SCOTT's notification is captured here instead of reaching the shop, so
  // the very same notification (fields, HashCd, encoding) can be delivered 10 times.
  expect((await emulator(`/_control/cvs/${transactionCode}/pay`, { cvsCd: "SEV", notify: false })).status).toBe(200);
  const notification = await captureNotification(transactionCode);
  const before = await orderOf(orderId);
  const duplicatesBefore = await rejectionsCounted("notification", "duplicate");

  const urls = instanceUrls();
  const deliveries = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      fetch(`${urls[i % urls.length]}/api/escott/notification`, { method: "POST", headers: { "Content-Type": notification.contentType }, body: new Uint8Array(notification.body) }).then((r) => r.status),
    ),
  );
  expect(deliveries).toEqual(Array(10).fill(200));

  // One applied (logged); nine duplicates counted by the two instances together, at most one sampled row.
  await expect.poll(() => rejectionsCounted("notification", "duplicate"), { timeout: 20_000 }).toBe(duplicatesBefore + 9);
  const outcomes = (await withDb((db) => db.paymentLog.findMany({ where: { orderId, kind: "notification" } }))).map((l) => l.outcome);
  expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
  expect(outcomes.filter((o) => o === "duplicate").length).toBeLessThanOrEqual(1);
  const payment = await cvsPayment(orderId);
  expect(payment.state).toBe("paid");
  expect(payment.receipts).toHaveLength(1);
  expect(await withDb((db) => db.paymentReceipt.count({ where: { paymentId: payment.id } }))).toBe(1);
  const after = await orderOf(orderId);
  expect(before.status).toBe("on-hold");
  expect(after.status).toBe("processing");
  expect(after.notes).toHaveLength(before.notes.length + 1);
  expect(after.notes.filter((n) => n.message.includes("入金がありました"))).toHaveLength(1);
  expect(await withDb((db) => db.emailMessage.count({ where: { orderId, kind: "payment_received" } }))).toBe(1);
});

test("the expiry job started by two instances at the same moment over 50 due payments: each checked once, cancelled once, stock returned once", async () => {
  test.setTimeout(180_000);
  await enableCvs({ payLimitDays: 3 });
  const slug = `mi-expiry-${Date.now().toString(36)}`;
  const productId = await withDb(async (db) => {
    const product = await db.product.create({
      data: { slug, name: "期限切れ検証用", nameEn: "Expiry check", description: "e2e", descriptionEn: "e2e", imagePath: "/products/hasami-mug.svg", priceYen: 1000, taxRate: 10, stock: 100, sortOrder: 999 },
    });
    return product.id;
  });
  const stock = () => withDb(async (db) => (await db.product.findUniqueOrThrow({ where: { id: productId } })).stock);
  try {
    await expireFiftyAtOnce(slug, stock);
  } finally {
    // Out of the catalog the other specs see.
    await withDb((db) => db.product.update({ where: { id: productId }, data: { active: false } }));
  }
});

async function expireFiftyAtOnce(slug: string, stock: () => Promise<number>): Promise<void> {
  const orderIds = await placeCvsOrders(slug, 50);
  expect(await stock()).toBe(50);
  const payments = await withDb((db) => db.payment.findMany({ where: { orderId: { in: orderIds }, gateway: "cvs" } }));
  expect(payments.map((p) => p.state)).toEqual(Array(50).fill("unpaid"));
  const codes = new Set(payments.map((p) => p.transactionCode));

  // The deadline passes: half of them e-SCOTT already reports expired, the other half it still
  // accepts (the job must delete those, 2Del, before cancelling).
  await withDb((db) => db.payment.updateMany({ where: { id: { in: payments.map((p) => p.id) } }, data: { payLimit: jstMinute(new Date(Date.now() - 60 * 60_000)) } }));
  for (const p of payments.slice(0, 25)) expect((await emulator(`/_control/cvs/${p.transactionCode}/expire`)).status).toBe(200);

  // Two instances' cron jobs, started together, competing for the housekeeping lease.
  const [a, b] = await Promise.all([housekeepingJob("e2e-job-a"), housekeepingJob("e2e-job-b")]);
  for (const job of [a, b]) expect(job.status, job.stderr).toBe(0);
  const reports = [a, b].map((job) => JSON.parse(job.stdout.trim().split("\n").at(-1)!) as { skipped?: string; cvs?: { checked: number; expired: number } });
  test.info().annotations.push({ type: "jobs", description: JSON.stringify(reports) });
  expect(reports.reduce((n, r) => n + (r.cvs?.expired ?? 0), 0)).toBe(50);

  // e-SCOTT was asked about each registration exactly once, and deleted what it still held once.
  const { json } = await emulator<{ cvs: { merchantFree1: string; status: string; operateIds: string[] }[]; calls: { operateId?: string; merchantFree1?: string }[] }>("/_control/state", undefined, "GET");
  const registrations = json.cvs.filter((r) => codes.has(r.merchantFree1));
  expect(registrations).toHaveLength(50);
  for (const r of registrations) {
    expect(r.operateIds.filter((id) => id === "2Ref"), r.merchantFree1).toHaveLength(1);
    expect(r.operateIds.filter((id) => id === "2Del").length, r.merchantFree1).toBeLessThanOrEqual(1);
  }
  expect(registrations.filter((r) => r.operateIds.includes("2Del"))).toHaveLength(25);
  expect(json.calls.filter((c) => c.operateId === "2Ref" && codes.has(c.merchantFree1 ?? ""))).toHaveLength(50);

  // Each order cancelled once, its stock back once.
  const orders = await withDb((db) => db.order.findMany({ where: { id: { in: orderIds } }, include: { notes: true } }));
  for (const order of orders) {
    expect(order.status, `order ${order.id}`).toBe("cancelled");
    expect(order.notes.filter((n) => n.message.includes("を過ぎても入金がなかったため")), `order ${order.id}`).toHaveLength(1);
    expect(order.notes.filter((n) => n.toStatus === "cancelled"), `order ${order.id}`).toHaveLength(1);
  }
  expect(await stock()).toBe(100);
}

test("11 wrong passwords for one account, alternately on both instances: the throttle counts all 11 and refuses the 11th", async ({ request }) => {
  const email = uniqueEmail("mi-throttle");
  const password = "correct horse battery";
  await withDb(async (db) => db.user.create({ data: { email, passwordHash: await hashPassword(password), role: "customer" } }));
  // One client address for all attempts (the instances believe the X-Forwarded-For of one proxy hop).
  const ip = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
  const urls = instanceUrls();

  const csrf = await request.get(`${urls[0]}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  /** A login through next-auth's credentials callback, as the login form posts it; the error it reports, or null. */
  const attempt = async (url: string, tryPassword: string, from = ip): Promise<string | null> => {
    const res = await request.post(`${url}/api/auth/callback/credentials`, {
      headers: { "x-forwarded-for": from },
      form: { csrfToken, email, password: tryPassword, json: "true", callbackUrl: `${process.env.E2E_BASE_URL}/account` },
      maxRedirects: 0,
    });
    // next-auth answers {url} (401 when refused), the URL naming the error as the login form reads it.
    const target = res.headers()["content-type"]?.includes("json") ? ((await res.json()) as { url: string }).url : res.headers().location!;
    return new URL(target, url).searchParams.get("error");
  };

  const errors: (string | null)[] = [];
  for (let i = 0; i < 11; i++) errors.push(await attempt(urls[i % urls.length]!, `wrong password ${i}`));
  expect(errors).toEqual([...Array(10).fill("CredentialsSignin"), "too_many_attempts"]);

  // The shared counter of this (address, account) pair holds every attempt, from both instances.
  const subject = createHash("sha256").update(`${ip}|${email}`).digest("base64url").slice(0, 22);
  const counters = await withDb((db) => db.throttleCounter.findMany({ where: { key: { startsWith: `login-pair:${subject}:` } } }));
  expect(counters.reduce((n, c) => n + c.count, 0)).toBe(11);

  // From that address even the right password is refused now; the owner elsewhere still logs in.
  expect(await attempt(urls[1]!, password)).toBe("too_many_attempts");
  expect(await attempt(urls[0]!, password, "198.51.100.7")).toBeNull();
});

/** `npm run jobs:housekeeping` as instance `instanceId`'s cron would run it, against the suite's shop. */
function housekeepingJob(instanceId: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", "jobs:housekeeping"], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        ESCOTT_TARGET: "emulator",
        ESCOTT_EMULATOR_URL: process.env.E2E_EMULATOR_URL,
        SITE_URL: process.env.E2E_BASE_URL,
        SHOP_INSTANCE_ID: instanceId,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * `count` guest orders of one unit of `slug`, each registered at e-SCOTT (2Add) by the shop's own
 * CVS checkout code, as if placed in the browser; returns their ids.
 */
async function placeCvsOrders(slug: string, count: number): Promise<number[]> {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const box = appBox();
    const settings = await loadSettings(db, box, "cvs", "emulator");
    const deps: CvsContext = {
      db,
      settings,
      box,
      siteUrl: process.env.E2E_BASE_URL!,
      now: () => new Date(),
      deliver: () => {},
      client: createEscottClient({
        mode: settings.testMode ? "test" : "production",
        baseUrlOverride: process.env.E2E_EMULATOR_URL,
        timeoutMs: 30_000,
        cvs: { merchantId: settings.merchantId, merchantPass: settings.merchantPass },
        onCall: (record) => writePaymentLog(db, logEntryFromCall("cvs", record), settings.saveLog),
      }),
    };
    const product = await db.product.findUniqueOrThrow({ where: { slug } });
    const one = async (i: number) => {
      const cart = await ensureCart(db, { userId: null, token: null });
      await addItem(db, cart.id, product.id, 1);
      const order = await placeOrderInDb(db, {
        cartId: cart.id,
        checkoutKey: randomUUID(),
        userId: null,
        locale: "ja",
        paymentMethod: "cvs",
        shipping: { flatFee: 800, freeThreshold: 10000 },
        data: {
          billing: { lastName: "佐藤", firstName: "一郎", lastNameKana: "サトウ", firstNameKana: "イチロウ", postalCode: "530-0001", prefecture: "27", city: "大阪市北区", address1: "梅田1-1", address2: "", phone: "06-1234-5678" },
          email: uniqueEmail(`mi-expiry-${i}`),
          shipToDifferentAddress: false,
          shipping: null,
        },
      });
      const outcome = await registerCvsPayment(deps, { id: order.id }, "ja");
      if (outcome.kind !== "redirect") throw new Error(`order ${order.id}: ${JSON.stringify(outcome)}`);
      return order.id;
    };
    const ids: number[] = [];
    for (let i = 0; i < count; i += 5) ids.push(...(await Promise.all([0, 1, 2, 3, 4].filter((k) => i + k < count).map((k) => one(i + k)))));
    return ids;
  } finally {
    await db.$disconnect();
  }
}

/**
 * The 入金結果通知 e-SCOTT sends for a paid registration, exactly as sent: the emulator's
 * notification URL points at a local receiver for one delivery, then back at the shop.
 */
async function captureNotification(transactionCode: string): Promise<{ contentType: string; body: Buffer }> {
  let received: { contentType: string; body: Buffer } | undefined;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received ??= { contentType: req.headers["content-type"] ?? "application/x-www-form-urlencoded", body: Buffer.concat(chunks) };
      res.writeHead(200, { "Content-Type": "text/plain" }).end("OK");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    await emulator("/_control/notify-url", { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/escott/notification` });
    expect((await emulator(`/_control/cvs/${transactionCode}/notify`)).status).toBe(200);
    await expect.poll(() => received !== undefined, { timeout: 10_000 }).toBe(true);
    return received!;
  } finally {
    await emulator("/_control/notify-url", { url: `${process.env.E2E_BASE_URL}/api/escott/notification` });
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}
