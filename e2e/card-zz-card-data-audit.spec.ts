// Card numbers and security codes never reach our server, database or logs (runs last — hence
// the name — so the database holds everything the card specs wrote). A second server (scripts/serve.mjs) of
// the same build, database and emulator is started with its output captured, taken through the
// card journeys, and then its output, the logs of the suite's shop instances (one on SQLite, two
// on PostgreSQL: E2E_SHOP_LOGS) and every table of the database (either engine) are searched.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { projectRoot, resolveConfig } from "@/scripts/launch/prepare";
import { CARDS, configureCard, fillAddress, fillCard, keepCardSettings, placeOrder, PRODUCT, thankYouOrderId } from "./card-support";
import { addToCart, expect, register, test, uniqueEmail } from "./fixtures";

test.describe.configure({ mode: "serial" });
keepCardSettings();

const PANS = Object.values(CARDS).map((c) => c.number);
const CODES = [...new Set(Object.values(CARDS).map((c) => c.secCd))];

/** Every occurrence of a test card number (also spaced or hyphenated) in free text. */
function pansIn(text: string): string[] {
  const compact = text.replace(/(\d)[ -](?=\d)/g, "$1");
  return PANS.filter((pan) => compact.includes(pan));
}

/** Security codes that stand alone as a value ("8888", SecCd=8888), not inside longer numbers. */
function codesIn(text: string): string[] {
  return CODES.filter((code) => code.length >= 4 && new RegExp(`(?<![0-9A-Za-z*])${code}(?![0-9A-Za-z])`).test(text));
}

function leaves(value: unknown): string[] {
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === "object") return [value, ...leaves(parsed)];
    } catch {
      // plain text
    }
    return [value];
  }
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === "object") return Object.values(value).flatMap(leaves);
  return value === null || value === undefined ? [] : [String(value)];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

let server: ChildProcess | undefined;
let output = "";
let baseURL = "";

test.beforeAll(async () => {
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  const { childEnv } = resolveConfig({
    ...process.env,
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    SITE_URL: baseURL,
    PORT: String(port),
    ESCOTT_EMULATOR_URL: process.env.E2E_EMULATOR_URL,
    ESCOTT_TARGET: "emulator",
    EMULATOR_AUTOSTART: "false",
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  });
  server = spawn(process.execPath, [path.join(projectRoot, "scripts/serve.mjs")], {
    cwd: projectRoot,
    env: { ...childEnv, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(baseURL, { signal: AbortSignal.timeout(2000) })).status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`second server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) server.kill("SIGTERM");
});

test("the scanner itself finds what it looks for", () => {
  expect(pansIn('{"CardNo":"4123 0000 0000 0300"}')).toEqual(["4123000000000300"]);
  expect(codesIn("SecCd=8888&x=1")).toEqual(["8888"]);
  expect(codesIn("TransactionId=1000088880001 4123********0300")).toEqual([]);
});

test("card journeys through a server whose output is captured, then no card number or security code anywhere", async ({ browser }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();

  // Guest: a decline, then the demo card.
  await configureCard({ operateId: "1Gathering" });
  await addToCart(page, PRODUCT);
  await page.goto("/checkout");
  await fillAddress(page, uniqueEmail("audit-guest"));
  await fillCard(page, CARDS.k40);
  await placeOrder(page);
  await expect(page.getByTestId("payment-error")).toBeVisible();
  await fillCard(page, CARDS.demo);
  await placeOrder(page);
  await thankYouOrderId(page);

  // 3-D Secure with the challenge card.
  await configureCard({ threeDSecure: true });
  await addToCart(page, PRODUCT);
  await page.goto("/checkout");
  await fillAddress(page, uniqueEmail("audit-3ds"));
  await fillCard(page, CARDS.challenge);
  await page.getByLabel("個人情報の取り扱いに同意する").check();
  await placeOrder(page);
  await page.getByRole("button", { name: /^0: 認証成功/ }).click();
  await thankYouOrderId(page);

  // A customer registers a card in My Account, then pays with it.
  await configureCard({ operateId: "1Auth" });
  await register(page, uniqueEmail("audit-member"), "customer password");
  await page.goto("/account/card");
  await fillCard(page, CARDS.amex);
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByTestId("card-notice")).toHaveText("カード情報を登録しました。");
  await addToCart(page, PRODUCT);
  await page.goto("/checkout");
  await fillAddress(page);
  await placeOrder(page);
  await thankYouOrderId(page);
  await context.close();

  server!.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  expect(output).toContain("[serve] listening on"); // the capture works: scripts/serve.mjs announced itself
  expect({ pans: pansIn(output), codes: codesIn(output) }).toEqual({ pans: [], codes: [] });
  // And everything the suite's shop instances printed during all the specs so far.
  const logs = (process.env.E2E_SHOP_LOGS || process.env.E2E_SHOP_LOG!).split(path.delimiter);
  for (const log of logs) {
    const mainLog = readFileSync(log, "utf8");
    expect(mainLog, log).toContain("[serve] listening on");
    expect({ log, pans: pansIn(mainLog), codes: codesIn(mainLog) }).toEqual({ log, pans: [], codes: [] });
  }

  const tables = await allRows(process.env.E2E_DATABASE_URL!);
  expect([...tables.keys()]).toEqual(expect.arrayContaining(["Payment", "PaymentLog", "Order", "OrderNote", "CardMember"]));
  expect(tables.get("PaymentLog")!.length).toBeGreaterThan(10); // the scan has material: every card spec wrote log rows
  const findings: string[] = [];
  for (const [name, rows] of tables) {
    for (const row of rows) {
      for (const value of leaves(row)) {
        for (const pan of pansIn(value)) findings.push(`${name}: card number ${pan}`);
        for (const code of CODES) if (value === code) findings.push(`${name}: security code ${code} as a value`);
        for (const code of codesIn(value)) if (/SecCd|secCd|securityCode/.test(value)) findings.push(`${name}: security code ${code} in ${value.slice(0, 80)}`);
      }
    }
  }
  expect(findings).toEqual([]);
});

/** Every row of every table of the e2e database, by table name (SQLite file or PostgreSQL). */
async function allRows(databaseUrl: string): Promise<Map<string, Record<string, unknown>[]>> {
  const result = new Map<string, Record<string, unknown>[]>();
  if (databaseUrl.startsWith("file:")) {
    const sqlite = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
    try {
      const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      for (const { name } of tables) result.set(name, sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]);
    } finally {
      sqlite.close();
    }
    return result;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
    for (const { name } of tables.rows) result.set(name, (await client.query<Record<string, unknown>>(`SELECT * FROM ${pg.escapeIdentifier(name)}`)).rows);
  } finally {
    await client.end();
  }
  return result;
}
