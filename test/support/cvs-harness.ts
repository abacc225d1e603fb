// Integration-test world for the convenience-store flow: a real migrated SQLite database, the
// real emulator on a free port (reached only over HTTP) and a local receiver standing in for
// the shop's notification URL, feeding what the emulator POSTs into processNotification.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type RunningEmulator } from "@/emulator";
import { addItem, cartView, ensureCart } from "@/lib/cart/store";
import { createEscottClient } from "@/lib/escott";
import { DEMO_CONTRACT } from "@/lib/escott/demo-contract";
import { placeOrder } from "@/lib/orders/place";
import type { CvsContext } from "@/lib/payments/cvs/context";
import { cvsFeeLines } from "@/lib/payments/cvs/fee";
import { processNotification, type NotificationResult } from "@/lib/payments/cvs/notification";
import { CVS_PAYMENT_START, registerCvsPayment } from "@/lib/payments/cvs/checkout";
import { startNewOrderPayment } from "@/lib/payments/payments";
import { logEntryFromCall, writePaymentLog } from "@/lib/payments/payment-log";
import { cvsSettingsSchema, type CvsSettings } from "@/lib/payments/settings/cvs";
import { PRESET_FEE_ROWS } from "@/lib/payments/settings/fees";
import { createSecretBox } from "@/lib/security/secret-box";
import { createProduct, createTestDb, sampleCheckout, type TestDb } from "@/test/support/db";

export const SHIPPING = { flatFee: 800, freeThreshold: 10000 };

export interface CvsWorld {
  t: TestDb;
  emu: RunningEmulator;
  deps: CvsContext;
  delivered: string[][];
  /** "process": notifications go through processNotification; "capture": only recorded. */
  receiver: { mode: "process" | "capture"; received: Record<string, string>[]; results: NotificationResult[] };
  control<T = Record<string, unknown>>(path: string, body?: unknown, method?: string): Promise<{ status: number; json: T }>;
  registration(merchantFree1: string): Promise<EmulatorRegistration | undefined>;
  /** Places an order for one product at `price` yen and registers it at e-SCOTT. */
  order(options?: { price?: number; quantity?: number; kana?: string }): Promise<PlacedCvsOrder>;
  waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface EmulatorRegistration {
  processId: string;
  status: string;
  merchantFree1: string;
  merchantFree2: string;
  amount: number;
  payLimit: string;
  nameKanji: string;
  nameKana: string;
  telNo: string;
  shouhinName: string;
  returnUrl?: string;
  freeArea: string;
  payment?: { recvNum: string; nyukinDate: string; cvsCd: string };
  operateIds: string[];
}

export interface PlacedCvsOrder {
  orderId: number;
  cartId: string;
  productId: string;
  outcome: Awaited<ReturnType<typeof registerCvsPayment>>;
}

export async function startCvsWorld(overrides: Partial<CvsSettings> = {}): Promise<CvsWorld> {
  const t = await createTestDb();
  const receiver: CvsWorld["receiver"] = { mode: "process", received: [], results: [] };
  const holder: { deps?: CvsContext } = {};
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const fields = Object.fromEntries(new URLSearchParams(body));
      receiver.received.push(fields);
      const done = () => res.writeHead(200, { "Content-Type": "text/plain" }).end("OK");
      if (receiver.mode === "capture" || !holder.deps) return done();
      processNotification(holder.deps, fields).then(
        (r) => {
          receiver.results.push(r);
          done();
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const notifyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/escott/notification`;
  const emu = await startEmulator({ port: 0, quiet: true, env: {}, notifyUrl, notifyRetryMs: 100 });

  const settings: CvsSettings = {
    ...cvsSettingsSchema.parse({ enabled: true, ...DEMO_CONTRACT.cvs, feeEnabled: true, feeRows: PRESET_FEE_ROWS }),
    ...overrides,
  };
  const delivered: string[][] = [];
  const world: CvsContext = {
    db: t.db,
    settings,
    box: createSecretBox("cvs-test-key-".repeat(4)),
    siteUrl: "http://shop.test",
    now: () => new Date(),
    deliver: (ids) => {
      delivered.push(ids);
    },
    client: createEscottClient({
      mode: "test",
      baseUrlOverride: emu.url,
      timeoutMs: 3_000,
      cvs: { ...DEMO_CONTRACT.cvs },
      onCall: (record) => writePaymentLog(t.db, logEntryFromCall("cvs", record), true),
    }),
  };
  holder.deps = world;

  async function control<T>(path: string, body?: unknown, method = "POST") {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  return {
    t,
    emu,
    deps: world,
    delivered,
    receiver,
    control,
    async registration(merchantFree1) {
      const { json } = await control<{ cvs: EmulatorRegistration[] }>("/_control/state", undefined, "GET");
      return json.cvs.find((r) => r.merchantFree1 === merchantFree1);
    },
    async order({ price = 2200, quantity = 1, kana } = {}) {
      const product = await createProduct(t.db, { priceYen: price, stock: 10 });
      const cart = await ensureCart(t.db, { userId: null, token: null });
      await addItem(t.db, cart.id, product.id, quantity);
      const before = (await cartView(t.db, cart.id, SHIPPING)).totals.total;
      const data = kana ? { ...sampleCheckout, billing: { ...sampleCheckout.billing, lastNameKana: kana } } : sampleCheckout;
      const placed = await placeOrder(
        t.db,
        {
          cartId: cart.id,
          checkoutKey: `k-${Math.random()}`,
          userId: null,
          locale: "ja",
          data,
          paymentMethod: "cvs",
          fees: cvsFeeLines(world.settings, before, "ja"),
          shipping: SHIPPING,
        },
        // As the checkout does (PaymentGateway.startWith): the 2Add attempt is begun with the order.
        (tx, order) => startNewOrderPayment(tx, order, CVS_PAYMENT_START),
      );
      const outcome = await registerCvsPayment(world, { id: placed.id }, "ja", placed.started);
      return { orderId: placed.id, cartId: cart.id, productId: product.id, outcome };
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await predicate())) {
        if (Date.now() > deadline) throw new Error("timed out waiting");
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await emu.close();
      await new Promise((r) => server.close(r));
      await t.cleanup();
    },
  };
}
