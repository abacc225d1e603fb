import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// The suite starts everything it needs itself (e2e/global-setup.ts): a throw-away SQLite
// database, the e-SCOTT emulator and the built shop, on free ports. With E2E_ENGINE=postgresql
// (and TEST_PG_URL) a throw-away PostgreSQL database and two shop instances behind a round-robin
// proxy instead; that run keeps its results apart (`npm run test:e2e` runs both: scripts/e2e/run.sh).
const postgresRun = /^postgres(ql)?$/i.test(process.env.E2E_ENGINE ?? "");

// Specs whose outcome cannot depend on the database engine or on a second shop instance: page
// layout, response headers and the CSP, admin forms and settings pages, input validation, CSV
// encoding. The PostgreSQL run (two instances) leaves them out to keep CI's time down; what they
// store goes through the same stores the unit tests run on PostgreSQL. Everything that takes money,
// applies a notification, ends a session, uses a single-use code or link, numbers a receipt, or
// searches the database (fuzz: PostgreSQL refuses NUL; the card-data audit) runs on both engines.
// E2E_ALL_SPECS=1 runs every spec on PostgreSQL too.
const SINGLE_ENGINE_SPECS = [
  "admin.spec.ts",
  "admin-order-export.spec.ts",
  "card-settings.spec.ts",
  "checkout-confirmation.spec.ts",
  "delivery-date.spec.ts",
  "deployment-guards.spec.ts",
  "guest-checkout.spec.ts",
  "security-headers.spec.ts",
  "shipping-by-prefecture.spec.ts",
];
// A renamed spec would silently run on both engines again: the list must name existing files.
for (const name of SINGLE_ENGINE_SPECS) if (!existsSync(`e2e/${name}`)) throw new Error(`playwright.config.ts: e2e/${name} does not exist`);
const allSpecs = process.env.E2E_ALL_SPECS === "1";

// Debian's chromium-headless-shell (the old headless mode, no browser UI) when installed: the full
// browser's headless mode keeps its own UI and a compositor busy, which took about half of CI's two
// cores for nothing (two busy specs: 2.3 min with the full browser, 1.2 min with the shell). The
// pages, fonts and engine are the same Chromium build. CHROMIUM_PATH names another browser.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const browserPath = process.env.CHROMIUM_PATH || (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export default defineConfig({
  testDir: "e2e",
  ...(postgresRun ? { outputDir: "test-results/postgresql" } : {}),
  ...(postgresRun && !allSpecs ? { testIgnore: SINGLE_ENGINE_SPECS.map((name) => `**/${name}`) } : {}),
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", ...(postgresRun ? { outputFolder: "playwright-report/postgresql" } : {}) }]] : [["list"]],
  use: {
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: browserPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    },
  },
});
