// The shop-side arrangements the benchmark makes directly in the database, with the shop's own
// code (as the e2e specs do): gateway settings, stock, carts, a guest's checkout details.
import { readFileSync } from "node:fs";
import path from "node:path";
import { addItem, ensureCart } from "@/lib/cart/store";
import type { CheckoutInput } from "@/lib/checkout/address-schema";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import type { CardSettings } from "@/lib/payments/settings/card";
import { cvsSettingsSchema, type CvsSettings } from "@/lib/payments/settings/cvs";
import { defaultSettings, saveSettings } from "@/lib/payments/settings/store";
import { projectRoot } from "@/scripts/launch/prepare";
import type { Stack } from "./stack";

/** What the benchmark buys: one item of a product the seed catalog has. */
export const PRODUCT_SLUG = "shizuoka-fukamushi-sencha";

/**
 * Card (no 3-D Secure: the token → 1TokenSearch → 1Gathering path) and convenience-store
 * payments on with the emulator's demo contract. Every order comes from one address, so the
 * card-testing limits are raised (as the e2e suite does). The CVS payments are made in the
 * database, so the unpaid-order caps never apply.
 */
export async function enableGateways(stack: Stack): Promise<void> {
  await configureCard(stack);
  const cvs = { ...cvsSettingsSchema.parse({ enabled: true, ...DEMO_CONTRACT.cvs }), unpaidPerEmail: 20, unpaidPerIp: 100 } as CvsSettings;
  await saveSettings(stack.db, stack.box, "cvs", cvs);
}

/** The card gateway as enableGateways sets it, with `overrides` (bench/card-flows.ts turns 3-D Secure on and off). */
export async function configureCard(stack: Stack, overrides: Partial<CardSettings> = {}): Promise<void> {
  await saveSettings(stack.db, stack.box, "card", {
    ...defaultSettings("card", "emulator"),
    enabled: true,
    threeDSecure: false,
    // The highest the settings allow; only declines count, and the benchmark's cards approve.
    declinesPerOrder: 20,
    declinesPerIpHour: 1000,
    declinesPerShopperHour: 100,
    registrationsPerHour: 100,
    ...overrides,
  });
}

/** Enough stock that no run sells out. */
export async function stockUp(stack: Stack): Promise<string> {
  const product = await stack.db.product.update({ where: { slug: PRODUCT_SLUG }, data: { stock: 1_000_000 } });
  return product.id;
}

/** A guest cart with one item; its token is the `cart` cookie's value. */
export async function newCart(stack: Stack, productId: string): Promise<{ id: string; token: string }> {
  const cart = await ensureCart(stack.db, { userId: null, token: null });
  await addItem(stack.db, cart.id, productId, 1);
  return cart;
}

export function billing(email: string): CheckoutInput {
  return {
    billing: {
      lastName: "山田",
      firstName: "花子",
      lastNameKana: "ヤマダ",
      firstNameKana: "ハナコ",
      postalCode: "604-0000",
      prefecture: "26",
      city: "京都市中京区",
      address1: "寺町通1-1",
      address2: "",
      phone: "075-123-4567",
    },
    email,
    shipToDifferentAddress: false,
  };
}

/** The id of a server action in the build (what the browser sends as Next-Action). */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${file} not in the build's manifest`);
  return found[0];
}

/**
 * Calls a server action over HTTP the way React's client does (Next-Action header, the arguments
 * as a JSON array) and returns the action's result from the RSC answer.
 */
export async function callServerAction(stack: Stack, page: string, actionId: string, args: unknown[], cookie: string): Promise<{ status: number; result: unknown }> {
  const res = await fetch(`${stack.baseUrl}${page}`, {
    method: "POST",
    headers: {
      "Next-Action": actionId,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: stack.baseUrl,
      Cookie: cookie,
    },
    body: JSON.stringify(args),
  });
  const text = await res.text();
  return { status: res.status, result: actionResult(text) };
}

/**
 * The action's result in its RSC answer: row 0 is the envelope ({"a":"$@<row>", …}), the rows
 * around it may carry a re-rendered page (x-action-revalidated); the result is the row "a" names.
 */
export function actionResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const envelope = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof envelope?.a === "string" && envelope.a.startsWith("$@") ? envelope.a.slice(2) : undefined;
    return ref === undefined ? undefined : JSON.parse(rows.get(ref) ?? "null");
  } catch {
    return undefined;
  }
}
