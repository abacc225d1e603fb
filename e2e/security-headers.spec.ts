// Security headers and the payment pages' scripts (issue 10; PCI DSS v4.0 6.4.3 / 11.6.1): every response carries
// the policy of proxy.ts, the checkout runs only the scripts of docs/script-inventory.json, a script slipped into
// the page does not run and is reported to the admin dashboard, and card payments (with and without 3-D Secure)
// still work under the policy.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page, Response } from "@playwright/test";
import { seedOrder } from "./seed-order";
import { CARDS, configureCard, fillCard, keepCardSettings, placeOrder, startCheckout, thankYouOrderId, withDb } from "./card-support";
import { admin, expect, login, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

type InventoryEntry = { id: string; kind: "external"; origin: "shop" | "escott-token-script"; path: string } | { id: string; kind: "inline"; nonce: "response" };
const inventory = JSON.parse(readFileSync(path.join(process.cwd(), "docs", "script-inventory.json"), "utf8")) as { pages: string[]; scripts: InventoryEntry[] };

const shopOrigin = () => new URL(process.env.E2E_BASE_URL!).origin;
/** The suite's shop talks to the emulator: the token script's origin of the active mode is the emulator's. */
const tokenScriptOrigin = () => new URL(process.env.E2E_EMULATOR_URL!).origin;

/** Which inventory entry allows this script URL (null: none). */
function allowedBy(url: string): string | null {
  const u = new URL(url);
  const origins = { shop: shopOrigin(), "escott-token-script": tokenScriptOrigin() };
  for (const entry of inventory.scripts) {
    if (entry.kind === "external" && u.origin === origins[entry.origin] && new RegExp(entry.path).test(u.pathname)) return entry.id;
  }
  return null;
}

function policyOf(response: Pick<Response, "headers"> | null): Map<string, string[]> {
  const header = response?.headers()["content-security-policy"];
  expect(header, "Content-Security-Policy").toBeTruthy();
  return new Map(header!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values] as const));
}

function nonceOf(policy: Map<string, string[]>): string {
  const source = policy.get("script-src")?.find((v) => v.startsWith("'nonce-"));
  expect(source).toBeTruthy();
  return source!.slice("'nonce-".length, -1);
}

/** Every header the issue asks for, with the script origin of the active mode and nothing else. */
function expectSecurityHeaders(response: Response | null, referrerPolicy = "strict-origin-when-cross-origin"): Map<string, string[]> {
  const headers = response!.headers();
  const policy = policyOf(response);
  const nonce = nonceOf(policy);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, tokenScriptOrigin()]);
  expect(policy.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(policy.get("connect-src")).toEqual(["'self'", tokenScriptOrigin()]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'", tokenScriptOrigin()]); // the emulator plays the 3-D Secure and payment pages
  expect(policy.get("report-uri")).toEqual(["/api/csp-report"]);
  // SITE_URL is http://localhost here: no HSTS, and no report-to (Chromium's Reporting API delivers only from
  // secure contexts and would silence report-uri) — lib/security/csp.test.ts covers the https headers.
  expect(policy.has("report-to")).toBe(false);
  expect(headers["reporting-endpoints"]).toBeUndefined();
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(headers["referrer-policy"]).toBe(referrerPolicy);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("payment=(self)");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  return policy;
}

/** Records the page's CSP violations (init scripts are the browser's, not subject to the page's policy). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: { directive: string; blocked: string; sample: string }[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: { directive: string; blocked: string; sample: string }[] }).__csp);

test("the home page: every header, a fresh nonce per response, on Next's own scripts; static files get them too", async ({ page, request }) => {
  await recordViolations(page);
  const first = await page.goto("/");
  const policy = expectSecurityHeaders(first);
  const nonce = nonceOf(policy);
  // Next.js put this response's nonce on every script it rendered (inline bootstrap and chunks).
  const tags = [...(await first!.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(tags.length).toBeGreaterThan(3);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  // A chunk the Turbopack runtime needs before its <script async> has run is inserted again by the
  // runtime, without a nonce: allowed by 'self' as our own static file, and nothing else may be.
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, nonce: s.nonce })));
  for (const s of scripts.filter((x) => x.nonce !== nonce)) expect(new URL(s.src, page.url()).pathname, JSON.stringify(s)).toMatch(/^\/_next\/static\/chunks\/[\w.-]+\.js$/);
  expect(await violations(page)).toEqual([]);

  const second = await request.get("/");
  expect(nonceOf(policyOf(second))).not.toBe(nonce);

  const chunk = scripts.find((s) => s.src)!.src;
  const asset = await request.get(chunk);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(asset.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const api = await request.post("/api/csp-report", { headers: { "content-type": "text/plain" }, data: "x" });
  expect(api.status()).toBe(400);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("pages are compressed; the machine endpoints are not, skip the proxy and carry a closed policy of their own", async ({ request }) => {
  const page = await request.get("/", { headers: { "Accept-Encoding": "gzip" } });
  expect(page.headers()["content-encoding"]).toBe("gzip");
  for (const answer of [
    await request.get("/api/health", { headers: { "Accept-Encoding": "gzip" } }),
    await request.post("/api/escott/notification", { headers: { "Accept-Encoding": "gzip", "Content-Type": "application/x-www-form-urlencoded" }, data: "MerchantId=x" }),
  ]) {
    expect(answer.status(), answer.url()).toBe(200);
    const headers = answer.headers();
    expect(headers["content-encoding"], answer.url()).toBeUndefined();
    expect(headers["content-security-policy"], answer.url()).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], answer.url()).toBe("nosniff");
    expect(headers["cache-control"], answer.url()).toContain("no-store");
  }
});

test("the checkout with card payment loads only the scripts of the inventory, and the token script works", async ({ page }) => {
  await configureCard();
  await recordViolations(page);
  const scriptRequests: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scriptRequests.push(r.url());
  });
  const checkout = page.waitForResponse((r) => new URL(r.url()).pathname === "/checkout" && r.request().resourceType() === "document");
  await startCheckout(page, { email: uniqueEmail("csp-checkout") });
  const policy = expectSecurityHeaders(await checkout);
  const nonce = nonceOf(policy);
  await expect(page.getByTestId("card-payment")).toBeVisible();
  // e-SCOTT's script is loaded as soon as the card method is shown.
  await page.waitForFunction(() => typeof (window as unknown as { SpsvApi?: unknown }).SpsvApi === "object");

  const elements = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, nonce: s.nonce, inline: !s.src })));
  const tokenScripts = elements.filter((s) => s.src && allowedBy(s.src) === "escott-token-script");
  expect(tokenScripts).toHaveLength(1);
  expect(tokenScripts[0]!.nonce).toBe(nonce); // token-script.ts passes the page's nonce on
  const inlineAllowed = inventory.scripts.some((e) => e.kind === "inline" && e.nonce === "response");
  for (const s of elements) {
    if (s.inline) expect(inlineAllowed && s.nonce === nonce, `inline script without this response's nonce: ${JSON.stringify(s)}`).toBe(true);
    else expect(allowedBy(s.src), `<script src="${s.src}"> is not in docs/script-inventory.json`).not.toBeNull();
  }
  const checkoutScripts = scriptRequests.filter((u) => !u.startsWith(`${shopOrigin()}/products/`) && !u.startsWith(`${shopOrigin()}/cart`));
  expect(checkoutScripts.some((u) => allowedBy(u) === "escott-token-script")).toBe(true);
  for (const url of scriptRequests) expect(allowedBy(url), `script ${url} is not in docs/script-inventory.json`).not.toBeNull();
  expect(await violations(page)).toEqual([]);
});

test("a script slipped into the checkout without the nonce does not run, and the admin dashboard shows the report", async ({ page, browser }) => {
  await configureCard();
  await recordViolations(page);
  await startCheckout(page, { email: uniqueEmail("csp-inject") });
  await expect(page.getByTestId("card-payment")).toBeVisible();

  const ran = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const inline = document.createElement("script");
    inline.textContent = "window.__skimmer = true;";
    document.body.appendChild(inline);
    // A foreign origin (127.0.0.1 is not the page's localhost) — blocked before any request is made.
    const external = document.createElement("script");
    external.src = `${location.protocol}//127.0.0.1:${location.port}/_next/static/chunks/skimmer.js`;
    const loaded = new Promise<string>((resolve) => {
      external.onload = () => resolve("loaded");
      external.onerror = () => resolve("blocked");
    });
    document.body.appendChild(external);
    const attribute = document.createElement("img");
    attribute.setAttribute("onerror", "window.__attr = true");
    attribute.src = "data:,";
    document.body.appendChild(attribute);
    const result = await loaded;
    await new Promise((r) => setTimeout(r, 200));
    return { inline: w.__skimmer === true, external: result, attribute: w.__attr === true };
  });
  expect(ran).toEqual({ inline: false, external: "blocked", attribute: false });
  const seen = await violations(page);
  expect(seen).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ directive: "script-src-elem", blocked: "inline" }),
      expect.objectContaining({ directive: "script-src-elem", blocked: expect.stringContaining("127.0.0.1") }),
      expect.objectContaining({ directive: "script-src-attr", blocked: "inline" }),
    ]),
  );

  // The browser reports the violations to /api/csp-report at once (report-uri).
  const adminPage = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await login(adminPage, admin().email, admin().password);
  await expect(async () => {
    await adminPage.goto("/admin");
    await expect(adminPage.getByTestId("csp-alert")).toContainText("決済ページで許可されていないスクリプトがブロックされました");
  }).toPass({ timeout: 20_000 });
  await expect(adminPage.getByTestId("csp-page").first()).toHaveText(`${shopOrigin()}/checkout`);
  await expect(adminPage.getByTestId("csp-blocked").filter({ hasText: "127.0.0.1" }).first()).toBeVisible();
});

test("an order page opened with its key: the same policy, no referrer at all", async ({ page }) => {
  const orderId = await seedOrder(uniqueEmail("csp-order"));
  const key = (await withDb((db) => db.order.findUniqueOrThrow({ where: { id: orderId }, select: { accessKey: true } }))).accessKey;
  await recordViolations(page);
  const response = await page.goto(`/order/${orderId}?key=${key}`);
  expect(response!.status()).toBe(200);
  expectSecurityHeaders(response, "no-referrer");
  // The browser obeys it: following a link from the page sends no Referer with the key.
  const next = page.waitForRequest((r) => new URL(r.url()).pathname === "/cart" && r.resourceType() === "document");
  await page.evaluate(() => {
    const a = document.createElement("a");
    a.href = "/cart";
    document.body.appendChild(a);
    a.click();
  });
  expect((await next).headers()["referer"]).toBeUndefined();
  // Let that navigation finish: a goto during it is "interrupted by another navigation".
  await page.waitForURL("**/cart");
  // Without the key (e.g. the customer's own account page) the default policy applies.
  expectSecurityHeaders(await page.goto(`/order/${orderId}`), "strict-origin-when-cross-origin");
});

test("card payments work under the policy, without and with 3-D Secure, with no violation on our pages", async ({ page }) => {
  await recordViolations(page);
  for (const threeDSecure of [false, true]) {
    await configureCard({ threeDSecure });
    await startCheckout(page, { email: uniqueEmail(threeDSecure ? "csp-3ds" : "csp-card") });
    await fillCard(page, CARDS.demo);
    if (threeDSecure) await page.getByLabel("個人情報の取り扱いに同意する").check();
    const onCheckout = await violations(page);
    await placeOrder(page);
    await thankYouOrderId(page);
    expect(onCheckout).toEqual([]);
    expect(await violations(page)).toEqual([]);
  }
});
