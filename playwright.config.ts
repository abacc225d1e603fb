import { defineConfig } from "@playwright/test";

// The suite starts everything it needs itself (e2e/global-setup.ts): a throw-away SQLite
// database, the e-SCOTT emulator and the built shop, on free ports. With E2E_ENGINE=postgresql
// (and TEST_PG_URL) a throw-away PostgreSQL database and two shop instances behind a round-robin
// proxy instead; that run keeps its results apart (`npm run test:e2e` runs both: scripts/e2e/run.sh).
const postgresRun = /^postgres(ql)?$/i.test(process.env.E2E_ENGINE ?? "");

export default defineConfig({
  testDir: "e2e",
  ...(postgresRun ? { outputDir: "test-results/postgresql" } : {}),
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
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
    },
  },
});
