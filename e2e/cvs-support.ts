// Helpers of the convenience-store e2e specs: the e2e database (to arrange gateway settings and
// read what the shop recorded), the emulator's control API, and the shopper's checkout.
import { spawnSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { cvsSettingsSchema, type CvsSettings } from "@/lib/payments/settings/cvs";
import { saveSettings } from "@/lib/payments/settings/store";
import { projectRoot } from "@/scripts/launch/prepare";
import { appBox, withDb } from "./e2e-db";
import { addToCart, expect, fillBillingAddress } from "./fixtures";

export { appBox, withDb };

const root = projectRoot;

/** The caps on unpaid orders raised: the whole suite checks out from one address and a few e-mail addresses. */
export const SUITE_CVS_LIMITS = { unpaidPerEmail: 20, unpaidPerIp: 100 } satisfies Partial<CvsSettings>;

/** Enables the CVS gateway with the emulator's credentials (and the given overrides). */
export async function enableCvs(overrides: Partial<CvsSettings> = {}): Promise<void> {
  const settings = { ...cvsSettingsSchema.parse({ enabled: true, ...DEMO_CONTRACT.cvs }), ...SUITE_CVS_LIMITS, ...overrides } as CvsSettings;
  await withDb((db) => saveSettings(db, appBox(), "cvs", settings));
}

/** Gateway settings rows as they were, to put back after a spec (other specs expect their own state). */
export async function gatewayRows(): Promise<{ gateway: string; values: string }[]> {
  return withDb((db) => db.gatewaySettings.findMany({ select: { gateway: true, values: true } }));
}

export async function restoreGatewayRows(rows: { gateway: string; values: string }[]): Promise<void> {
  await withDb(async (db) => {
    await db.gatewaySettings.deleteMany({ where: { gateway: { notIn: rows.map((r) => r.gateway) } } });
    for (const r of rows) await db.gatewaySettings.upsert({ where: { gateway: r.gateway }, create: r, update: { values: r.values } });
  });
}

export async function emulator<T = Record<string, unknown>>(urlPath: string, body?: unknown, method = "POST"): Promise<{ status: number; json: T }> {
  const res = await fetch(`${process.env.E2E_EMULATOR_URL}${urlPath}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T };
}

export function cvsPayment(orderId: number) {
  return withDb((db) => db.payment.findFirstOrThrow({ where: { orderId, gateway: "cvs" }, orderBy: { createdAt: "desc" }, include: { receipts: true } }));
}

export function orderOf(id: number) {
  return withDb((db) => db.order.findUniqueOrThrow({ where: { id }, include: { notes: true } }));
}

/**
 * A guest buys `slug` and pays at a convenience store: fills the checkout, checks the fee the
 * page shows, places the order and lands on the emulator's payment page. Returns the order id.
 */
export async function checkoutWithCvs(page: Page, options: { slug?: string; email: string; fee?: string; total?: string }): Promise<number> {
  await addToCart(page, options.slug ?? "imabari-face-towels");
  await page.goto("/checkout");
  await fillBillingAddress(page, options.email);
  await page.getByRole("radio", { name: /コンビニ・電子マネー・Pay-easy/ }).check();
  if (options.fee) await expect(page.getByTestId("cvs-fee")).toHaveText(options.fee);
  if (options.total) await expect(page.getByTestId("cvs-pay-total")).toHaveText(options.total);
  await page.getByRole("button", { name: "注文する" }).click();
  await page.waitForURL(/\/JLPCT\/JLPcon\?code=\w+&rkbn=1$/);
  return withDb(async (db) => (await db.order.findFirstOrThrow({ where: { email: options.email }, orderBy: { id: "desc" } })).id);
}

/** `npm run jobs:housekeeping` against the e2e shop's database and emulator, as cron would run it. */
export function runExpireJob(): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync("npm", ["run", "--silent", "jobs:housekeeping"], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      ESCOTT_TARGET: "emulator",
      ESCOTT_EMULATOR_URL: process.env.E2E_EMULATOR_URL,
      SITE_URL: process.env.E2E_BASE_URL,
    },
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/**
 * Refusals the shop counted for a reason (lib/security/rejections.ts). Servers add their counts
 * every few seconds: poll this.
 */
export async function rejectionsCounted(source: "notification" | "3ds_return", reason: string): Promise<number> {
  const sum = await withDb((db) => db.rejectionCount.aggregate({ where: { source, reason }, _sum: { count: true } }));
  return sum._sum.count ?? 0;
}
