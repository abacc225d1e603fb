// Starts the shop for the e2e suite: fresh database, e-SCOTT emulator, `next start`, each on
// a free port. What the tests need to know is passed on through process.env (workers inherit it).
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "@/scripts/launch/build";
import { startEmulatorIfNeeded } from "@/scripts/launch/emulator";
import { prepareDatabase, projectRoot, resolveConfig } from "@/scripts/launch/prepare";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "shop-e2e-"));
  const [shopPort, emulatorPort] = [await freePort(), await freePort()];
  const siteUrl = `http://localhost:${shopPort}`;
  const emulatorUrl = `http://localhost:${emulatorPort}`;
  const source = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "shop.db")}`,
    SITE_URL: siteUrl,
    PORT: String(shopPort),
    ESCOTT_EMULATOR_URL: emulatorUrl,
    ESCOTT_TARGET: "emulator",
    EMULATOR_AUTOSTART: "true",
    ADMIN_EMAIL: "admin@e2e.test",
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    APP_ENCRYPTION_KEY: "e2e-encryption-key-e2e-encryption-key",
  };
  const { env, childEnv } = resolveConfig(source);
  const prepared = await prepareDatabase(env);
  if (!prepared.admin) throw new Error("expected a fresh database with a new admin");

  const pids: number[] = [];
  const emulator = await startEmulatorIfNeeded(projectRoot, env, {
    EMULATOR_NOTIFY_URL: `${siteUrl}/api/escott/notification`,
    EMULATOR_NOTIFY_RETRY_MS: "300",
    EMULATOR_STATE_FILE: path.join(dir, "emulator-state.json"),
  });
  if (emulator?.pid) pids.push(emulator.pid);

  buildIfNeeded(projectRoot, childEnv);
  // The shop as `npm start` serves it (scripts/serve.mjs).
  const server = spawn(process.execPath, [path.join(projectRoot, "scripts/serve.mjs")], {
    cwd: projectRoot,
    env: { ...childEnv, PORT: String(shopPort), NODE_ENV: "production" },
    // Everything the shop prints is kept: the card-data audit spec searches it.
    stdio: ["ignore", openSync(path.join(dir, "shop.log"), "a"), openSync(path.join(dir, "shop.log"), "a")],
    detached: false,
  });
  if (server.pid) pids.push(server.pid);
  writeFileSync(path.join(dir, "pids.json"), JSON.stringify(pids));
  await waitFor(siteUrl, 60_000);

  Object.assign(process.env, {
    E2E_DIR: dir,
    E2E_BASE_URL: siteUrl,
    E2E_EMULATOR_URL: emulatorUrl,
    E2E_DATABASE_URL: source.DATABASE_URL,
    E2E_SHOP_LOG: path.join(dir, "shop.log"),
    E2E_APP_ENCRYPTION_KEY: source.APP_ENCRYPTION_KEY,
    // Processes the specs start themselves (a second server, `npm run jobs:housekeeping`) must seal
    // and open secrets with the same key as the suite's shop.
    APP_ENCRYPTION_KEY: source.APP_ENCRYPTION_KEY,
    E2E_ADMIN_EMAIL: prepared.admin.email,
    E2E_ADMIN_PASSWORD: prepared.admin.password,
  });
}
